#pragma once
// One client connection of HttpServer, on the server's thread.
//
// Promises:
//  - One request at a time: the next request is not even read until the reply to this one is written
//    (with a bounded socket read buffer, so a pipelining client is held back by TCP), which keeps
//    replies in request order.
//  - The router runs on the server's thread pool; its Response comes back to this thread and is
//    dropped if the connection has gone meanwhile.
//  - A stream is started on this thread, written as SSE, and cancel()ed if the client goes away.
//  - Timeouts: header (a silent new connection too), body, idle keep-alive, write stall; a request cut
//    off by a timeout gets 408, an idle connection is simply closed.
//  - Protocol errors are answered with the parser's status and Connection: close; the request's
//    unread bytes are drained for a moment first, so the client is not reset before it reads the reply.
//  - closed() is emitted exactly once, when the socket is gone; the owner then deletes this later.

#include <chrono>
#include <memory>

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include "server/http/http_request_parser.h"
#include "server/http/http_server_options.h"

class QTcpSocket;
class QThreadPool;

namespace rapport {
class Router;
class Stream;
struct Response;
}

namespace rapport::server {

class SseSink;
struct Framing;

// What every connection shares with its server; all of it outlives every connection and every handler
// running on the pool.
struct ConnectionEnv {
    const Router *router = nullptr;
    QThreadPool *pool = nullptr;
    const HttpServerOptions *options = nullptr;
    QObject *replyContext = nullptr;  // on this thread; handlers post their Response through it
};

class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, ConnectionEnv env, QObject *parent = nullptr);
    ~HttpConnection() override;  // cancels a running stream

    void start();          // reads whatever is already buffered; call after connecting closed()
    void beginShutdown();  // replies still come (with Connection: close); an idle connection closes now
    // The shutdown deadline: a running stream is cancelled (the client gets its error event and the end
    // of the body), a connection still closing is left to finish, anything else is aborted.
    void stopAtDeadline();
    void abort();  // closes at once

signals:
    void closed();

private:
    friend class SseSink;
    enum class Phase { Idle, Head, Body, Handling, Streaming, Closing };

    void setPhase(Phase phase);
    void processInput();
    void ackPromptly();
    void dispatch(HttpRequestMessage message);
    void deliver(Response response);
    void startStream(std::shared_ptr<Stream> stream);
    void writeStreamBytes(const QByteArray &bytes);
    void endStream(const QByteArray &lastBytes);
    void writeReply(const QByteArray &bytes);
    Framing framing();  // of the current reply; a shutdown turns keep-alive off
    void finishExchange(int status);
    void logExchange(int status);
    void respondAndClose(int status, const QByteArray &code, const QByteArray &message);
    void onTimeout();
    void onBytesWritten();
    void onDisconnected();

    QTcpSocket *m_socket;
    ConnectionEnv m_env;
    HttpRequestParser m_parser;
    QTimer m_timer;       // the phase's deadline (header, body, idle, closing)
    QTimer m_writeStall;  // reply bytes pending and none accepted by the client
    Phase m_phase = Phase::Head;
    bool m_gone = false;
    bool m_shuttingDown = false;
    bool m_lingering = false;  // closing after a protocol error: drain input before closing
    QByteArray m_remote;

    // The request being answered.
    struct Exchange {
        QByteArray method;
        QByteArray path;
        int minorVersion = 1;
        bool keepAlive = true;
        std::int64_t bytesWritten = 0;
        std::chrono::steady_clock::time_point started;
    } m_exchange;
    std::shared_ptr<Stream> m_stream;
    std::shared_ptr<SseSink> m_sink;
};

} // namespace rapport::server
