#pragma once
// The outbox: every local change as a mutation, in commit order, for the sync engine to push.
// Recorded inside the same write transaction as the change, so both exist or neither does.

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"

namespace rapport {

struct WriteTxn;

enum class MutationOp { Create, Update, Delete, Restore };

// fields: the changed fields with their new values (all fields for create/restore, {} for delete).
Result<void> recordMutation(WriteTxn &txn, std::string_view entity, std::string_view entityId, MutationOp op,
                            const nlohmann::json &fields);

} // namespace rapport
