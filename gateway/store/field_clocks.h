#pragma once
// Per synced record, the HLC of each field's current value: {"name": "<hlc>", ...}. Written with every
// local edit (outbox.cpp) and every pulled change (sync), in the same transaction as the row.

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class Connection;

Result<nlohmann::json> readFieldClocks(Connection &conn, std::string_view entityId);  // {} when none
Result<void> writeFieldClocks(Connection &conn, std::string_view entityId, const nlohmann::json &clocks);

} // namespace rapport
