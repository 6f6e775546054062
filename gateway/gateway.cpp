#include "gateway.h"

#include <QDir>
#include <QStandardPaths>

#include "ai/ai_routes.h"
#include "ai/ai_writing_routes.h"
#include "ai/conversations.h"
#include "ai/provider_settings.h"
#include "crm/companies_routes.h"
#include "crm/companies_service.h"
#include "crm/contacts_routes.h"
#include "crm/contacts_service.h"
#include "crm/drafts_routes.h"
#include "crm/drafts_service.h"
#include "crm/system_routes.h"
#include "gmail/gmail_account.h"
#include "gmail/gmail_routes.h"
#include "gmail/gmail_send_routes.h"
#include "gmail/pending_sign_ins.h"
#include "secrets/memory_secret_store.h"
#include "store/store.h"
#include "sync/sync_engine.h"
#include "sync/sync_routes.h"

using namespace Qt::StringLiterals;

namespace rapport {

QString resolveProfileDir(const QString &fromCommandLine)
{
    if (!fromCommandLine.isEmpty())
        return QDir(fromCommandLine).absolutePath();
    const QString env = qEnvironmentVariable("RAPPORT_PROFILE");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/rapport/profiles/default"_s;
}

Result<std::unique_ptr<Gateway>> Gateway::open(const QString &profileDir, GatewayOptions options)
{
    auto store = Store::open(profileDir);
    if (!store)
        return std::move(store).error();

    std::unique_ptr<Gateway> g(new Gateway);
    g->m_profileDir = profileDir;
    g->m_store = std::move(*store);
    g->m_limiter = std::make_unique<RateLimiter>(options.limits, *options.clock);
    g->m_companies = std::make_unique<CompaniesService>(*g->m_store);
    g->m_contacts = std::make_unique<ContactsService>(*g->m_store);
    g->m_drafts = std::make_unique<DraftsService>(*g->m_store);
    g->m_conversations = std::make_unique<ai::Conversations>(*g->m_store);
    g->m_aiSettings = std::make_unique<ai::ProviderSettings>(*g->m_store);
    SecretStore *secrets = options.secrets;
    if (!secrets) {
        g->m_ownSecrets = std::make_unique<MemorySecretStore>();
        secrets = g->m_ownSecrets.get();
    }
    g->m_gmail = std::make_unique<gmail::GmailAccount>(*g->m_store, *secrets);
    g->m_signIns = std::make_unique<gmail::PendingSignIns>();
    g->m_sync = std::make_unique<sync::SyncEngine>(*g->m_store, *secrets, *g->m_contacts, *g->m_companies);
    g->m_router = std::make_unique<Router>(g->m_metrics, *g->m_limiter, options.router);

    // The route table: one resource per line.
    Router &r = *g->m_router;
    addSystemRoutes(r, g->m_metrics, *g->m_contacts, *g->m_companies);
    addContactRoutes(r, *g->m_contacts);
    addCompanyRoutes(r, *g->m_companies);
    addDraftRoutes(r, *g->m_drafts);
    addAiRoutes(r, *g->m_conversations, *g->m_aiSettings);
    addAiWritingRoutes(r, {*g->m_conversations, *g->m_aiSettings, *g->m_contacts, *g->m_companies, *g->m_drafts});
    gmail::addGmailRoutes(r, {*g->m_gmail, *g->m_signIns, *g->m_store, *g->m_contacts});
    gmail::addGmailSendRoutes(r, *g->m_gmail, *g->m_store);
    addSyncRoutes(r, *g->m_sync);
    return g;
}

Gateway::~Gateway() = default;

} // namespace rapport
