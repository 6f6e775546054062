#pragma once
// Contacts: validation, storage, FTS5 search, tombstones, outbox. JSON in, JSON out (the wire shape).
//
// Contact JSON: {"id","name","title","company_id","company_name",
//   "emails":[{"address","label","primary"}],"phones":[{"number","label"}],
//   "address":{"street","city","postal_code","region","country"},"tags":[..],"notes","owner",
//   "created_at","updated_at"}   (times: ISO 8601 UTC with milliseconds)

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class Store;

struct ListQuery {
    std::string q;       // search text: prefix match on name, email, company, phone digits
    int limit = 50;      // 1..500
    std::string cursor;  // opaque, from a previous page's next_cursor
};

class ContactsService {
public:
    explicit ContactsService(Store &store);

    Result<nlohmann::json> get(std::string_view id) const;
    // {"items":[contact...],"next_cursor":"..."|null}; ranked when q is set, by name otherwise.
    Result<nlohmann::json> list(const ListQuery &query) const;
    // The live contacts of one company by name, at most `limit`: [contact...].
    Result<nlohmann::json> ofCompany(std::string_view companyId, int limit) const;
    // Optional "id" (client-generated UUID): an existing tombstone with that id is restored (undo of delete).
    Result<nlohmann::json> create(const nlohmann::json &input);
    Result<nlohmann::json> update(std::string_view id, const nlohmann::json &patch);
    Result<nlohmann::json> remove(std::string_view id);  // tombstone; {"id":..,"deleted":true}
    // Bulk create in one transaction (import, demo data); returns the new ids in input order.
    Result<std::vector<std::string>> createMany(const std::vector<nlohmann::json> &inputs);
    Result<std::int64_t> count() const;  // live (non-deleted) contacts

private:
    Store &m_store;
};

} // namespace rapport
