#pragma once
// The client's side of sync inside rapport.db: reading the outbox as protocol mutations, recording the
// server's answers, and applying pulled pages. Each "record"/"apply" runs in one write transaction, so
// a kill at any point leaves either the old state or the new one (PROTOCOL.md).

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "sync/sync_types.h"

namespace rapport {
class Store;
class Connection;
}

namespace rapport::sync {

class HybridClock;

struct PendingBatch {
    std::vector<Mutation> mutations;
    std::vector<std::int64_t> outboxSeqs;  // the outbox row of each mutation
};

// The oldest pending team-record mutations after outbox row `afterSeq`, in outbox order: at most `limit`
// and about `maxBytes` of field values (always at least one), so a batch of long notes stays far below
// the server's body limit instead of being refused for ever.
inline constexpr std::size_t kMaxBatchBytes = 512 * 1024;
Result<PendingBatch> readPending(Connection &conn, std::size_t limit, std::int64_t afterSeq,
                                 std::size_t maxBytes = kMaxBatchBytes);
// {"contact": N, "company": M}: what still waits to be pushed.
Result<nlohmann::json> pendingCounts(Connection &conn);

// Deletes the answered rows (and rows of records that never sync, like drafts); keeps rejected
// mutations as "rejected" conflicts; remembers the clock. One transaction.
Result<void> recordAnswers(Store &store, const PendingBatch &batch, const std::vector<MutationResult> &results);

// Applies one pulled page field by field (a field with a pending local edit keeps its local value),
// stores this profile's conflicts and the new cursor under `cursorKey`. One transaction.
Result<void> applyPulled(Store &store, const PullPage &page, const nlohmann::json &cursorState);

} // namespace rapport::sync
