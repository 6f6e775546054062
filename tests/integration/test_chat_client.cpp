// The streamed chat-completions client against a real HTTP server that plays recorded-style provider
// streams (docs/protocols.md A, B): same text and events whatever the framing and split, cancellation,
// and the pure retry arithmetic. Failure paths live in test_chat_client_errors.cpp.

#include "chat_client_test.h"

#include <QRandomGenerator>
#include <QSignalSpy>

#include "ai/retry_delay.h"
#include "fakes/fake_sse.h"

using namespace Qt::StringLiterals;
using namespace rapport::ai;
using namespace rapport::fakes;

namespace {
const QStringList pieces = {u"Hello"_s, u", wörld"_s, u" €"_s, u"😀"_s, u" "_s, u"and more."_s};
const QString fullText = pieces.join(QString());

FakeReply streamWith(sse::StreamOptions options = {})
{
    return FakeReply::stream(sse::completion(pieces, options));
}

FakeReply paced(FakeReply reply, int pauseMs)
{
    reply.pauseMs = pauseMs;
    return reply;
}

// Offsets that cut inside every multi-byte UTF-8 character (before each continuation byte).
QList<qsizetype> midUtf8Offsets(const QByteArray &body)
{
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < body.size(); ++i)
        if ((static_cast<unsigned char>(body[i]) & 0xC0) == 0x80)
            offsets << i;
    return offsets;
}

QList<qsizetype> afterEachCr(const QByteArray &body)
{
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i + 1 < body.size(); ++i)
        if (body[i] == '\r')
            offsets << i + 1;
    return offsets;
}

struct Scenario {
    const char *name;
    FakeReply reply;
    bool usage = true;
};

QList<Scenario> scenarios()
{
    QList<Scenario> rows;
    rows.append({"LF", streamWith()});
    rows.append({"CRLF", streamWith({.eol = "\r\n"})});
    rows.append({"CR only", streamWith({.eol = "\r"})});
    rows.append({"ping comments", streamWith({.pings = true})});
    rows.append({"multi-line data", streamWith({.multiLineData = true})});
    rows.append({"leading BOM", streamWith({.leadingBom = true})});
    rows.append({"[DONE] without blank line", streamWith({.doneBlankLine = false})});
    rows.append({"no usage chunk", streamWith({.usageAfterFinish = false}), false});
    rows.append({"split every 5 bytes", paced(streamWith({.pings = true}), 1)});
    rows.back().reply.splitEvery(5);
    FakeReply utf8 = paced(streamWith(), 2);
    rows.append({"split mid UTF-8", utf8.splitAt(midUtf8Offsets(utf8.body()))});
    FakeReply crlf = paced(streamWith({.eol = "\r\n"}), 2);
    rows.append({"split between CR and LF", crlf.splitAt(afterEachCr(crlf.body()))});
    FakeReply random = paced(streamWith({.eol = "\r\n", .multiLineData = true}), 1);
    QRandomGenerator rng(20240611);
    QList<qsizetype> offsets;
    for (qsizetype at = 1; at < random.body().size(); at += 1 + rng.bounded(40))
        offsets << at;
    rows.append({"split at random offsets", random.splitAt(offsets)});
    FakeReply closeDelimited = streamWith();
    closeDelimited.chunkedEncoding = false;
    rows.append({"connection-close delimited", closeDelimited});
    // EOF right after the finish (and usage) chunk, no [DONE]: still a complete answer.
    FakeReply noDone = streamWith();
    noDone.chunks.removeLast();
    rows.append({"EOF after finish, chunked", noDone});
    noDone.chunkedEncoding = false;
    rows.append({"EOF after finish, close delimited", noDone});
    // Ollama sends "" for content and finish_reason on ordinary chunks.
    FakeReply ollama = streamWith();
    ollama.chunks.insert(1, sse::event(R"({"choices":[{"index":0,"delta":{"content":""},"finish_reason":""}]})"));
    rows.append({"empty content and empty finish_reason", ollama});
    return rows;
}
} // namespace

