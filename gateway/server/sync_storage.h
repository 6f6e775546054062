#pragma once
// The server's sync storage, behind an interface: SQLite (SqliteSyncStorage, the default) now, and
// PostgreSQL later for teams that run several servers. Both keep the same promises:
// - push handles a whole batch in one transaction: every answer is stored or none is;
// - a mutation already answered for (team, client, mutation id) is never applied again: its stored
//   answer comes back;
// - the merge is sync/merge.h's, so storages cannot disagree on who wins;
// - pull returns records in sequence order and never skips one that committed later with a smaller
//   sequence number.
// Every call is safe from any thread and blocks on the database.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "sync/sync_types.h"

namespace rapport::server {

class SyncStorage {
public:
    virtual ~SyncStorage() = default;
    // body has passed sync::parsePushBody. Per-mutation problems (bad field values, another team's
    // record, an update of a record the server never saw) are "rejected" answers, not errors.
    virtual Result<std::vector<sync::MutationResult>> push(const std::string &teamId, const sync::PushBody &body) = 0;
    virtual Result<sync::PullPage> pull(const std::string &teamId, const std::string &clientId, std::int64_t cursor,
                                        int limit) = 0;
    // The team's live records of one entity for the server's own read routes, by id, after `afterId`.
    virtual Result<std::vector<sync::RecordState>> live(const std::string &teamId, const std::string &entity,
                                                        const std::string &afterId, int limit) = 0;
    // One live record of the team, or nullopt (also for another team's id).
    virtual Result<std::optional<sync::RecordState>> liveRecord(const std::string &teamId, const std::string &entity,
                                                                const std::string &id) = 0;
};

} // namespace rapport::server
