#pragma once
// One JSON object per key in the profile's `settings` table, for small non-secret state (the Gmail
// account's status, provider choices). Never for secrets: those go through SecretStore.

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class Store;
class Connection;
struct WriteTxn;

// The saved object; an empty object when the key is absent or its value is not a JSON object.
Result<nlohmann::json> readSetting(Store &store, std::string_view key);
// Replaces the key's value in one transaction (on the writer thread; not from the GUI thread).
Result<void> writeSetting(Store &store, std::string_view key, const nlohmann::json &value);
// The same inside a transaction (so a setting can commit together with the rows it describes).
Result<void> writeSettingIn(WriteTxn &txn, std::string_view key, const nlohmann::json &value);
Result<nlohmann::json> readSettingIn(Connection &conn, std::string_view key);

} // namespace rapport