ProviderConfig TestChatClient::config() const
{
    ProviderConfig c;
    c.baseUrl = m_server->baseUrl();
    c.apiKey = u"test-key"_s;
    c.backoff = {.baseMs = 20, .capMs = 2000, .maxRetries = 3};
    c.idleTimeoutMs = 4000;
    return c;
}

std::unique_ptr<ChatCompletion> TestChatClient::makeCall(const ProviderConfig &config)
{
    return std::make_unique<ChatCompletion>(
        *m_network, config,
        QList<ChatMessage>{{u"system"_s, u"You help sales staff."_s}, {u"user"_s, u"Draft a follow-up to Ana."_s}});
}

void TestChatClient::record(ChatCompletion &call, Recorded &out)
{
    connect(&call, &ChatCompletion::firstToken, &call, [&out] { ++out.firstTokens; out.order << u"first"_s; });
    connect(&call, &ChatCompletion::tokens, &call, [&out](const QString &batch) {
        ++out.tokenBatches;
        out.streamed += batch;
        out.order << u"tokens"_s;
    });
    connect(&call, &ChatCompletion::finished, &call, [&out](const ChatOutcome &o) { out.outcome = o; out.order << u"finished"_s; });
    connect(&call, &ChatCompletion::failed, &call, [&out](const AiError &e) { out.error = e; out.order << u"failed"_s; });
}

Recorded TestChatClient::run(ChatCompletion &call, int timeoutMs)
{
    Recorded rec;
    record(call, rec);
    call.start();
    if (QTest::qWaitFor([&rec] { return rec.terminals() > 0; }, timeoutMs))
        QTest::qWait(50);  // long enough for a stray signal after the terminal one to show up
    return rec;
}

void TestChatClient::init()
{
    m_server = std::make_unique<FakeOpenAiServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestChatClient::cleanup()
{
    m_network.reset();
    m_server.reset();
}

void TestChatClient::retryDelay_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expected");  // -1: do not retry

    // Policy: base 500 ms, cap 8000 ms, 3 retries.
    QTest::newRow("1st, low jitter")          << 1 << QByteArray() << 0.0   << 250;
    QTest::newRow("1st, high jitter")         << 1 << QByteArray() << 0.999 << 499;
    QTest::newRow("2nd doubles")              << 2 << QByteArray() << 0.0   << 500;
    QTest::newRow("3rd doubles again")        << 3 << QByteArray() << 1.0   << 2000;
    QTest::newRow("4th is over the limit")    << 4 << QByteArray() << 0.5   << -1;
    QTest::newRow("attempt 0 is invalid")     << 0 << QByteArray() << 0.5   << -1;
    QTest::newRow("Retry-After seconds")      << 1 << QByteArray("3") << 0.9 << 3000;
    QTest::newRow("Retry-After zero")         << 2 << QByteArray("0") << 0.9 << 0;
    QTest::newRow("Retry-After padded")       << 1 << QByteArray(" 2 ") << 0.9 << 2000;
    QTest::newRow("Retry-After over cap")     << 1 << QByteArray("12") << 0.0 << -1;
    QTest::newRow("Retry-After garbage")      << 1 << QByteArray("soon") << 0.0 << 250;
    QTest::newRow("Retry-After negative")     << 2 << QByteArray("-5") << 0.0 << 500;
    QTest::newRow("Retry-After huge")         << 1 << QByteArray("99999999999999999999") << 0.0 << 250;
}

void TestChatClient::retryDelay()
{
    QFETCH(int, attempt);
    QFETCH(QByteArray, retryAfter);
    QFETCH(double, random);
    QFETCH(int, expected);
    const std::optional<int> delay = retryDelayMs(attempt, retryAfter, random, BackoffPolicy{500, 8000, 3});
    QCOMPARE(delay.value_or(-1), expected);
}

