#pragma once
// The gateway assembled for one profile: store, services and the route table.
// Built by every composition root (rapport, rapportctl, rapport-bench, tests).

#include <memory>
#include <string>
#include <string_view>

#include <QString>

#include "core/clock.h"
#include "core/metrics.h"
#include "core/ratelimiter.h"
#include "core/router.h"

namespace rapport {

class Store;
class ContactsService;
class CompaniesService;
class DraftsService;
class SecretStore;
namespace ai {
class Conversations;
class ProviderSettings;
}
namespace gmail {
class GmailAccount;
class PendingSignIns;
}
namespace sync {
class SyncEngine;
}

struct GatewayOptions {
    RateLimits limits = RateLimits::defaults();
    // Where Gmail tokens are kept, usable from any thread (the app and rapportctl pass the keychain
    // behind a ThreadBoundSecretStore). Null: memory only, for this process's life.
    SecretStore *secrets = nullptr;
    const Clock *clock = &Clock::steady();
    RouterOptions router;
};

// --profile DIR, else $RAPPORT_PROFILE, else <platform app data>/profiles/default.
QString resolveProfileDir(const QString &fromCommandLine);

class Gateway {
public:
    // Opens (creating if needed) the profile folder and its database, migrating it.
    // A corrupt or too-new database fails with StoreCorrupt / StoreTooNew and is left untouched.
    static Result<std::unique_ptr<Gateway>> open(const QString &profileDir, GatewayOptions options = {});
    ~Gateway();

    // Thread-safe: any thread may call; reads use a per-thread connection, writes go to the writer thread.
    Response handle(Request request) const { return m_router->handle(std::move(request)); }
    Response call(Method method, std::string_view target, std::string body = {}) const {
        return m_router->call(method, target, std::move(body));
    }

    const Router &router() const { return *m_router; }
    Metrics &metrics() { return m_metrics; }
    Store &store() { return *m_store; }
    ContactsService &contacts() { return *m_contacts; }
    CompaniesService &companies() { return *m_companies; }
    DraftsService &drafts() { return *m_drafts; }
    ai::Conversations &conversations() { return *m_conversations; }
    ai::ProviderSettings &aiSettings() { return *m_aiSettings; }
    gmail::GmailAccount &gmailAccount() { return *m_gmail; }
    sync::SyncEngine &syncEngine() { return *m_sync; }
    QString profileDir() const { return m_profileDir; }

private:
    Gateway() = default;
    QString m_profileDir;
    Metrics m_metrics;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<CompaniesService> m_companies;
    std::unique_ptr<ContactsService> m_contacts;
    std::unique_ptr<DraftsService> m_drafts;
    std::unique_ptr<ai::Conversations> m_conversations;
    std::unique_ptr<ai::ProviderSettings> m_aiSettings;
    std::unique_ptr<SecretStore> m_ownSecrets;  // when no store was given
    std::unique_ptr<gmail::GmailAccount> m_gmail;
    std::unique_ptr<gmail::PendingSignIns> m_signIns;
    std::unique_ptr<sync::SyncEngine> m_sync;
    std::unique_ptr<Router> m_router;
};

} // namespace rapport
