#pragma once
// Companies: the same five operations as contacts.
//
// Company JSON: {"id","name","domain","phone","address":{...},"tags":[..],"notes","owner",
//   "created_at","updated_at"}

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "crm/contacts_service.h"

namespace rapport {

class Store;

class CompaniesService {
public:
    explicit CompaniesService(Store &store);

    Result<nlohmann::json> get(std::string_view id) const;
    Result<nlohmann::json> list(const ListQuery &query) const;
    Result<nlohmann::json> create(const nlohmann::json &input);
    Result<nlohmann::json> update(std::string_view id, const nlohmann::json &patch);
    Result<nlohmann::json> remove(std::string_view id);
    Result<std::vector<std::string>> createMany(const std::vector<nlohmann::json> &inputs);
    Result<std::int64_t> count() const;

private:
    Store &m_store;
};

} // namespace rapport