void TestChatClient::retryDelayStaysCappedAndGrows()
{
    const BackoffPolicy policy{500, 8000, 100};
    int previousMax = 0;
    for (int attempt = 1; attempt <= 100; ++attempt) {
        const int low = retryDelayMs(attempt, {}, 0.0, policy).value();
        const int high = retryDelayMs(attempt, {}, 1.0, policy).value();
        QVERIFY2(low >= 250 && high <= 8000, qPrintable(u"attempt %1: %2..%3"_s.arg(attempt).arg(low).arg(high)));
        QCOMPARE_GE(high, previousMax);  // never shrinks: no XOR-style cycling
        QCOMPARE_GE(high, low);
        previousMax = high;
    }
    QCOMPARE(previousMax, 8000);
}

void TestChatClient::retryAfterHttpDate()
{
    const QDateTime now = QDateTime::fromString(u"1994-11-06T08:49:30Z"_s, Qt::ISODate);
    QCOMPARE(parseRetryAfterMs("Sun, 06 Nov 1994 08:49:37 GMT", now).value_or(-1), 7000);
    QCOMPARE(parseRetryAfterMs("Sunday, 06-Nov-94 08:49:37 GMT", now).value_or(-1), 7000);
    QCOMPARE(parseRetryAfterMs("Sun, 06 Nov 1994 08:49:00 GMT", now).value_or(-1), 0);  // in the past
    QCOMPARE(retryDelayMs(1, "Sun, 06 Nov 1994 08:49:35 GMT", 0.3, BackoffPolicy{500, 8000, 3}, now).value_or(-1), 5000);
    QVERIFY(!parseRetryAfterMs("Sun, 06 Nov 1994", now));
    QVERIFY(!parseRetryAfterMs("", now));
}

void TestChatClient::providerConfigFromEnvironment()
{
    const ProviderConfig defaults;
    QCOMPARE(defaults.chatCompletionsUrl().toString(), u"https://api.fireworks.ai/inference/v1/chat/completions"_s);
    qputenv("RAPPORT_AI_BASE_URL", "http://127.0.0.1:11434/v1/");
    qputenv("RAPPORT_AI_MODEL", "llama3.1");
    qputenv("RAPPORT_AI_API_KEY", "env-key");
    const ProviderConfig c = ProviderConfig::withEnvironment();
    qunsetenv("RAPPORT_AI_BASE_URL");
    qunsetenv("RAPPORT_AI_MODEL");
    qunsetenv("RAPPORT_AI_API_KEY");
    QCOMPARE(c.chatCompletionsUrl().toString(), u"http://127.0.0.1:11434/v1/chat/completions"_s);
    QCOMPARE(c.model, u"llama3.1"_s);
    QCOMPARE(c.apiKey, u"env-key"_s);
    QCOMPARE(ProviderConfig::withEnvironment().model, defaults.model);
}

void TestChatClient::streams_data()
{
    QTest::addColumn<int>("row");
    const QList<Scenario> rows = scenarios();
    for (int i = 0; i < rows.size(); ++i)
        QTest::newRow(rows[i].name) << i;
}

