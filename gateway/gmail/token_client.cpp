#include "gmail/token_client.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include "ai/retry_delay.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

TokenClient::TokenClient(QNetworkAccessManager &network, GoogleOAuthConfig config, QObject *parent)
    : QObject(parent), m_network(network), m_config(std::move(config)),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

TokenClient::~TokenClient()
{
    detach(/*abort=*/true);
}

bool TokenClient::exchangeCode(const QString &code, const AuthorizationAttempt &attempt)
{
    if (m_running)
        return false;
    QList<std::pair<QByteArray, QString>> fields = {{"client_id", m_config.clientId}};
    if (!m_config.clientSecret.isEmpty())
        fields.append({"client_secret", m_config.clientSecret});
    fields.append({"code", code});
    fields.append({"code_verifier", QString::fromLatin1(attempt.codeVerifier)});
    fields.append({"grant_type", u"authorization_code"_s});
    fields.append({"redirect_uri", attempt.redirectUri});
    m_previous = {};
    post(Call::Exchange, m_config.tokenUrl, formEncode(fields));
    return true;
}

bool TokenClient::refresh(const GoogleTokens &current)
{
    if (m_running)
        return false;
    m_previous = current;
    if (!current.canRefresh()) {
        m_running = true;
        ++m_generation;
        failLater(makeGmailError(GmailErrorKind::ReconnectNeeded, u"no refresh token is stored"_s));
        return true;
    }
    QList<std::pair<QByteArray, QString>> fields = {{"client_id", m_config.clientId}};
    if (!m_config.clientSecret.isEmpty())
        fields.append({"client_secret", m_config.clientSecret});
    fields.append({"grant_type", u"refresh_token"_s});
    fields.append({"refresh_token", current.refreshToken});
    post(Call::Refresh, m_config.tokenUrl, formEncode(fields));
    return true;
}

bool TokenClient::revoke(const QString &token)
{
    if (m_running)
        return false;
    post(Call::Revoke, m_config.revokeUrl, formEncode({{"token", token}}));
    return true;
}

void TokenClient::cancel()
{
    if (!m_running)
        return;
    detach(/*abort=*/true);
    finish();
    emit failed(makeGmailError(GmailErrorKind::Cancelled));
}

void TokenClient::post(Call call, const QUrl &url, const QByteArray &form)
{
    m_running = true;
    ++m_generation;
    m_call = call;
    m_body.clear();
    m_tooLarge = false;
    if (auto bad = m_config.check())
        return failLater(std::move(*bad));

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // A redirect would re-send the form (secret, code, refresh token) somewhere we did not configure.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(m_config.requestTimeout.count()));
    m_reply = m_network.post(request, form);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        m_body += m_reply->readAll();
        if (m_body.size() > m_config.maxResponseBytes) {
            m_tooLarge = true;
            m_reply->abort();  // finished() follows and reports it
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &TokenClient::onFinished);
}

void TokenClient::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_tooLarge)
        m_body += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    const QString transportError = reply->errorString();
    detach(/*abort=*/false);
    const QDateTime now = m_now();

    std::optional<GmailError> error;
    if (m_tooLarge || m_body.size() > m_config.maxResponseBytes) {
        error = makeGmailError(GmailErrorKind::Protocol, u"the answer is larger than %1 bytes"_s.arg(m_config.maxResponseBytes));
    } else if (status == 0) {
        // No HTTP answer: refused, reset, DNS, TLS, or our transfer timeout (which Qt reports as cancelled).
        error = makeGmailError(GmailErrorKind::Retryable, transportError);
    } else if (status >= 300 && status < 400) {
        error = makeGmailError(GmailErrorKind::Protocol, u"unexpected redirect (HTTP %1)"_s.arg(status));
    } else if (status < 200 || status >= 300) {
        if (m_call == Call::Revoke && status == 400 && oauthErrorCode(m_body) == u"invalid_token"_s) {
            finish();
            emit revoked();
            return;
        }
        error = tokenEndpointError(status, m_body, ai::parseRetryAfterMs(retryAfter, now).value_or(-1));
    }
    if (error) {
        finish();
        emit failed(*error);
        return;
    }
    if (m_call == Call::Revoke) {
        finish();
        emit revoked();
        return;
    }
    auto answer = readTokenAnswer(m_body, m_config.scopes, m_call == Call::Refresh ? &m_previous : nullptr, now);
    finish();
    if (auto *grant = std::get_if<TokenGrant>(&answer))
        emit tokensReceived(*grant);
    else
        emit failed(std::get<GmailError>(answer));
}

void TokenClient::finish()
{
    m_running = false;
    m_previous = {};
    m_body.clear();
}

void TokenClient::failLater(GmailError error)
{
    // Queued so the terminal signal never runs inside the starting call. A cancel() before it runs
    // ends the call instead; the generation check then drops this failure even if a new call started.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, error = std::move(error)] {
        if (!m_running || generation != m_generation || m_reply)
            return;
        finish();
        emit failed(error);
    });
}

void TokenClient::detach(bool abort)
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (abort)
        reply->abort();
    reply->deleteLater();
}

} // namespace rapport::gmail
