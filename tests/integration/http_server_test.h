#pragma once
// rapport-server's HTTP layer against real sockets on loopback: a small router with test routes, the
// server on 127.0.0.1:0 in this thread, and clients that never block the event loop (the server shares
// it), so every wait is a QTRY_* that keeps the loop turning.

#include <atomic>
#include <memory>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <nlohmann/json.hpp>

#include "core/metrics.h"
#include "core/ratelimiter.h"
#include "core/router.h"
#include "core/stream.h"
#include "server/http/http_server.h"

namespace rapport::test {

// Emits `count` events {"n": 1..count}, one per `intervalMs`, then end({"events": count}); counts
// cancel() calls. Its timer is created in start(), so it runs on the thread that starts it.
class TimerStream : public Stream {
public:
    TimerStream(int count, int intervalMs, std::shared_ptr<std::atomic<int>> cancels)
        : m_count(count), m_intervalMs(intervalMs), m_cancels(std::move(cancels)) {}

    void start(std::shared_ptr<StreamSink> sink) override
    {
        m_sink = std::move(sink);
        m_timer = std::make_unique<QTimer>();
        m_timer->setInterval(m_intervalMs);
        QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] {
            ++m_sent;
            m_sink->event({{"n", m_sent}});
            if (m_sent == m_count) {
                m_timer->stop();
                m_sink->end({{"events", m_count}});
            }
        });
        m_timer->start();
    }
    void cancel() override
    {
        m_cancels->fetch_add(1);
        if (m_timer)
            m_timer->stop();
    }

private:
    int m_count;
    int m_intervalMs;
    int m_sent = 0;
    std::shared_ptr<std::atomic<int>> m_cancels;
    std::shared_ptr<StreamSink> m_sink;
    std::unique_ptr<QTimer> m_timer;
};

// The routes: GET|POST /echo (what the server made of the request), GET /slow (1 s on the pool),
// GET /fast, GET /stream (3 events, 100 ms apart), GET /endless (an event every 50 ms, for minutes).
struct TestRoutes {
    Metrics metrics;
    RateLimiter limiter{RateLimits::unlimited()};
    Router router{metrics, limiter};
    std::shared_ptr<std::atomic<int>> cancels = std::make_shared<std::atomic<int>>(0);

    TestRoutes();
};

// A raw HTTP client: writes bytes, collects whatever comes back, notices the close.
class RawClient : public QObject {
public:
    explicit RawClient(quint16 port, QObject *parent = nullptr);
    void send(const QByteArray &bytes) { socket.write(bytes); }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

struct ParsedResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;  // de-chunked
    QByteArray header(QByteArrayView name) const;
    nlohmann::json json() const { return nlohmann::json::parse(body.toStdString(), nullptr, false); }
};

// Every complete response at the start of `bytes` (Content-Length, chunked, or 1xx without a body).
// A chunked body still open is returned with `complete == false` as the last element's status 0.
QList<ParsedResponse> parseResponses(QByteArray bytes);

// "GET <target> HTTP/1.1" with Host and any extra header lines ("Name: value\r\n" each).
QByteArray requestBytes(QByteArrayView method, QByteArrayView target, QByteArrayView body = {},
                        QByteArrayView extraHeaders = {});

} // namespace rapport::test

class TestHttpServer : public QObject {
    Q_OBJECT

private slots:
    // test_http_server.cpp
    void getAndPostJson();
    void malformedJsonGetsTheRoutersError();
    void bodyOverLimitIsRefusedBeforeItIsRead();
    void expectContinueOnlyForAnAcceptableLength();
    void headerTimeoutClosesASilentConnection();
    void bodyAndIdleTimeouts();
    void slowRequestDoesNotDelayAnotherConnection();
    void pipelinedRequestsAreAnsweredInOrder();
    void accessLogHasNoSecrets();
    void badRequests_data();
    void badRequests();
    // test_http_server_streams.cpp
    void sseEventsArriveIncrementallyAndInOrder();
    void clientLeavingMidStreamCancelsIt();
    void gracefulShutdownFinishesInFlightRequests();
    void shutdownCancelsStreamsAtTheDeadline();
    void tlsWithASelfSignedCertificate();
};
