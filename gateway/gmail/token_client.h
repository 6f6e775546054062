#pragma once
// The three calls to Google's OAuth endpoints (docs/protocols.md C) as an object: exchange an
// authorization code, refresh an access token, revoke a token. Build it, connect its signals, call one.
//
// Promises:
//  - One call at a time: starting one while another runs returns false and emits nothing. A started
//    call ends in exactly one terminal signal, never emitted inside the starting method:
//    tokensReceived() (exchange, refresh), revoked() (revoke) or failed(). cancel() emits
//    failed(Cancelled) at once and aborts the request.
//  - Requests are form-encoded POSTs. The exchange sends client_id, client_secret (when configured:
//    Google's Desktop clients require it), code, code_verifier, grant_type=authorization_code and
//    the attempt's redirect_uri byte for byte; the refresh sends client_id, client_secret,
//    grant_type=refresh_token, refresh_token; the revoke sends token=<token> in the body (never the URL).
//  - A refresh answer without refresh_token keeps the old one; granted scopes are checked and a
//    partial grant is reported in TokenGrant::missingScopes.
//  - invalid_grant is ReconnectNeeded; 408/429/5xx, network failures and timeouts are Retryable.
//    This object never retries by itself: the caller owns the schedule.
//  - A revoke answered 400 invalid_token counts as revoked (the token is dead either way).
//  - Redirects are not followed (Protocol); answers over config.maxResponseBytes are Protocol.
//  - No token, code, verifier or secret appears in a signal other than tokensReceived, or in any log.

#include <functional>

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include "gmail/gmail_error.h"
#include "gmail/oauth_config.h"
#include "gmail/oauth_pkce.h"
#include "gmail/token_answer.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace rapport::gmail {

class TokenClient : public QObject {
    Q_OBJECT
public:
    // `network` must outlive this object.
    TokenClient(QNetworkAccessManager &network, GoogleOAuthConfig config, QObject *parent = nullptr);
    ~TokenClient() override;  // aborts a running request without emitting

    // Each returns false only when a call is already running. A bad configuration (config.check())
    // fails the call with NotConfigured; a refresh without a refresh token fails with ReconnectNeeded.
    bool exchangeCode(const QString &code, const AuthorizationAttempt &attempt);
    bool refresh(const GoogleTokens &current);
    bool revoke(const QString &token);
    void cancel();

    bool isRunning() const { return m_running; }
    // For tests and for a skewed system clock: the source of "now" for expiresAt.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

signals:
    void tokensReceived(const rapport::gmail::TokenGrant &grant);
    void revoked();
    void failed(const rapport::gmail::GmailError &error);

private:
    enum class Call { Exchange, Refresh, Revoke };

    void post(Call call, const QUrl &url, const QByteArray &form);
    void onFinished();
    void finish();  // leaves the running state; the caller emits the terminal signal right after
    void failLater(GmailError error);
    void detach(bool abort);

    QNetworkAccessManager &m_network;
    GoogleOAuthConfig m_config;
    std::function<QDateTime()> m_now;
    QPointer<QNetworkReply> m_reply;
    bool m_running = false;
    quint64 m_generation = 0;  // one per started call, to drop a queued failure of an earlier one
    Call m_call = Call::Exchange;
    GoogleTokens m_previous;  // the tokens being refreshed
    QByteArray m_body;
    bool m_tooLarge = false;
};

} // namespace rapport::gmail
