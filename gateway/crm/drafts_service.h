#pragma once
// Local e-mail drafts: the five resource operations. Works with no network; the Gmail issue sends them.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class Store;

struct DraftListQuery {
    std::string contactId;  // only this contact's drafts when set
    int limit = 50;
    std::string cursor;
};

class DraftsService {
public:
    explicit DraftsService(Store &store);

    Result<nlohmann::json> get(std::string_view id) const;
    Result<nlohmann::json> list(const DraftListQuery &query) const;  // newest first
    Result<nlohmann::json> create(const nlohmann::json &input);
    Result<nlohmann::json> update(std::string_view id, const nlohmann::json &patch);
    Result<nlohmann::json> remove(std::string_view id);

private:
    Store &m_store;
};

} // namespace rapport
