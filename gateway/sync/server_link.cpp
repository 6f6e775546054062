#include "sync/server_link.h"

#include <memory>

#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include "thread_network.h"

using namespace Qt::StringLiterals;

namespace rapport::sync {

namespace {

bool isNetworkFailure(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

} // namespace

bool isOfflineError(const Error &error)
{
    return error.code == ErrorCode::Upstream && error.field == "network";
}

Result<QString> normaliseServerUrl(const std::string &text)
{
    const QUrl url(QString::fromStdString(text).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) || url.host().isEmpty())
        return Error::validation({{"server", "the server address must look like https://rapport.example.com"}});
    // Plain HTTP would carry the password and the session token in clear: only to this computer (a
    // server behind a TLS proxy is reached through the proxy's https address).
    const QHostAddress host(url.host());
    const bool loopback = url.host() == u"localhost"_s || (!host.isNull() && host.isLoopback());
    if (url.scheme() == u"http"_s && !loopback)
        return Error::validation({{"server", "use an https:// address; plain http is only for a server on this "
                                             "computer"}});
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
}

ServerLink::ServerLink(QString baseUrl, QString caFile, std::chrono::milliseconds timeout)
    : m_base(std::move(baseUrl)), m_caFile(std::move(caFile)), m_timeout(timeout)
{
}

Result<nlohmann::json> ServerLink::call(Method method, const std::string &path, const nlohmann::json &body,
                                        const QString &token) const
{
    auto pending = start(method, path, body, token);
    if (!pending)
        return std::move(pending).error();
    return wait(*pending);
}

Result<ServerLink::Pending> ServerLink::start(Method method, const std::string &path, const nlohmann::json &body,
                                             const QString &token) const
{
    QNetworkRequest request(QUrl(m_base + QString::fromStdString(path)));
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Accept", "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!m_caFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        const auto certificates = QSslCertificate::fromPath(m_caFile, QSsl::Pem);
        if (certificates.isEmpty())
            return Error::validation({{"ca_file", "no PEM certificate in " + m_caFile.toStdString()}});
        tls.addCaCertificates(certificates);
        request.setSslConfiguration(tls);
    }
    QNetworkAccessManager &network = threadNetwork();
    QNetworkReply *reply = nullptr;
    const QByteArray payload = body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump());
    switch (method) {
    case Method::Get: reply = network.get(request); break;
    case Method::Post: reply = network.post(request, payload); break;
    default: return Error::make(ErrorCode::Internal, "unsupported method for the team server");
    }
    return Pending(reply);
}

Result<nlohmann::json> ServerLink::wait(Pending &pending) const
{
    QNetworkReply *reply = pending.get();
    if (!reply)
        return Error::make(ErrorCode::Internal, "waiting twice for one call to the team server");
    // Deleted here, not with deleteLater(): a sync round on a pool thread (or a benchmark's loop) may
    // never return to an outer event loop, and every reply with its buffers would pile up until then.
    const Pending owner = std::move(pending);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    if (status == 0) {
        const std::string what = reply->errorString().toStdString();
        if (isNetworkFailure(reply->error()))
            return Error::make(ErrorCode::Upstream, "cannot reach the team server: " + what, "network");
        return Error::make(ErrorCode::Upstream, "the team server's connection failed: " + what, "tls");
    }
    auto json = nlohmann::json::parse(answer.constData(), answer.constData() + answer.size(), nullptr, false);
    if (status >= 400) {
        if (json.is_object() && json.contains("error") && json["error"].is_object()) {
            const auto &e = json["error"];
            Error out = Error::make(codeFromName(e.value("code", "internal")), e.value("message", "server error"),
                                    e.value("field", ""));
            if (e.contains("retry_after_ms"))
                out.retryAfterMs = e["retry_after_ms"].get<std::int64_t>();
            return out;
        }
        return Error::make(ErrorCode::Upstream, "the team server answered HTTP " + std::to_string(status));
    }
    if (json.is_discarded())
        return Error::make(ErrorCode::Upstream, "the team server's answer is not JSON");
    return json;
}

} // namespace rapport::sync
