#include "gmail/authorized_call.h"

#include <chrono>

#include "gmail/gmail_account.h"
#include "gmail/gmail_api_call.h"
#include "gmail/token_client.h"
#include "thread_network.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {
constexpr std::chrono::seconds kRefreshMargin{60};  // a token must not die on its way to Google
}

AuthorizedCall::AuthorizedCall(GmailAccount &account, QObject *parent) : QObject(parent), m_account(account) {}

AuthorizedCall::~AuthorizedCall()
{
    if (m_refresh)
        m_refresh->disconnect(this);
    if (m_call)
        m_call->disconnect(this);
}

void AuthorizedCall::get(const QString &path, const QUrlQuery &query)
{
    m_path = path;
    m_query = query;
    m_isPost = false;
    begin();
}

void AuthorizedCall::post(const QString &path, const nlohmann::json &body)
{
    m_path = path;
    m_body = body;
    m_isPost = true;
    begin();
}

void AuthorizedCall::begin()
{
    if (m_account.status().value("state", "") == "reconnect_needed") {
        QMetaObject::invokeMethod(this, [this] { fail(makeGmailError(GmailErrorKind::ReconnectNeeded)); },
                                  Qt::QueuedConnection);
        return;
    }
    m_account.withClientSecret(this, [this](GoogleOAuthConfig config) {
        m_config = std::move(config);
        if (auto problem = m_config.check())
            return fail(*problem);
        m_account.loadTokens(this, [this](Result<std::optional<GoogleTokens>> loaded) {
            if (!loaded) {
                GmailError e = makeGmailError(GmailErrorKind::Internal, QString::fromStdString(loaded.error().message));
                e.message = QString::fromStdString(loaded.error().message);
                return fail(e);
            }
            if (!loaded.value())
                return fail(makeGmailError(GmailErrorKind::NotConnected));
            m_tokens = **loaded;
            if (m_tokens.expiresWithin(kRefreshMargin, QDateTime::currentDateTimeUtc()))
                return refreshThenSend(m_tokens);
            send(m_tokens.accessToken);
        });
    });
}

void AuthorizedCall::refreshThenSend(const GoogleTokens &tokens)
{
    m_refreshed = true;
    m_refresh = std::make_unique<TokenClient>(threadNetwork(), m_config);
    connect(m_refresh.get(), &TokenClient::failed, this, [this](const GmailError &e) { fail(e); });
    connect(m_refresh.get(), &TokenClient::tokensReceived, this, [this](const TokenGrant &grant) {
        m_tokens = grant.tokens;
        m_account.saveTokens(grant.tokens, this, [this, grant](Result<void> saved) {
            if (!saved)
                qWarning("Gmail: the refreshed token was not saved: %s", saved.error().message.c_str());
            m_account.markRefreshed(grant);
            send(m_tokens.accessToken);
        });
    });
    m_refresh->refresh(tokens);
}

void AuthorizedCall::send(const QString &accessToken)
{
    m_call = std::make_unique<GmailApiCall>(threadNetwork(), m_config, accessToken);
    connect(m_call.get(), &GmailApiCall::done, this, &AuthorizedCall::done);
    connect(m_call.get(), &GmailApiCall::failed, this, [this](const GmailError &e) {
        if (e.kind == GmailErrorKind::Unauthorized && !m_refreshed)
            return refreshThenSend(m_tokens);  // revoked early, or our clock is off: one fresh token
        fail(e);
    });
    if (m_isPost)
        m_call->post(m_path, m_body);
    else
        m_call->get(m_path, m_query);
}

void AuthorizedCall::fail(const GmailError &error)
{
    if (error.kind == GmailErrorKind::ReconnectNeeded || error.kind == GmailErrorKind::Unauthorized)
        m_account.markFailed(error);
    emit failed(error);
}

} // namespace rapport::gmail
