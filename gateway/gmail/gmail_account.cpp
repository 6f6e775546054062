#include "gmail/gmail_account.h"

#include "crm/fields.h"
#include "secrets/secret_store.h"
#include "store/settings_kv.h"
#include "store/timefmt.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

constexpr const char *kStateKey = "gmail.account";
constexpr const char *kClientKey = "gmail.client";
constexpr std::size_t kMaxClientId = 512;

std::string iso(const QDateTime &t)
{
    return t.isValid() ? isoFromMs(t.toMSecsSinceEpoch()) : std::string();
}

nlohmann::json scopesJson(const QStringList &scopes)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &s : scopes)
        out.push_back(s.toStdString());
    return out;
}

void applyGrant(nlohmann::json &state, const TokenGrant &grant)
{
    state["state"] = "connected";
    state["scopes"] = scopesJson(grant.tokens.grantedScopes);
    state["missing_scopes"] = scopesJson(grant.missingScopes);
    state["expires_at"] = iso(grant.tokens.expiresAt);
    state["last_error"] = nullptr;
}

} // namespace

GmailAccount::GmailAccount(Store &store, SecretStore &secrets) : m_store(store), m_secrets(secrets), m_tokens(secrets) {}

GoogleOAuthConfig GmailAccount::config() const
{
    GoogleOAuthConfig base;
    if (auto saved = readSetting(m_store, kClientKey); saved && saved->contains("client_id"))
        base.clientId = QString::fromStdString(saved->value("client_id", std::string()));
    return GoogleOAuthConfig::withEnvironment(std::move(base));
}

void GmailAccount::withClientSecret(QObject *context, std::function<void(GoogleOAuthConfig)> done) const
{
    GoogleOAuthConfig cfg = config();
    if (!cfg.clientSecret.isEmpty())
        return detail::deliverLater<GoogleOAuthConfig>(context, std::move(done), std::move(cfg));
    m_secrets.read(QString::fromLatin1(kClientSecretSecret), context,
                   [cfg, done = std::move(done)](Result<std::optional<QString>> read) mutable {
                       // No keychain or no secret: go on without; Google then says the secret is missing,
                       // which the user can act on (a Desktop client needs it, some providers do not).
                       if (read && read.value())
                           cfg.clientSecret = **read;
                       done(std::move(cfg));
                   });
}

nlohmann::json GmailAccount::loadState() const
{
    auto state = readSetting(m_store, kStateKey);
    return state ? std::move(state).value() : nlohmann::json::object();
}

void GmailAccount::saveState(const nlohmann::json &state)
{
    if (auto saved = writeSetting(m_store, kStateKey, state); !saved)
        qWarning("Gmail status not saved: %s", saved.error().message.c_str());
}

nlohmann::json GmailAccount::status() const
{
    const nlohmann::json state = loadState();
    const GoogleOAuthConfig cfg = config();
    const bool fromEnvironment = !qEnvironmentVariable("RAPPORT_GOOGLE_CLIENT_ID").isEmpty();
    nlohmann::json out{
        {"state", state.value("state", "disconnected")},
        {"email", state.value("email", "")},
        {"scopes", state.value("scopes", nlohmann::json::array())},
        {"missing_scopes", state.value("missing_scopes", nlohmann::json::array())},
        {"expires_at", state.value("expires_at", "")},
        {"connected_at", state.value("connected_at", "")},
        {"last_error", state.value("last_error", nlohmann::json())},
        {"configured", !cfg.check().has_value()},
        {"client_id", cfg.clientId.toStdString()},
        {"client_id_source", fromEnvironment ? "environment" : cfg.clientId.isEmpty() ? "none" : "settings"},
    };
    std::lock_guard lock(m_mutex);
    out["token_storage"] = m_sessionOnly ? "session" : "keychain";
    return out;
}

Result<nlohmann::json> GmailAccount::updateSettings(const nlohmann::json &patch)
{
    if (!patch.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object");
    FieldReader in(patch);
    in.allowOnly({"client_id"}, {});
    auto loaded = readSetting(m_store, kClientKey);
    if (!loaded)
        return std::move(loaded).error();
    nlohmann::json saved = std::move(loaded).value();
    if (in.has("client_id")) {
        if (patch["client_id"].is_null()) {
            saved.erase("client_id");
        } else if (auto id = in.text("client_id", kMaxClientId)) {
            if (id->find(' ') != std::string::npos)
                in.fail("client_id", "A Google client id has no spaces");
            saved["client_id"] = *id;
        }
    }
    if (!in.ok())
        return Error::validation(in.errors());
    if (auto written = writeSetting(m_store, kClientKey, saved); !written)
        return std::move(written).error();
    return status();
}

void GmailAccount::loadTokens(QObject *context, TokensLoaded done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_cached)
            return detail::deliverLater<Result<std::optional<GoogleTokens>>>(context, std::move(done), m_cached);
    }
    m_tokens.load(context, [this, done = std::move(done)](Result<std::optional<GoogleTokens>> loaded) {
        if (loaded && loaded.value()) {
            std::lock_guard lock(m_mutex);
            if (!m_cached)
                m_cached = *loaded.value();
        }
        done(std::move(loaded));
    });
}

void GmailAccount::saveTokens(const GoogleTokens &tokens, QObject *context, SecretDone done)
{
    {
        std::lock_guard lock(m_mutex);
        m_cached = tokens;
    }
    m_tokens.save(tokens, context, [this, done = std::move(done)](Result<void> saved) {
        const bool unavailable = !saved && saved.error().code == ErrorCode::StoreUnavailable;
        {
            std::lock_guard lock(m_mutex);
            m_sessionOnly = unavailable;
        }
        if (unavailable)
            return done(Result<void>{});
        done(std::move(saved));
    });
}

void GmailAccount::markConnected(const QString &email, const TokenGrant &grant)
{
    nlohmann::json state = nlohmann::json::object();
    applyGrant(state, grant);
    state["email"] = email.toStdString();
    state["connected_at"] = iso(QDateTime::currentDateTimeUtc());
    saveState(state);
}

void GmailAccount::markRefreshed(const TokenGrant &grant)
{
    nlohmann::json state = loadState();
    applyGrant(state, grant);
    saveState(state);
}

void GmailAccount::markFailed(const GmailError &error)
{
    if (error.kind == GmailErrorKind::Cancelled)
        return;  // the user's own choice is not an error to show later
    nlohmann::json state = loadState();
    nlohmann::json last{{"kind", kindName(error.kind)},
                        {"message", error.message.toStdString()},
                        {"at", iso(QDateTime::currentDateTimeUtc())}};
    if (!error.googleCode.isEmpty())
        last["google_error"] = error.googleCode.toStdString();
    state["last_error"] = std::move(last);
    if (error.kind == GmailErrorKind::ReconnectNeeded) {
        state["state"] = "reconnect_needed";
        std::lock_guard lock(m_mutex);
        m_cached.reset();  // dead tokens: never send them again
    }
    saveState(state);
}

void GmailAccount::disconnect(QObject *context, SecretDone done)
{
    {
        std::lock_guard lock(m_mutex);
        m_cached.reset();
        m_sessionOnly = false;
    }
    saveState(nlohmann::json{{"state", "disconnected"}, {"last_error", nullptr}});
    m_tokens.clear(context, [done = std::move(done)](Result<void> cleared) {
        if (!cleared && cleared.error().code == ErrorCode::StoreUnavailable)
            return done(Result<void>{});  // nothing could have been saved there either
        done(std::move(cleared));
    });
}

} // namespace rapport::gmail
