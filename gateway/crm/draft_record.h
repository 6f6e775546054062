#pragma once
// A local e-mail draft: written by hand or streamed by the AI, kept offline, sent later through Gmail.
//
// Draft JSON: {"id","contact_id","to":[addresses],"cc":[addresses],"subject","body","status",
//   "created_at","updated_at"}; status is "draft" until sending exists (then "queued", "sent").

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

class QSqlQuery;

namespace rapport {

struct DraftRecord {
    qint64 seq = 0;
    std::string id, contactId, subject, body, status = "draft";
    nlohmann::json to = nlohmann::json::array();
    nlohmann::json cc = nlohmann::json::array();
    std::int64_t createdAt = 0, updatedAt = 0;

    nlohmann::json fieldsJson() const;  // the writable fields (what the outbox records)
    nlohmann::json toJson() const;
};

QString draftColumns();  // SELECT list matching readDraftRow()
DraftRecord readDraftRow(const QSqlQuery &query);

struct DraftChanges {
    std::optional<std::string> id, contactId, subject, body;
    std::optional<nlohmann::json> to, cc;
};

Result<DraftChanges> parseDraftInput(const nlohmann::json &body, bool creating);
nlohmann::json applyDraftChanges(DraftRecord &record, const DraftChanges &changes);

} // namespace rapport
