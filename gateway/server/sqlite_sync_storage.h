#pragma once
// SyncStorage on server.db (schema v2 tables sync_*). Writes go through ServerStore's one writer
// thread, which is what makes the sequence numbers commit in order.

#include "server/sync_storage.h"

namespace rapport::server {

class ServerStore;

class SqliteSyncStorage final : public SyncStorage {
public:
    explicit SqliteSyncStorage(ServerStore &store) : m_store(store) {}
    Result<std::vector<sync::MutationResult>> push(const std::string &teamId, const sync::PushBody &body) override;
    Result<sync::PullPage> pull(const std::string &teamId, const std::string &clientId, std::int64_t cursor,
                                int limit) override;
    Result<std::vector<sync::RecordState>> live(const std::string &teamId, const std::string &entity,
                                                const std::string &afterId, int limit) override;
    Result<std::optional<sync::RecordState>> liveRecord(const std::string &teamId, const std::string &entity,
                                                        const std::string &id) override;

private:
    ServerStore &m_store;
};

} // namespace rapport::server
