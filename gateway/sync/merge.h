#pragma once
// The server's merge of one pushed mutation into a record's current state (PROTOCOL.md, "Push" and
// "Conflicts"). Pure: no storage, no clock, so SQLite and PostgreSQL storages merge identically.
//
// Field by field, the greater HLC wins (the node inside the HLC breaks ties). An edit is concurrent
// with the current value when its base is not the current value's HLC and another client wrote that
// value: then the loser, whichever side it is, gets a conflict record if the values differ. Deletes are
// tombstones decided by the greater lifeHlc; an edit racing a delete is a "deleted" conflict for the
// editor, and the edit's fields are still merged into the tombstone so a restore brings them back.

#include <optional>
#include <string>
#include <vector>

#include "sync/sync_types.h"

namespace rapport::sync {

struct MergeOutcome {
    RecordState state;               // the record afterwards (seq left to the storage)
    bool changed = false;            // state differs from before: give it a new sequence number
    MutationResult result;           // applied / superseded / rejected; seq and conflictId left to storage
    std::vector<Conflict> conflicts; // id and seq left to the storage; loserClient set
    int ownConflict = -1;            // index in conflicts of the pushing client's own lost edit, if any
};

MergeOutcome mergeMutation(const std::optional<RecordState> &current, const Mutation &m, const std::string &clientId);

// A mutation stamped more than HybridClock::kMaxAheadMs after the server's time is refused
// ("clock_ahead"): one laptop with a wrong date must not win every edit for days.
std::optional<MutationResult> refuseFutureClock(const Mutation &m, std::int64_t serverNowMs);

} // namespace rapport::sync
