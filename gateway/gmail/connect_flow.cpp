#include "gmail/connect_flow.h"

#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "gmail/gmail_account.h"
#include "gmail/gmail_api_call.h"
#include "gmail/loopback_listener.h"
#include "gmail/pending_sign_ins.h"
#include "gmail/token_client.h"
#include "thread_network.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

ConnectFlow::ConnectFlow(GmailAccount &account, PendingSignIns &pending) : m_account(account), m_pending(pending) {}

ConnectFlow::~ConnectFlow()
{
    stopWork();
}

void ConnectFlow::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    m_account.withClientSecret(this, [this](GoogleOAuthConfig config) { begin(std::move(config)); });
}

void ConnectFlow::begin(GoogleOAuthConfig config)
{
    if (m_finished)
        return;
    m_config = std::move(config);
    if (auto problem = m_config.check())
        return fail(*problem);
    m_listener = std::make_unique<LoopbackListener>();
    if (auto problem = m_listener->listen())
        return fail(*problem);
    m_attempt = AuthorizationAttempt::start(m_listener->port());
    const QUrl url = authorizationUrl(m_config, m_attempt);
    connect(m_listener.get(), &LoopbackListener::codeReceived, this, [this](const QString &code) { exchange(code); });
    connect(m_listener.get(), &LoopbackListener::failed, this, [this](const GmailError &e) { fail(e); });
    m_pending.add(m_attempt.state, this);
    m_listener->expect(m_attempt.state, m_config.expectedIssuer(), m_config.loopbackTimeout);
    m_sink->event({{"authorization_url", url.toString(QUrl::FullyEncoded).toStdString()},
                   {"redirect_uri", m_attempt.redirectUri.toStdString()}});
}

void ConnectFlow::acceptRedirect(const QUrlQuery &query)
{
    if (m_finished || m_tokens)
        return;  // over, or a code is already being exchanged
    const QString issuer = query.queryItemValue(u"iss"_s, QUrl::FullyDecoded);
    const QString error = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    if (!issuer.isEmpty() && issuer != m_config.expectedIssuer())
        return fail(makeGmailError(GmailErrorKind::BadCallback, u"the answer names another issuer"_s));
    if (error == u"access_denied"_s)
        return fail(makeGmailError(GmailErrorKind::Denied));
    if (!error.isEmpty())
        return fail(makeGmailError(GmailErrorKind::Rejected, error));
    if (code.isEmpty())
        return fail(makeGmailError(GmailErrorKind::BadCallback, u"the answer carries no code"_s));
    exchange(code);
}

void ConnectFlow::exchange(const QString &code)
{
    m_pending.remove(m_attempt.state);
    if (m_listener) {
        m_listener->disconnect(this);
        m_listener.release()->deleteLater();  // let it finish answering the browser
    }
    m_tokens = std::make_unique<TokenClient>(threadNetwork(), m_config);
    connect(m_tokens.get(), &TokenClient::tokensReceived, this, [this](const TokenGrant &g) { fetchAddress(g); });
    connect(m_tokens.get(), &TokenClient::failed, this, [this](const GmailError &e) { fail(e); });
    m_tokens->exchangeCode(code, m_attempt);
}

void ConnectFlow::fetchAddress(const TokenGrant &grant)
{
    m_profile = std::make_unique<GmailApiCall>(threadNetwork(), m_config, grant.tokens.accessToken);
    connect(m_profile.get(), &GmailApiCall::done, this, [this, grant](const nlohmann::json &profile) {
        keep(grant, QString::fromStdString(profile.value("emailAddress", std::string())));
    });
    connect(m_profile.get(), &GmailApiCall::failed, this, [this](const GmailError &e) { fail(e); });
    m_profile->get(u"/gmail/v1/users/me/profile"_s);
}

void ConnectFlow::keep(const TokenGrant &grant, const QString &email)
{
    m_account.saveTokens(grant.tokens, this, [this, grant, email](Result<void> saved) {
        if (m_finished)
            return;
        if (!saved) {
            GmailError e = makeGmailError(GmailErrorKind::Internal, QString::fromStdString(saved.error().message));
            e.message = QString::fromStdString(saved.error().message);
            return fail(e);
        }
        m_account.markConnected(email, grant);
        m_finished = true;
        stopWork();
        nlohmann::json status = m_account.status();
        status["partial"] = grant.isPartial();
        m_sink->end(status);
    });
}

void ConnectFlow::fail(const GmailError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    stopWork();
    m_account.markFailed(error);
    m_sink->fail(toGatewayError(error));
}

void ConnectFlow::cancel()
{
    fail(makeGmailError(GmailErrorKind::Cancelled));
}

void ConnectFlow::stopWork()
{
    if (!m_attempt.state.isEmpty())
        m_pending.remove(m_attempt.state);
    if (m_listener) {
        m_listener->disconnect(this);
        m_listener.reset();
    }
    if (m_tokens) {
        m_tokens->disconnect(this);
        m_tokens.reset();
    }
    if (m_profile) {
        m_profile->disconnect(this);
        m_profile.reset();
    }
}

} // namespace rapport::gmail
