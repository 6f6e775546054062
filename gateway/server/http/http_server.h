#pragma once
// rapport-server's HTTP/1.1 server: serves a Router over plain TCP or TLS. Our own rather than
// QHttpServer 6.4 or Boost.Beast; README.md says why.
//
// Promises:
//  - Handlers run on the server's own thread pool, so a slow request never blocks another connection;
//    everything else (sockets, timers, streams, the access log) runs on the thread that owns the server,
//    which needs an event loop.
//  - Per connection: keep-alive, one request at a time, replies in request order, the timeouts and
//    limits of HttpServerOptions (see http_connection.h and http_request_parser.h).
//  - JSON responses carry Content-Length; Stream responses become Server-Sent Events: "data: <json>"
//    per event, then "event: end" with the summary or "event: error" with the error, in chunked framing.
//  - shutdown(deadline): stops accepting at once, closes idle connections, answers requests in flight
//    with Connection: close, cancels streams still running at the deadline, aborts what is left shortly
//    after, then emits finished(). Handlers still running on the pool are waited for in the destructor.
//  - The access log (when set) gets one JSON line per request, never a header or a query string.

#include <chrono>
#include <optional>

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <memory>

#include "server/http/http_server_options.h"

class QTcpServer;

namespace rapport {
class Router;
}

namespace rapport::server {

class HttpConnection;

struct HttpServerError {
    enum class Kind {
        Tls,     // certificate or key unreadable or invalid, or no TLS support in this Qt
        Listen,  // address in use, not available, no permission
    };
    Kind kind;
    QString message;
};

class HttpServer : public QObject {
    Q_OBJECT
public:
    // `router` must outlive the server; its handle() is called from pool threads.
    explicit HttpServer(const Router &router, HttpServerOptions options = {}, QObject *parent = nullptr);
    ~HttpServer() override;  // aborts every connection, cancels streams, waits for running handlers

    // Port 0 picks a free one (see serverPort()). TLS when the options name a certificate and key.
    std::optional<HttpServerError> listen(const QHostAddress &address, quint16 port = 0);
    quint16 serverPort() const;
    bool isTls() const { return m_tls; }
    int connectionCount() const { return static_cast<int>(m_connections.size()); }

    void shutdown(std::chrono::milliseconds deadline);

signals:
    void finished();  // after shutdown(), once the last connection has closed

private:
    void onPendingConnections();
    void onDeadline();
    void maybeFinish();

    const Router &m_router;
    HttpServerOptions m_options;
    QThreadPool m_pool;
    std::unique_ptr<QTcpServer> m_listener;
    QSet<HttpConnection *> m_connections;
    QTimer m_deadline;
    QTimer m_hardStop;
    bool m_tls = false;
    bool m_shuttingDown = false;
    bool m_finished = false;
};

} // namespace rapport::server
