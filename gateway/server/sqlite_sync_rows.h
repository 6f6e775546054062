#pragma once
// Reading sync_records rows, shared by SqliteSyncStorage's write side (sqlite_sync_storage.cpp) and its
// read side (sqlite_sync_reads.cpp). Internal to gateway/server.

#include <string>

#include <QSqlQuery>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "sync/sync_types.h"

namespace rapport::server {

inline std::string rowText(const QSqlQuery &q, int column)
{
    return q.value(column).toString().toStdString();
}

// Columns from `first`: entity_id, entity, seq, fields, deleted, life_hlc.
inline Result<sync::RecordState> readRecordRow(const QSqlQuery &q, int first)
{
    sync::RecordState r;
    r.entityId = rowText(q, first);
    r.entity = rowText(q, first + 1);
    r.seq = q.value(first + 2).toLongLong();
    r.deleted = q.value(first + 4).toBool();
    r.lifeHlc = rowText(q, first + 5);
    auto parsed = sync::parseFieldMap(nlohmann::json::parse(rowText(q, first + 3), nullptr, false), "fields");
    if (!parsed)
        return Error::make(ErrorCode::StoreCorrupt, "a sync record in server.db is damaged: " + parsed.error().message);
    r.fields = std::move(*parsed);
    return r;
}

} // namespace rapport::server
