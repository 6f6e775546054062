#pragma once
// POST /gmail/connect as a stream (docs/protocols.md C): listen on the loopback, send one event
// {"authorization_url","redirect_uri"} (the app opens it in the browser, rapportctl prints it), wait for
// the redirect (on the listener, or pasted back through GET /gmail/callback), exchange the code, ask
// Gmail for the account's address, keep the tokens in the keychain, and end with the new status
// (GET /gmail/status's shape plus "partial": true when Google granted fewer scopes than asked).
// Any failure is recorded as the account's last error and ends the stream with it; cancel() stops at
// once (listener closed, request aborted) and leaves the account as it was.

#include <memory>
#include <optional>

#include <QObject>
#include <QPointer>

#include "core/stream.h"
#include "gmail/gmail_error.h"
#include "gmail/oauth_config.h"
#include "gmail/oauth_pkce.h"
#include "gmail/token_answer.h"

namespace rapport::gmail {

class GmailAccount;
class GmailApiCall;
class LoopbackListener;
class PendingSignIns;
class TokenClient;

class ConnectFlow final : public QObject, public Stream {
    Q_OBJECT
public:
    ConnectFlow(GmailAccount &account, PendingSignIns &pending);
    ~ConnectFlow() override;

    void start(std::shared_ptr<StreamSink> sink) override;
    void cancel() override;

    // GET /gmail/callback's query for this attempt (already matched by state); runs on this thread.
    void acceptRedirect(const QUrlQuery &query);

private:
    void begin(GoogleOAuthConfig config);
    void exchange(const QString &code);
    void fetchAddress(const TokenGrant &grant);
    void keep(const TokenGrant &grant, const QString &email);
    void fail(const GmailError &error);
    void stopWork();

    GmailAccount &m_account;
    PendingSignIns &m_pending;
    std::shared_ptr<StreamSink> m_sink;
    GoogleOAuthConfig m_config;
    AuthorizationAttempt m_attempt;
    std::unique_ptr<LoopbackListener> m_listener;
    std::unique_ptr<TokenClient> m_tokens;
    std::unique_ptr<GmailApiCall> m_profile;
    bool m_finished = false;
};

} // namespace rapport::gmail
