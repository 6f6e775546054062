#pragma once
// POST /gmail/refresh and POST /gmail/disconnect as streams that end once with the account's new
// status (GET /gmail/status's shape). They talk to Google, so they cannot answer synchronously; the
// desktop gets them through GatewayClient::stream and rapportctl prints the end like any route.
//
// Refresh: a new access token from the stored refresh token; invalid_grant moves the account to
// "reconnect_needed". Disconnect: revokes the grant at Google (so the app disappears from the user's
// Google account), then forgets the tokens and the address. When Google cannot be reached the tokens
// are forgotten anyway and the end says "revoked": false with the reason: the user asked to be
// disconnected, and an unreachable server must not keep Rapport signed in.

#include <memory>

#include <QObject>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/stream.h"
#include "gmail/gmail_error.h"
#include "gmail/oauth_config.h"

namespace rapport::gmail {

class GmailAccount;
class TokenClient;

class AccountFlow : public QObject, public Stream {
    Q_OBJECT
public:
    explicit AccountFlow(GmailAccount &account);
    ~AccountFlow() override;
    void start(std::shared_ptr<StreamSink> sink) override;
    void cancel() override;

protected:
    virtual void run(GoogleOAuthConfig config) = 0;
    void end(const nlohmann::json &summary);
    void fail(const Error &error);
    void failWith(const GmailError &error);  // also the account's last error
    bool finished() const { return m_finished; }
    TokenClient &tokenClient(const GoogleOAuthConfig &config);

    GmailAccount &m_account;

private:
    std::shared_ptr<StreamSink> m_sink;
    std::unique_ptr<TokenClient> m_client;
    bool m_finished = false;
};

class RefreshFlow final : public AccountFlow {
    Q_OBJECT
public:
    using AccountFlow::AccountFlow;

private:
    void run(GoogleOAuthConfig config) override;
};

class DisconnectFlow final : public AccountFlow {
    Q_OBJECT
public:
    using AccountFlow::AccountFlow;

private:
    void run(GoogleOAuthConfig config) override;
    void forget(bool revoked, const QString &problem);
};

// 409 not_connected: what refresh and the Gmail API routes answer before any connection.
Error notConnectedError();

} // namespace rapport::gmail
