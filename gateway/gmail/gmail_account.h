#pragma once
// The profile's Gmail connection: what GET /gmail/status reports, kept in the settings table
// ("gmail.account": state, address, scopes, token expiry, last error; never a token), the saved
// Google client id ("gmail.client"), and the tokens themselves, cached in memory and persisted only
// through the SecretStore (TokenStore). Thread-safe: routes on any thread share one account.
//
// States: "disconnected" (never connected, or disconnected), "connected", "reconnect_needed" (Google
// answered invalid_grant: the user must sign in again).

#include <functional>
#include <mutex>
#include <optional>

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "gmail/gmail_error.h"
#include "gmail/oauth_config.h"
#include "gmail/token_answer.h"
#include "gmail/token_store.h"

namespace rapport {
class Store;
class SecretStore;
}

namespace rapport::gmail {

// The SecretStore key of the Google client secret when it was typed in Settings.
inline constexpr const char *kClientSecretSecret = "gmail/client_secret";

class GmailAccount {
public:
    GmailAccount(Store &store, SecretStore &secrets);

    // The saved client id with the RAPPORT_GOOGLE_* environment on top. The client secret is only
    // filled from the environment here: withClientSecret() reads the keychain when that is empty.
    GoogleOAuthConfig config() const;
    void withClientSecret(QObject *context, std::function<void(GoogleOAuthConfig)> done) const;

    // {"state","email","scopes","missing_scopes","expires_at","connected_at","last_error":{...}|null,
    //  "configured","client_id","client_id_source":"settings"|"environment"|"none","token_storage"}
    nlohmann::json status() const;
    // PATCH /gmail/settings: {"client_id": "..."|null}. Validated, saved, then the new status.
    Result<nlohmann::json> updateSettings(const nlohmann::json &patch);

    // Tokens: the memory copy when there is one, else the SecretStore's. ok(nullopt) when none.
    void loadTokens(QObject *context, TokensLoaded done);
    // Memory first (so the next request uses them even if the keychain is slow), then the SecretStore.
    // A keychain that is unavailable keeps them for this session only (status says so) and still
    // succeeds; any other failure is reported.
    void saveTokens(const GoogleTokens &tokens, QObject *context, SecretDone done);

    void markConnected(const QString &email, const TokenGrant &grant);
    void markRefreshed(const TokenGrant &grant);
    void markFailed(const GmailError &error);  // last_error; ReconnectNeeded also changes the state
    // Forgets the tokens (memory and SecretStore) and the address; keeps the client id.
    void disconnect(QObject *context, SecretDone done);

private:
    nlohmann::json loadState() const;
    void saveState(const nlohmann::json &state);

    Store &m_store;
    SecretStore &m_secrets;
    TokenStore m_tokens;
    mutable std::mutex m_mutex;
    std::optional<GoogleTokens> m_cached;  // the live tokens once loaded or received
    bool m_sessionOnly = false;             // the keychain refused: tokens live in memory only
};

} // namespace rapport::gmail
