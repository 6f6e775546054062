#pragma once
// A contact as stored, its wire JSON, and the validated changes a create or PATCH body asks for.

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

class QSqlQuery;

namespace rapport {

struct ContactRecord {
    qint64 seq = 0;
    std::string id, name, title, companyId, companyName, notes, owner;
    nlohmann::json emails = nlohmann::json::array();
    nlohmann::json phones = nlohmann::json::array();
    nlohmann::json address = nlohmann::json::object();
    nlohmann::json tags = nlohmann::json::array();
    std::int64_t createdAt = 0, updatedAt = 0;

    nlohmann::json fieldsJson() const;  // the writable fields (what the outbox records)
    nlohmann::json toJson() const &;    // fieldsJson() plus id, company_name and times (the wire shape)
    nlohmann::json toJson() &&;         // the same, moving the list fields instead of copying them

private:
    nlohmann::json fieldsOnly();
};

// SELECT list matching readContactRow(); the query joins companies as "co".
QString contactColumns();
ContactRecord readContactRow(const QSqlQuery &query);

// Validated fields of a request body; a field is set only when the body has it.
struct ContactChanges {
    std::optional<std::string> id;  // create only: client-generated UUID
    std::optional<std::string> name, title, companyId, notes, owner;
    std::optional<nlohmann::json> emails, phones, address, tags;
};

// creating: name is required and "id" may be given. Errors carry every offending field; fieldPrefix
// ("items[3]") places them inside a batch.
Result<ContactChanges> parseContactInput(const nlohmann::json &body, bool creating, const std::string &fieldPrefix = {});
// Applies changes to the record; returns the fields that really changed, with their new values.
nlohmann::json applyContactChanges(ContactRecord &record, const ContactChanges &changes);

} // namespace rapport