void TestChatClient::streams()
{
    QFETCH(int, row);
    const Scenario scenario = scenarios().at(row);
    m_server->enqueue(scenario.reply);
    const Recorded rec = run();

    QCOMPARE(rec.terminals(), 1);
    QVERIFY2(rec.outcome, rec.error ? qPrintable(rec.error->detail) : "no outcome");
    QCOMPARE(rec.outcome->text, fullText);
    QCOMPARE(rec.streamed, fullText);
    QCOMPARE(rec.firstTokens, 1);
    QCOMPARE(rec.order.first(), u"first"_s);
    QCOMPARE(rec.order.last(), u"finished"_s);
    QCOMPARE_LE(rec.tokenBatches, scenario.reply.chunks.size());  // at most one batch per read
    QCOMPARE(rec.outcome->finishReason, u"stop"_s);
    QCOMPARE(rec.outcome->promptTokens, scenario.usage ? 11 : -1);
    QCOMPARE(rec.outcome->completionTokens, scenario.usage ? int(pieces.size()) : -1);
    QCOMPARE_GE(rec.outcome->timeToFirstTokenMs, 0);
    QCOMPARE_GT(rec.outcome->tokensPerSecond, 0.0);
    QCOMPARE(rec.outcome->attempts, 1);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatClient::batchesTokensPerRead()
{
    FakeReply reply = streamWith();
    reply.chunks = {reply.body()};  // every event in one write, hence one read
    m_server->enqueue(reply);
    const Recorded rec = run();
    QVERIFY(rec.outcome);
    QCOMPARE(rec.tokenBatches, 1);
    QCOMPARE(rec.streamed, fullText);
}

void TestChatClient::requestIsWhatTheProtocolRequires()
{
    m_server->enqueue(streamWith());
    const Recorded rec = run();
    QVERIFY(rec.outcome);
    QCOMPARE(m_server->requests().size(), 1);
    const RecordedRequest &request = m_server->requests().first();
    QVERIFY2(request.problems.isEmpty(), qPrintable(request.problems.join(u"; "_s)));
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.target, "/v1/chat/completions");
    QCOMPARE(request.header("authorization"), "Bearer test-key");
    QCOMPARE(request.header("accept"), "text/event-stream");
    QVERIFY(request.header("content-type").startsWith("application/json"));
    const nlohmann::json expected = {
        {"model", "accounts/fireworks/models/llama-v3p1-8b-instruct"},
        {"messages", {{{"role", "system"}, {"content", "You help sales staff."}},
                      {{"role", "user"}, {"content", "Draft a follow-up to Ana."}}}},
        {"stream", true},
        {"temperature", 0.7},
        {"max_tokens", 1024},
        {"stream_options", {{"include_usage", true}}},
    };
    QCOMPARE(QString::fromStdString(request.json.dump(2)), QString::fromStdString(expected.dump(2)));
}

void TestChatClient::cancelAbortsUpstream()
{
    QStringList many;
    for (int i = 0; i < 40; ++i)
        many << u"word%1 "_s.arg(i);
    FakeReply slow = FakeReply::stream(sse::completion(many));
    slow.pauseMs = 100;
    m_server->enqueue(slow);
    QSignalSpy disconnected(m_server.get(), &FakeOpenAiServer::clientDisconnected);

    auto call = makeCall(config());
    Recorded rec;
    record(*call, rec);
    call->start();
    QTRY_COMPARE_WITH_TIMEOUT(rec.firstTokens, 1, 5000);
    call->cancel();
    QCOMPARE(rec.terminals(), 1);
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::Cancelled);
    QCOMPARE(rec.error->partialText, rec.streamed);
    QVERIFY(!rec.streamed.isEmpty());
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().first().toBool(), true);  // mid-reply: the provider can stop generating
    const QStringList before = rec.order;
    call->cancel();  // idempotent
    QTest::qWait(300);
    QCOMPARE(rec.order, before);
}

void TestChatClient::cancelFromTokensSlot()
{
    FakeReply slow = streamWith();
    slow.pauseMs = 30;
    m_server->enqueue(slow);
    auto call = makeCall(config());
    ChatCompletion *raw = call.get();
    Recorded rec;
    record(*raw, rec);
    // Connected after the recorder: slots of one emission run in connection order.
    connect(raw, &ChatCompletion::tokens, raw, [raw] { raw->cancel(); });
    raw->start();
    QTRY_COMPARE_WITH_TIMEOUT(rec.terminals(), 1, 5000);
    QTest::qWait(200);
    QCOMPARE(rec.terminals(), 1);
    QCOMPARE(rec.tokenBatches, 1);
    QCOMPARE(rec.order, (QStringList{u"first"_s, u"tokens"_s, u"failed"_s}));
    QCOMPARE(rec.error->kind, AiErrorKind::Cancelled);
}

void TestChatClient::deletingTheCallAbortsUpstream()
{
    FakeReply slow = streamWith();
    slow.pauseMs = 200;
    m_server->enqueue(slow);
    QSignalSpy disconnected(m_server.get(), &FakeOpenAiServer::clientDisconnected);
    auto call = makeCall(config());
    QSignalSpy first(call.get(), &ChatCompletion::firstToken);
    call->start();
    QVERIFY(first.wait(5000));
    call.reset();
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(m_server->disconnectsMidReply(), 1);
}

QTEST_MAIN(TestChatClient)
