#include "server/http/http_connection.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <optional>
#include <string>

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/router.h"
#include "server/http/http_sse_sink.h"
#include "server/http/http_wire.h"

namespace rapport::server {

namespace {

// How much a pipelining client can have waiting in user space while we answer; beyond it TCP holds it.
constexpr qint64 kReadBufferBytes = 64 * 1024;
// After a protocol error, how long unread request bytes are drained before closing: closing with unread
// input makes the kernel send a reset, which can destroy the error reply before the client reads it.
constexpr int kLingerMs = 1000;
constexpr std::chrono::milliseconds kLinger{kLingerMs};

std::string toStd(const QByteArray &bytes)
{
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// HTTP methods are case-sensitive, unlike parseMethod(): "get" is not GET.
std::optional<Method> exactMethod(const QByteArray &name)
{
    const std::string_view text(name.constData(), static_cast<std::size_t>(name.size()));
    const auto method = parseMethod(text);
    return method && methodName(*method) == text ? method : std::nullopt;
}

std::string bearerToken(const HttpRequestMessage &message)
{
    const QByteArray value = message.header("Authorization").value_or(QByteArray());
    if (value.size() <= 7 || value.first(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return toStd(value.sliced(7).trimmed());
}

QByteArray peerText(const QTcpSocket *socket)
{
    // A dual-stack listener reports IPv4 peers as "::ffff:1.2.3.4"; log and rate-limit them as IPv4.
    bool isV4 = false;
    const quint32 v4 = socket->peerAddress().toIPv4Address(&isV4);
    return (isV4 ? QHostAddress(v4) : socket->peerAddress()).toString().toUtf8();
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, ConnectionEnv env, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_env(env)
    , m_parser(HttpParserLimits{.maxBodyBytes = env.options->maxBodyBytes})
    , m_remote(peerText(socket))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);  // a reply goes out when written
    m_timer.setSingleShot(true);
    m_writeStall.setSingleShot(true);
    m_writeStall.setInterval(m_env.options->writeStallTimeout);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(&m_writeStall, &QTimer::timeout, this, &HttpConnection::abort);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    setPhase(Phase::Head);  // a new connection that never sends a byte is closed after the header timeout
}

// Clients that upload a body in pieces smaller than a segment (Qt's QNetworkAccessManager does) keep
// each piece back until the previous one is acknowledged (Nagle); Linux delays that ACK by up to 40 ms.
// Asking for a prompt ACK after every read took 10,000 pushed changes from ~2.7 s to ~1.6 s on loopback.
void HttpConnection::ackPromptly()
{
#ifdef TCP_QUICKACK
    const int one = 1;
    ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#endif
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this);
    if (m_stream && m_sink && !m_sink->isDone()) {
        m_sink->detach();
        m_stream->cancel();
    }
}

void HttpConnection::start()
{
    processInput();
}

void HttpConnection::beginShutdown()
{
    m_shuttingDown = true;
    const bool idle = m_phase == Phase::Idle || (m_phase == Phase::Head && !m_parser.hasPartialRequest());
    if (idle && !m_gone) {
        setPhase(Phase::Closing);
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::abort()
{
    if (m_gone)
        return;
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::setPhase(Phase phase)
{
    m_phase = phase;
    const HttpServerOptions &o = *m_env.options;
    switch (phase) {
    case Phase::Idle: m_timer.start(o.idleTimeout); break;
    case Phase::Head: m_timer.start(o.headerTimeout); break;
    case Phase::Body: m_timer.start(o.bodyTimeout); break;
    case Phase::Handling:
    case Phase::Streaming: m_timer.stop(); break;
    case Phase::Closing: m_timer.start(o.writeStallTimeout + kLinger); break;
    }
}

void HttpConnection::processInput()
{
    if (m_gone)
        return;
    if (m_phase == Phase::Closing) {
        m_socket->readAll();  // draining after an error reply; nothing more is answered
        return;
    }
    if (m_phase == Phase::Handling || m_phase == Phase::Streaming)
        return;  // one request at a time: the rest waits in the bounded read buffer
    const QByteArray bytes = m_socket->readAll();
    ackPromptly();
    auto state = bytes.isEmpty() ? m_parser.parse() : m_parser.feed(bytes);
    while (state == HttpRequestParser::State::HeadReady) {
        setPhase(Phase::Body);
        // Only now that the length is known to be acceptable: a refused client never sends the body.
        if (m_parser.head().expectContinue && m_parser.head().minorVersion >= 1)
            m_socket->write(kContinue.data(), kContinue.size());
        state = m_parser.parse();
    }
    switch (state) {
    case HttpRequestParser::State::NeedMore:
        if (m_parser.hasPartialRequest() && m_phase == Phase::Idle)
            setPhase(Phase::Head);
        else if (!m_parser.hasPartialRequest() && m_shuttingDown)
            beginShutdown();
        return;
    case HttpRequestParser::State::Complete:
        dispatch(m_parser.take());
        return;
    case HttpRequestParser::State::Failed: {
        const HttpError error = m_parser.error();
        respondAndClose(error.status, error.code, error.message);
        return;
    }
    case HttpRequestParser::State::HeadReady:
        return;  // handled by the loop above
    }
}

void HttpConnection::dispatch(HttpRequestMessage message)
{
    m_exchange = {message.method, pathWithoutQuery(message.target), message.minorVersion,
                  message.keepAlive && !m_shuttingDown, 0, std::chrono::steady_clock::now()};
    setPhase(Phase::Handling);
    const auto method = exactMethod(message.method);
    if (!method) {
        writeReply(jsonReply(501, errorJson("not_implemented", "Method not supported"), framing()));
        finishExchange(501);
        return;
    }
    Request request = Request::make(*method, toStd(message.target), toStd(message.body));
    // Not "local": that is the desktop's own caller. The identity middleware resolves bearerToken.
    request.identity = "address:" + toStd(m_remote);
    request.bearerToken = bearerToken(message);
    request.remoteAddress = toStd(m_remote);

    // The handler may outlive this connection (the client leaves): the reply is posted through the
    // server, which outlives the pool, and dropped when the guard says the connection is gone.
    QPointer<HttpConnection> guard(this);
    const Router *router = m_env.router;
    QObject *context = m_env.replyContext;
    m_env.pool->start([guard, router, context, request = std::move(request)]() mutable {
        Response response = router->handle(std::move(request));
        QMetaObject::invokeMethod(
            context,
            [guard, response = std::move(response)]() mutable {
                if (guard)
                    guard->deliver(std::move(response));
            },
            Qt::QueuedConnection);
    });
}

void HttpConnection::deliver(Response response)
{
    if (m_gone || m_phase != Phase::Handling)
        return;
    if (response.isStream()) {
        startStream(std::move(response.stream));
        return;
    }
    writeReply(jsonReply(response.status, response.body, framing()));
    finishExchange(response.status);
}

Framing HttpConnection::framing()
{
    m_exchange.keepAlive = m_exchange.keepAlive && !m_shuttingDown;
    return {m_exchange.minorVersion, m_exchange.keepAlive};
}

void HttpConnection::writeReply(const QByteArray &bytes)
{
    m_exchange.bytesWritten += bytes.size();
    m_socket->write(bytes);
    if (!m_writeStall.isActive())
        m_writeStall.start();
}

void HttpConnection::finishExchange(int status)
{
    logExchange(status);
    if (m_exchange.keepAlive && !m_shuttingDown) {
        setPhase(Phase::Idle);
        // Queued: a pipelined request answered at once (501) must not recurse once per request.
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
    } else {
        setPhase(Phase::Closing);
        m_socket->disconnectFromHost();  // after the reply is written
    }
}

void HttpConnection::logExchange(int status)
{
    if (!m_env.options->accessLog)
        return;
    const auto elapsed = std::chrono::steady_clock::now() - m_exchange.started;
    m_env.options->accessLog(accessLogLine({m_remote, m_exchange.method, m_exchange.path, status,
                                            m_exchange.bytesWritten,
                                            std::chrono::duration_cast<std::chrono::microseconds>(elapsed)}));
}

void HttpConnection::respondAndClose(int status, const QByteArray &code, const QByteArray &message)
{
    const HttpRequestMessage &head = m_parser.head();
    m_exchange = {head.method.isEmpty() ? QByteArray("-") : head.method,
                  head.target.isEmpty() ? QByteArray("-") : pathWithoutQuery(head.target), 1, false, 0,
                  std::chrono::steady_clock::now()};
    writeReply(jsonReply(status, errorJson(code, message), {1, false}));
    logExchange(status);
    m_lingering = true;
    setPhase(Phase::Closing);
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::Head:
        if (m_parser.hasPartialRequest()) {
            respondAndClose(408, "request_timeout", "The request headers did not arrive in time");
            return;
        }
        [[fallthrough]];
    case Phase::Idle:
        setPhase(Phase::Closing);
        m_socket->disconnectFromHost();
        return;
    case Phase::Body:
        respondAndClose(408, "request_timeout", "The request body did not arrive in time");
        return;
    case Phase::Closing:
        abort();
        return;
    case Phase::Handling:
    case Phase::Streaming:
        return;
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_gone)
        return;
    if (m_socket->bytesToWrite() > 0) {
        m_writeStall.start();  // progress: the client is reading
        return;
    }
    m_writeStall.stop();
    if (m_phase == Phase::Closing && m_lingering) {
        m_lingering = false;
        QTimer::singleShot(kLinger, this, [this] {
            if (!m_gone)
                m_socket->disconnectFromHost();
        });
    }
}

void HttpConnection::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_timer.stop();
    m_writeStall.stop();
    if (m_phase == Phase::Handling || m_phase == Phase::Streaming)
        logExchange(499);  // the client left before its reply was complete
    if (m_phase == Phase::Streaming && m_stream) {
        const std::shared_ptr<Stream> stream = m_stream;
        m_sink->detach();
        stream->cancel();
    }
    emit closed();
}

} // namespace rapport::server
