#include "gmail/gmail_api_call.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include "ai/retry_delay.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

constexpr qint64 kMaxAnswerBytes = 8 * 1024 * 1024;  // a page of message metadata is tens of KiB

QString firstReason(const nlohmann::json &error)
{
    if (auto errors = error.find("errors"); errors != error.end() && errors->is_array() && !errors->empty())
        return QString::fromStdString((*errors)[0].value("reason", std::string()));
    if (auto details = error.find("details"); details != error.end() && details->is_array() && !details->empty())
        return QString::fromStdString((*details)[0].value("reason", std::string()));
    return {};
}

} // namespace

GmailError gmailApiError(int httpStatus, const QByteArray &body, qint64 retryAfterMs)
{
    const nlohmann::json parsed = nlohmann::json::parse(body.toStdString(), nullptr, false);
    const nlohmann::json error = parsed.is_object() ? parsed.value("error", nlohmann::json::object())
                                                    : nlohmann::json::object();
    const QString reason = error.is_object() ? firstReason(error) : QString();
    const QString googleMessage =
        error.is_object() ? QString::fromStdString(error.value("message", std::string())) : QString();
    const QString detail = u"HTTP %1 %2: %3"_s.arg(httpStatus).arg(reason, googleMessage);

    GmailError e;
    if (httpStatus == 401) {
        e = makeGmailError(GmailErrorKind::Unauthorized, detail);
    } else if (httpStatus == 403 && (reason == u"insufficientPermissions"_s || reason == u"ACCESS_TOKEN_SCOPE_INSUFFICIENT"_s)) {
        e = makeGmailError(GmailErrorKind::Rejected, detail);
        e.message = u"Rapport may not do this in Gmail: disconnect and connect Gmail again, and allow reading and "
                    u"composing mail on Google's page."_s;
    } else if (httpStatus == 429 || httpStatus >= 500
               || (httpStatus == 403 && (reason == u"userRateLimitExceeded"_s || reason == u"rateLimitExceeded"_s))) {
        e = makeGmailError(GmailErrorKind::Retryable, detail);
        e.message = httpStatus >= 500 ? u"Gmail is having trouble right now. Rapport will try again."_s
                                      : u"Gmail asks Rapport to slow down. Rapport will try again shortly."_s;
    } else {
        e = makeGmailError(GmailErrorKind::Rejected, detail);
        e.message = u"Gmail refused the request: %1"_s.arg(googleMessage.isEmpty() ? reason : googleMessage);
    }
    e.httpStatus = httpStatus;
    e.googleCode = reason;
    e.retryAfterMs = retryAfterMs;
    return e;
}

GmailApiCall::GmailApiCall(QNetworkAccessManager &network, const GoogleOAuthConfig &config, QString accessToken,
                           QObject *parent)
    : QObject(parent), m_network(network), m_config(config), m_token(std::move(accessToken))
{
}

GmailApiCall::~GmailApiCall()
{
    if (QNetworkReply *reply = m_reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void GmailApiCall::get(const QString &path, const QUrlQuery &query)
{
    QUrl url = m_config.gmailApiUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(m_config.requestTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    send(m_network.get(request));
}

void GmailApiCall::post(const QString &path, const nlohmann::json &body)
{
    QUrl url = m_config.gmailApiUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(int(m_config.requestTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    send(m_network.post(request, QByteArray::fromStdString(body.dump())));
}

void GmailApiCall::send(QNetworkReply *reply)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &GmailApiCall::onFinished);
}

void GmailApiCall::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(kMaxAnswerBytes + 1);
    if (status == 0)
        return emit failed(makeGmailError(GmailErrorKind::Retryable, reply->errorString()));
    if (status < 200 || status >= 300) {
        const auto retryAfter = ai::parseRetryAfterMs(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        return emit failed(gmailApiError(status, body, retryAfter.value_or(-1)));
    }
    if (body.size() > kMaxAnswerBytes)
        return emit failed(makeGmailError(GmailErrorKind::Protocol, u"the answer is too large"_s));
    nlohmann::json answer = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!answer.is_object())
        return emit failed(makeGmailError(GmailErrorKind::Protocol, u"the answer is not a JSON object"_s));
    emit done(answer);
}

} // namespace rapport::gmail
