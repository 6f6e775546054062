#include "bench_ai_overhead.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <cstdio>

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include "bench_stats.h"
#include "fakes/fake_openai_server.h"
#include "fakes/fake_sse.h"
#include "gateway.h"
#include "shared/gatewayclient.h"

using namespace Qt::StringLiterals;
using SteadyClock = std::chrono::steady_clock;

namespace rapport::bench {

namespace {

struct Outcome {
    bool ended = false;
    bool failed = false;
    nlohmann::json summary;
    std::string error;
};

// Starts POST /ai/chat through the client; `onEvent` sees each delta on the GUI thread.
Outcome runChat(GatewayClient &client, QObject &context, std::function<void(const std::string &)> onEvent)
{
    Outcome out;
    QEventLoop loop;  // not QTest::qWaitFor: it sleeps 10 ms between rounds, which would be measured
    GatewayClient::StreamCallbacks callbacks;
    callbacks.event = [&onEvent](const nlohmann::json &e) { onEvent(e.value("delta", std::string())); };
    callbacks.end = [&out, &loop](const nlohmann::json &s) {
        out.summary = s;
        out.ended = true;
        loop.quit();
    };
    callbacks.fail = [&out, &loop](const Error &e) {
        out.error = e.message;
        out.failed = out.ended = true;
        loop.quit();
    };
    client.stream(Request::make(Method::Post, "/ai/chat", nlohmann::json{{"message", "Hello"}}.dump()), &context,
                  std::move(callbacks));
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!out.ended) {
        out.error = "no answer within two minutes";
        out.failed = true;
    }
    return out;
}

QList<QByteArray> tokens(int n, bool stamped)
{
    QStringList pieces;
    pieces.reserve(n);
    const QString stamp = QString::fromLatin1(fakes::FakeReply::kStampPlaceholder.toByteArray());
    for (int i = 0; i < n; ++i)
        pieces << (stamped ? u"<"_s + stamp + u"> "_s : u"word "_s);
    return fakes::sse::completion(pieces);
}

// The fake provider on a thread of its own, so that writing the tokens does not take the GUI thread whose
// share is being measured. Everything that touches it runs on its thread.
class ServerThread {
public:
    ServerThread()
    {
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_anchor,
            [this] {
                m_server = std::make_unique<fakes::FakeOpenAiServer>();
                m_listening = m_server->listen();
                QObject::connect(m_server.get(), &fakes::FakeOpenAiServer::requestReceived, m_server.get(),
                                 [this] { m_received = SteadyClock::now().time_since_epoch().count(); });
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(&m_anchor, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }
    QUrl baseUrl() const { return m_server->baseUrl(); }
    void enqueue(fakes::FakeReply reply)
    {
        QMetaObject::invokeMethod(&m_anchor, [this, &reply] { m_server->enqueue(std::move(reply)); },
                                  Qt::BlockingQueuedConnection);
    }
    // Steady-clock time at which the provider had the last whole request; 0 before one.
    qint64 takeReceivedNs() { return m_received.exchange(0); }

private:
    struct Anchor : QObject {};  // receives the calls on the server's thread
    QThread m_thread;
    Anchor m_anchor;
    std::unique_ptr<fakes::FakeOpenAiServer> m_server;
    bool m_listening = false;
    std::atomic<qint64> m_received{0};
};

} // namespace

bool aiOverhead(const AiOverheadOptions &options)
{
    QTemporaryDir dir;
    ServerThread server;
    if (!dir.isValid() || !server.listening())
        return false;
    qputenv("RAPPORT_AI_BASE_URL", server.baseUrl().toString().toUtf8());
    qputenv("RAPPORT_AI_API_KEY", "test-key");
    GatewayOptions gatewayOptions;
    gatewayOptions.limits = RateLimits::unlimited();  // hundreds of questions a minute is the point here
    auto opened = Gateway::open(dir.path(), gatewayOptions);
    if (!opened) {
        std::fprintf(stderr, "ai_overhead: %s\n", opened.error().message.c_str());
        return false;
    }
    GatewayClient client(**opened);
    QObject context;

    // 1. Route call -> request at the provider, and the gateway's own share of it.
    Samples toProvider, gateway;
    for (int i = 0; i < options.requests; ++i) {
        server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"ok"_s})));
        server.takeReceivedNs();
        const auto start = SteadyClock::now();
        Outcome o = runChat(client, context, [](const std::string &) {});
        const qint64 received = server.takeReceivedNs();
        if (o.failed || received == 0) {
            std::fprintf(stderr, "ai_overhead: request %d failed: %s\n", i, o.error.c_str());
            return false;
        }
        if (i < 10)
            continue;  // warm-up: first connection, first statements prepared
        toProvider.add(std::chrono::nanoseconds(received - start.time_since_epoch().count()));
        gateway.add(std::chrono::microseconds(o.summary.value("gateway_us", std::int64_t{0})));
    }
    char extra[128];
    std::snprintf(extra, sizeof extra, "gateway_p50_us=%.1f gateway_p99_us=%.1f", gateway.percentileUs(50),
                  gateway.percentileUs(99));
    toProvider.print("ai_overhead", extra);

    // 2. Paced tokens: each written alone; the latency from the provider's write to the GUI thread.
    Samples latency;
    fakes::FakeReply paced = fakes::FakeReply::stream(tokens(options.pacedTokens, true));
    paced.pauseMs = 1;
    paced.stampChunks = true;
    server.enqueue(std::move(paced));
    Outcome o = runChat(client, context, [&latency](const std::string &delta) {
        const auto now = SteadyClock::now().time_since_epoch().count();
        for (std::size_t at = delta.find('<'); at != std::string::npos; at = delta.find('<', at + 1))
            latency.add(std::chrono::nanoseconds(now - std::stoll(delta.substr(at + 1, 20))));
    });
    if (o.failed)
        return false;
    latency.print("ai_token_latency");

    // 3. A burst: everything written at once; the whole path's wall time per token.
    fakes::FakeReply burst = fakes::FakeReply::stream(tokens(options.burstTokens, false));
    burst.splitEvery(16 * 1024);  // the provider is not the bottleneck here
    server.enqueue(std::move(burst));
    // From asking to the last token on the GUI thread, over every token: batching cannot flatter it (a
    // first batch holding most of the answer would if only the time after it counted).
    const auto first = SteadyClock::now();
    o = runChat(client, context, [](const std::string &) {});
    const auto last = SteadyClock::now();
    if (o.failed)
        return false;
    const double perToken = std::chrono::duration<double, std::micro>(last - first).count() / double(options.burstTokens);
    std::printf("BENCH ai_token_throughput tokens=%d per_token_us=%.2f tokens_per_s=%.0f\n", options.burstTokens,
                perToken, 1e6 / perToken);
    std::fflush(stdout);
    return true;
}

} // namespace rapport::bench
