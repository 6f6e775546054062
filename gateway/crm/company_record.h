#pragma once
// A company as stored, its wire JSON, and the validated changes of a create or PATCH body.

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

class QSqlQuery;

namespace rapport {

struct CompanyRecord {
    qint64 seq = 0;
    std::string id, name, domain, phone, notes, owner;
    nlohmann::json address = nlohmann::json::object();
    nlohmann::json tags = nlohmann::json::array();
    std::int64_t createdAt = 0, updatedAt = 0;

    nlohmann::json toJson() const;
};

QString companyColumns();  // SELECT list (table alias "co") matching readCompanyRow()
CompanyRecord readCompanyRow(const QSqlQuery &query);

struct CompanyChanges {
    std::optional<std::string> id;
    std::optional<std::string> name, domain, phone, notes, owner;
    std::optional<nlohmann::json> address, tags;
};

Result<CompanyChanges> parseCompanyInput(const nlohmann::json &body, bool creating, const std::string &fieldPrefix = {});
nlohmann::json applyCompanyChanges(CompanyRecord &record, const CompanyChanges &changes);

} // namespace rapport
