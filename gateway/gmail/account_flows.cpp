#include "gmail/account_flows.h"

#include "gmail/gmail_account.h"
#include "gmail/token_client.h"
#include "thread_network.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

Error notConnectedError()
{
    return toGatewayError(makeGmailError(GmailErrorKind::NotConnected));
}

AccountFlow::AccountFlow(GmailAccount &account) : m_account(account) {}

AccountFlow::~AccountFlow()
{
    if (m_client)
        m_client->disconnect(this);  // its destructor aborts a running request without a signal
}

void AccountFlow::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    m_account.withClientSecret(this, [this](GoogleOAuthConfig config) {
        if (!m_finished)
            run(std::move(config));
    });
}

void AccountFlow::cancel()
{
    fail(toGatewayError(makeGmailError(GmailErrorKind::Cancelled)));
}

void AccountFlow::end(const nlohmann::json &summary)
{
    if (std::exchange(m_finished, true))
        return;
    m_sink->end(summary);
}

void AccountFlow::fail(const Error &error)
{
    if (std::exchange(m_finished, true))
        return;
    if (m_client)
        m_client->cancel();
    m_sink->fail(error);
}

void AccountFlow::failWith(const GmailError &error)
{
    if (m_finished)
        return;
    m_account.markFailed(error);
    fail(toGatewayError(error));
}

TokenClient &AccountFlow::tokenClient(const GoogleOAuthConfig &config)
{
    m_client = std::make_unique<TokenClient>(threadNetwork(), config);
    return *m_client;
}

void RefreshFlow::run(GoogleOAuthConfig config)
{
    if (auto problem = config.check())
        return failWith(*problem);
    m_account.loadTokens(this, [this, config](Result<std::optional<GoogleTokens>> loaded) {
        if (finished())
            return;
        if (!loaded)
            return fail(loaded.error());
        if (!loaded.value())
            return fail(notConnectedError());
        TokenClient &client = tokenClient(config);
        connect(&client, &TokenClient::failed, this, [this](const GmailError &e) { failWith(e); });
        connect(&client, &TokenClient::tokensReceived, this, [this](const TokenGrant &grant) {
            m_account.saveTokens(grant.tokens, this, [this, grant](Result<void> saved) {
                if (!saved)
                    return fail(saved.error());
                m_account.markRefreshed(grant);
                nlohmann::json status = m_account.status();
                status["partial"] = grant.isPartial();
                end(status);
            });
        });
        client.refresh(**loaded);
    });
}

void DisconnectFlow::run(GoogleOAuthConfig config)
{
    m_account.loadTokens(this, [this, config](Result<std::optional<GoogleTokens>> loaded) {
        if (finished())
            return;
        const GoogleTokens *tokens = loaded && loaded.value() ? &**loaded : nullptr;
        if (!tokens || config.check())
            return forget(false, tokens ? u"Google is not set up, so the grant was not revoked"_s : QString());
        TokenClient &client = tokenClient(config);
        connect(&client, &TokenClient::revoked, this, [this] { forget(true, {}); });
        connect(&client, &TokenClient::failed, this, [this](const GmailError &e) { forget(false, e.message); });
        // Revoking the refresh token ends the whole grant, access tokens included.
        client.revoke(tokens->canRefresh() ? tokens->refreshToken : tokens->accessToken);
    });
}

void DisconnectFlow::forget(bool revoked, const QString &problem)
{
    m_account.disconnect(this, [this, revoked, problem](Result<void> cleared) {
        if (!cleared)
            return fail(cleared.error());
        nlohmann::json status = m_account.status();
        status["revoked"] = revoked;
        if (!problem.isEmpty())
            status["revoke_error"] = problem.toStdString();
        end(status);
    });
}

} // namespace rapport::gmail
