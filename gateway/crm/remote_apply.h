#pragma once
// Applying a record's state pulled from the team server (sync): `values` holds the fields to take
// (already checked by sync::validateFields), `deleted` the server's tombstone state. No outbox entry:
// the change came from the server. A contact may name a company this profile has not pulled yet; a
// placeholder tombstone keeps the reference until the company's own change arrives.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

struct WriteTxn;
class Connection;

// deleted: nullopt keeps the local state (a local delete or restore is still waiting to be pushed).
Result<void> applyRemoteContact(WriteTxn &txn, const std::string &id, const nlohmann::json &values,
                                std::optional<bool> deleted);
Result<void> applyRemoteCompany(WriteTxn &txn, const std::string &id, const nlohmann::json &values,
                                std::optional<bool> deleted);

// The writable fields of a contact or company row, deleted or not (what a restore must bring back);
// nullopt when this profile has no such row.
Result<std::optional<nlohmann::json>> storedFields(Connection &conn, const std::string &entity, const std::string &id);

} // namespace rapport
