// SqliteSyncStorage's read side for the server's own record routes (GET /contacts ... on
// rapport-server): the team's live records as the merge left them.

#include <QSqlQuery>

#include "server/server_store.h"
#include "server/sqlite_sync_storage.h"

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

Result<sync::RecordState> readLive(const QSqlQuery &q)
{
    sync::RecordState r;
    r.entityId = q.value(0).toString().toStdString();
    r.entity = q.value(1).toString().toStdString();
    r.seq = q.value(2).toLongLong();
    r.lifeHlc = q.value(4).toString().toStdString();
    auto fields = sync::parseFieldMap(nlohmann::json::parse(q.value(3).toString().toStdString(), nullptr, false),
                                      "fields");
    if (!fields)
        return Error::make(ErrorCode::StoreCorrupt, "a sync record in server.db is damaged");
    r.fields = std::move(*fields);
    return r;
}

} // namespace

Result<std::vector<sync::RecordState>> SqliteSyncStorage::live(const std::string &teamId, const std::string &entity,
                                                               const std::string &afterId, int limit)
{
    QSqlQuery &q = m_store.reader().prepare(
        u"SELECT entity_id, entity, seq, fields, life_hlc FROM sync_records WHERE team_id = ? AND entity = ? "
        u"AND deleted = 0 AND entity_id > ? ORDER BY entity_id LIMIT ?"_s);
    q.bindValue(0, qs(teamId));
    q.bindValue(1, qs(entity));
    q.bindValue(2, qs(afterId));
    q.bindValue(3, limit);
    if (auto e = exec(q, "listing records"); !e)
        return std::move(e).error();
    std::vector<sync::RecordState> out;
    while (q.next()) {
        auto r = readLive(q);
        if (!r) {
            q.finish();
            return std::move(r).error();
        }
        out.push_back(std::move(*r));
    }
    q.finish();
    return out;
}

Result<std::optional<sync::RecordState>> SqliteSyncStorage::liveRecord(const std::string &teamId,
                                                                       const std::string &entity, const std::string &id)
{
    QSqlQuery &q = m_store.reader().prepare(
        u"SELECT entity_id, entity, seq, fields, life_hlc FROM sync_records WHERE team_id = ? AND entity = ? "
        u"AND deleted = 0 AND entity_id = ?"_s);
    q.bindValue(0, qs(teamId));
    q.bindValue(1, qs(entity));
    q.bindValue(2, qs(id));
    if (auto e = exec(q, "reading a record"); !e)
        return std::move(e).error();
    std::optional<sync::RecordState> out;
    if (q.next()) {
        auto r = readLive(q);
        if (!r) {
            q.finish();
            return std::move(r).error();
        }
        out = std::move(*r);
    }
    q.finish();
    return out;
}

} // namespace rapport::server
