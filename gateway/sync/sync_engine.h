#pragma once
// The client's sync engine: sign-in to the team server, and sync rounds (push every pending edit, then
// pull every change since the cursor). Blocking and thread-safe: routes and the scheduler call it from
// worker threads, one round at a time. Signed out, nothing leaves the laptop and every local feature
// still works.
//
// State it keeps: the account (settings 'sync.account': server, e-mail, user and team ids, CA file),
// the session token (keychain only, key "sync/session"), the cursor ('sync.cursor', with the server and
// team it belongs to, so another server starts from zero), and the last outcome ('sync.status').

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {
class Store;
class SecretStore;
class ContactsService;
class CompaniesService;
}

namespace rapport::sync {

class SyncEngine {
public:
    SyncEngine(Store &store, SecretStore &secrets, ContactsService &contacts, CompaniesService &companies);

    // {"server","email","password","ca_file"?} -> {"account":{...}}. The password is sent once and never kept.
    Result<nlohmann::json> signIn(const nlohmann::json &body);
    Result<void> signOut();                 // revokes the session when the server is reachable
    Result<nlohmann::json> account() const; // {"account": {...} | null}

    // One round; the status afterwards. The status's "remote_changes" counts the records pulled in
    // since this process started: when it grows, lists showing team records are stale. A failed round is recorded in the status (and answered as
    // the status, not as an error) so the caller can show it and the scheduler can back off.
    Result<nlohmann::json> runRound();
    Result<nlohmann::json> status() const;
    bool lastRoundFailed() const { return m_lastFailed.load(); }
    bool lastRoundOffline() const { return m_lastOffline.load(); }
    void setNextAttemptMs(std::int64_t unixMs) { m_nextAttemptMs.store(unixMs); }
    // The app is quitting: a running round stops after its current batch or page (all committed).
    void stop() { m_stopping = true; }

    Result<nlohmann::json> conflicts() const;
    Result<nlohmann::json> resolve(const std::string &id, const std::string &keep);

    static constexpr const char *kTokenKey = "sync/session";

private:
    Result<void> round(const nlohmann::json &account, const QString &token);
    Result<QString> token();
    Result<void> keepMine(const nlohmann::json &conflict);
    void recordOutcome(const std::optional<Error> &error);

    Store &m_store;
    SecretStore &m_secrets;
    ContactsService &m_contacts;
    CompaniesService &m_companies;
    std::mutex m_roundMutex;  // one round at a time
    std::mutex m_tokenMutex;
    std::optional<QString> m_token;  // read from the keychain once per sign-in
    std::atomic<bool> m_syncing{false};
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_lastFailed{false};
    std::atomic<bool> m_lastOffline{false};
    std::atomic<std::int64_t> m_nextAttemptMs{0};
    std::atomic<std::int64_t> m_remoteChanges{0};  // records pulled and applied by this process
};

} // namespace rapport::sync
