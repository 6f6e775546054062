#pragma once
// Where the Gmail tokens live: only in a SecretStore (the OS keychain, or memory for "this session
// only"), as one secret under the key "gmail/tokens" so a refresh replaces access token, expiry and
// scopes together. Nothing here writes to SQLite, QSettings or a log, and no error message quotes a value.
//
// Same contract as SecretStore: `done` runs later on `context`'s thread, never inside the call, and
// is dropped when `context` died first.

#include <functional>
#include <optional>

#include <QObject>
#include <QString>

#include "core/error.h"
#include "gmail/google_tokens.h"
#include "secrets/secret_store.h"

namespace rapport::gmail {

using TokensLoaded = std::function<void(Result<std::optional<GoogleTokens>>)>;

class TokenStore {
public:
    static constexpr const char16_t kTokensKey[] = u"gmail/tokens";

    // `secrets` must outlive the store.
    explicit TokenStore(SecretStore &secrets) : m_secrets(secrets) {}

    // ok(nullopt) when Gmail was never connected or was disconnected. A stored value that cannot be
    // read back is an Internal error asking to connect again (never silently "not connected").
    void load(QObject *context, TokensLoaded done);
    void save(const GoogleTokens &tokens, QObject *context, SecretDone done);
    void clear(QObject *context, SecretDone done);

private:
    SecretStore &m_secrets;
};

} // namespace rapport::gmail
