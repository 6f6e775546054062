#include "server/http/http_server.h"

#include <algorithm>

#include <QFile>
#include <QIODevice>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>

#include "server/http/http_connection.h"

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

// After the deadline, streams get this long to write their last event before everything is aborted.
constexpr std::chrono::milliseconds kHardStopGrace{2000};

struct TlsResult {
    std::optional<QSslConfiguration> configuration;
    QString error;
};

TlsResult loadTls(const QString &certificatePath, const QString &keyPath)
{
    if (!QSslSocket::supportsSsl())
        return {std::nullopt, u"this Qt has no TLS backend"_s};
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return {std::nullopt, u"cannot read the certificate "_s + certificatePath + u": "_s + certificateFile.errorString()};
    const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certificateFile, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return {std::nullopt, u"no PEM certificate in "_s + certificatePath};
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return {std::nullopt, u"cannot read the private key "_s + keyPath + u": "_s + keyFile.errorString()};
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        return {std::nullopt, u"no unencrypted RSA or EC private key in "_s + keyPath};

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);  // clients authenticate with session tokens
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return {configuration, {}};
}

} // namespace

std::function<void(const QByteArray &line)> accessLogTo(QIODevice *device)
{
    return [device](const QByteArray &line) { device->write(line); };
}

HttpServer::HttpServer(const Router &router, HttpServerOptions options, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_options(std::move(options))
{
    m_pool.setMaxThreadCount(m_options.workerThreads > 0 ? m_options.workerThreads
                                                         : std::max(4, QThread::idealThreadCount()));
    m_deadline.setSingleShot(true);
    m_hardStop.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpServer::onDeadline);
    connect(&m_hardStop, &QTimer::timeout, this, [this] {
        const auto connections = m_connections.values();
        for (HttpConnection *connection : connections)
            connection->abort();
    });
}

HttpServer::~HttpServer()
{
    if (m_listener)
        m_listener->close();
    const auto connections = m_connections.values();
    m_connections.clear();
    for (HttpConnection *connection : connections) {
        connection->disconnect(this);
        delete connection;  // aborts its socket and cancels its stream
    }
    // Running handlers capture the router and post their replies through this object.
    m_pool.waitForDone();
}

std::optional<HttpServerError> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    const bool wantTls = !m_options.certificateFile.isEmpty() || !m_options.privateKeyFile.isEmpty();
    if (wantTls) {
        if (m_options.certificateFile.isEmpty() || m_options.privateKeyFile.isEmpty())
            return HttpServerError{HttpServerError::Kind::Tls, u"TLS needs both a certificate and a key"_s};
        TlsResult tls = loadTls(m_options.certificateFile, m_options.privateKeyFile);
        if (!tls.configuration)
            return HttpServerError{HttpServerError::Kind::Tls, tls.error};
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(*tls.configuration);
        server->setHandshakeTimeout(static_cast<int>(m_options.handshakeTimeout.count()));
        m_listener = std::move(server);
    } else {
        m_listener = std::make_unique<QTcpServer>();
    }
    m_tls = wantTls;
    // Sockets still in their TLS handshake count as pending in Qt 6.4; a low cap would stop accepting.
    m_listener->setMaxPendingConnections(std::max(m_options.maxConnections, 30));
    // pendingConnectionAvailable, not newConnection: QSslServer emits it after the handshake.
    connect(m_listener.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onPendingConnections);
    if (!m_listener->listen(address, port)) {
        const QString why = m_listener->errorString();
        m_listener.reset();
        return HttpServerError{HttpServerError::Kind::Listen,
                               u"cannot listen on "_s + address.toString() + u':' + QString::number(port) + u": "_s + why};
    }
    return std::nullopt;
}

quint16 HttpServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void HttpServer::onPendingConnections()
{
    const ConnectionEnv env{&m_router, &m_pool, &m_options, this};
    while (m_listener && m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        if (!socket)
            break;
        if (m_shuttingDown || m_connections.size() >= m_options.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new HttpConnection(socket, env, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            m_connections.remove(connection);
            connection->deleteLater();  // we are inside its signal
            maybeFinish();
        });
        connection->start();
    }
}

void HttpServer::shutdown(std::chrono::milliseconds deadline)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (m_listener)
        m_listener->close();
    // A copy: closing an idle connection can remove it from the set right away.
    const auto connections = m_connections.values();
    for (HttpConnection *connection : connections)
        connection->beginShutdown();
    m_deadline.start(deadline);
    // Queued, so a caller connecting to finished() after shutdown() still sees it.
    QMetaObject::invokeMethod(this, &HttpServer::maybeFinish, Qt::QueuedConnection);
}

void HttpServer::onDeadline()
{
    const auto connections = m_connections.values();
    for (HttpConnection *connection : connections)
        connection->stopAtDeadline();
    m_hardStop.start(kHardStopGrace);
}

void HttpServer::maybeFinish()
{
    if (!m_shuttingDown || m_finished || !m_connections.isEmpty())
        return;
    m_finished = true;
    m_deadline.stop();
    m_hardStop.stop();
    emit finished();
}

} // namespace rapport::server
