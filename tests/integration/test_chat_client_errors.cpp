// Failure paths of the streamed chat-completions client: every HTTP error kind, retries before the
// first token only, in-stream errors, truncation, stalls, redirects and the size cap.

#include "chat_client_test.h"

#include "fakes/fake_sse.h"

using namespace Qt::StringLiterals;
using namespace rapport::ai;
using namespace rapport::fakes;

namespace {
FakeReply success()
{
    return FakeReply::stream(sse::completion({u"Done"_s, u" now."_s}));
}

FakeReply partialThen(const QList<QByteArray> &tail)
{
    QList<QByteArray> events = {sse::event(sse::roleChunk()), sse::event(sse::contentChunk(u"Partial "_s)),
                                sse::event(sse::contentChunk(u"answer"_s))};
    FakeReply reply = FakeReply::stream(events + tail);
    reply.pauseMs = 20;  // the tokens reach the client before whatever comes next
    return reply;
}
} // namespace

void TestChatClient::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");  // raw error body; empty: the fake's standard shape
    QTest::addColumn<AiErrorKind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");   // expected inside AiError::detail
    QTest::addColumn<int>("requests");     // 4 = first attempt + 3 retries

    const QByteArray none;
    const QString scripted = u"scripted failure"_s;
    QTest::newRow("400") << 400 << none << none << AiErrorKind::BadRequest
                         << u"The AI provider refused the request. Check the AI settings."_s << scripted << 1;
    QTest::newRow("401") << 401 << none << none << AiErrorKind::BadKey
                         << u"The API key was rejected. Check it in Settings."_s << scripted << 1;
    QTest::newRow("402") << 402 << none << none << AiErrorKind::OutOfCredit
                         << u"The AI provider account has run out of credit. Add credit or use another key in Settings."_s
                         << scripted << 1;
    QTest::newRow("403 code shape") << 403 << none << QByteArray(R"({"error":{"code":"FORBIDDEN","message":"no access"}})")
                                    << AiErrorKind::Forbidden
                                    << u"This API key may not use the chosen model. Check the key and the model in Settings."_s
                                    << u"no access"_s << 1;
    QTest::newRow("404") << 404 << none << none << AiErrorKind::UnknownModel
                         << u"The AI model \"accounts/fireworks/models/llama-v3p1-8b-instruct\" was not found. Check the model in Settings."_s
                         << scripted << 1;
    QTest::newRow("413") << 413 << none << none << AiErrorKind::TooLarge
                         << u"The request is too large for the AI provider. Shorten the text and try again."_s << scripted << 1;
    QTest::newRow("429 wait beyond cap") << 429 << QByteArray("12") << none << AiErrorKind::RateLimited
                                         << u"Rate limited by the provider: retry in 12 s."_s << scripted << 1;
    QTest::newRow("429 retries exhausted") << 429 << none << QByteArray(R"({"error":"too many requests"})")
                                           << AiErrorKind::RateLimited
                                           << u"Rate limited by the provider: try again in a moment."_s
                                           << u"too many requests"_s << 4;
    QTest::newRow("503 retries exhausted") << 503 << none << none << AiErrorKind::Overloaded
                                           << u"The AI provider is overloaded; try again in a moment."_s << scripted << 4;
    QTest::newRow("500 legacy fault body") << 500 << none << QByteArray(R"({"fault":{"faultstring":"Invalid ApiKey"}})")
                                           << AiErrorKind::Overloaded
                                           << u"The AI provider is overloaded; try again in a moment."_s
                                           << u"Invalid ApiKey"_s << 4;
    QTest::newRow("408 retries exhausted") << 408 << none << QByteArray("upstream timeout") << AiErrorKind::Timeout
                                           << u"The AI provider stopped responding. Try again."_s
                                           << u"upstream timeout"_s << 4;
}

void TestChatClient::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(AiErrorKind, kind);
    QFETCH(QString, message);
    QFETCH(QString, detail);
    QFETCH(int, requests);
    HeaderList headers;
    if (!retryAfter.isEmpty())
        headers.append({QByteArray("Retry-After"), retryAfter});
    for (int i = 0; i < 5; ++i)
        m_server->enqueue(FakeReply::error(status, u"scripted failure"_s, headers, body));

    const Recorded rec = run();
    QCOMPARE(rec.terminals(), 1);
    QVERIFY(rec.error);
    QCOMPARE(kindName(rec.error->kind), kindName(kind));
    QCOMPARE(rec.error->message, message);
    QVERIFY2(rec.error->detail.contains(detail), qPrintable(rec.error->detail));
    QVERIFY(!rec.error->detail.contains(u"test-key"_s));
    QCOMPARE(rec.error->httpStatus, status);
    QCOMPARE(rec.error->retryAfterMs, retryAfter.isEmpty() ? -1 : retryAfter.toLongLong() * 1000);
    QCOMPARE(rec.firstTokens, 0);
    QCOMPARE(m_server->requests().size(), requests);
}

void TestChatClient::wrongKeyIsRejectedByServer()
{
    m_server->enqueue(success());
    ProviderConfig c = config();
    c.apiKey = u"wrong-key"_s;
    auto call = makeCall(c);
    const Recorded rec = run(*call);
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::BadKey);
    QCOMPARE(rec.error->message, u"The API key was rejected. Check it in Settings."_s);
    QVERIFY(!rec.error->detail.contains(u"wrong-key"_s));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatClient::retriesRateLimitThenSucceeds_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("Retry-After: 1") << QByteArray("1");
    QTest::newRow("no Retry-After") << QByteArray();
}

void TestChatClient::retriesRateLimitThenSucceeds()
{
    QFETCH(QByteArray, retryAfter);
    HeaderList headers;
    if (!retryAfter.isEmpty())
        headers.append({QByteArray("Retry-After"), retryAfter});
    m_server->enqueue(FakeReply::error(429, u"slow down"_s, headers));
    m_server->enqueue(success());
    const Recorded rec = run();
    QVERIFY2(rec.outcome, rec.error ? qPrintable(rec.error->detail) : "no outcome");
    QCOMPARE(rec.outcome->text, u"Done now."_s);
    QCOMPARE(rec.outcome->attempts, 2);
    QCOMPARE(m_server->requests().size(), 2);
    if (!retryAfter.isEmpty()) {
        // Lower bound only, with slack for a coarse timer firing up to 5% early.
        const qint64 gap = m_server->requests()[1].receivedAtMs - m_server->requests()[0].receivedAtMs;
        QVERIFY2(gap >= 900, qPrintable(u"retried after %1 ms"_s.arg(gap)));
    }
}

void TestChatClient::retriesOverloadThenSucceeds()
{
    m_server->enqueue(FakeReply::error(503, u"Service Overloaded"_s));
    m_server->enqueue(FakeReply::error(502, u"Bad Gateway"_s));
    m_server->enqueue(success());
    const Recorded rec = run();
    QVERIFY2(rec.outcome, rec.error ? qPrintable(rec.error->detail) : "no outcome");
    QCOMPARE(rec.outcome->attempts, 3);
    QCOMPARE(rec.firstTokens, 1);
    QCOMPARE(m_server->requests().size(), 3);
}

void TestChatClient::retriesDroppedConnectionThenSucceeds()
{
    m_server->enqueue(FakeReply::drop());
    m_server->enqueue(success());
    const Recorded rec = run();
    QVERIFY2(rec.outcome, rec.error ? qPrintable(rec.error->detail) : "no outcome");
    QCOMPARE(rec.outcome->text, u"Done now."_s);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestChatClient::neverRetriesAfterFirstToken_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("chunked, connection reset mid-body") << true;
    QTest::newRow("close delimited, clean EOF") << false;
}

void TestChatClient::neverRetriesAfterFirstToken()
{
    QFETCH(bool, chunked);
    FakeReply cut = partialThen({});
    cut.truncate = true;
    cut.chunkedEncoding = chunked;
    m_server->enqueue(cut);
    m_server->enqueue(success());  // must never be requested: it would bill the answer twice
    const Recorded rec = run();
    QCOMPARE(rec.terminals(), 1);
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::Truncated);
    QCOMPARE(rec.error->message, u"The answer was cut off before it finished."_s);
    QCOMPARE(rec.error->partialText, u"Partial answer"_s);
    QTest::qWait(200);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatClient::inStreamErrorKeepsPartialText()
{
    m_server->enqueue(partialThen({sse::event(sse::errorChunk(u"model crashed"_s)), sse::done()}));
    const Recorded rec = run();
    QCOMPARE(rec.terminals(), 1);
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::InStreamError);
    QCOMPARE(rec.error->partialText, u"Partial answer"_s);
    QVERIFY2(rec.error->detail.contains(u"model crashed"_s), qPrintable(rec.error->detail));
    QCOMPARE(rec.order.last(), u"failed"_s);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatClient::stalledStreamTimesOut()
{
    FakeReply stalled = partialThen({});
    stalled.hang = true;
    m_server->enqueue(stalled);
    ProviderConfig c = config();
    c.idleTimeoutMs = 300;
    auto call = makeCall(c);
    const Recorded rec = run(*call);
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::Timeout);
    QCOMPARE(rec.error->partialText, u"Partial answer"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->disconnectsMidReply(), 1, 3000);
}

void TestChatClient::redirectIsNotFollowed()
{
    const QByteArray elsewhere = m_server->baseUrl().toString().toUtf8() + "/elsewhere";
    m_server->enqueue(FakeReply::error(307, u"moved"_s, {{QByteArray("Location"), elsewhere}}));
    m_server->enqueue(success());
    const Recorded rec = run();
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::Protocol);
    QCOMPARE(rec.error->httpStatus, 307);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestChatClient::oversizedResponseIsCut()
{
    QStringList many;
    for (int i = 0; i < 100; ++i)
        many << u"filler "_s;
    m_server->enqueue(FakeReply::stream(sse::completion(many)));
    ProviderConfig c = config();
    c.maxResponseBytes = 4000;
    auto call = makeCall(c);
    const Recorded rec = run(*call);
    QVERIFY(rec.error);
    QCOMPARE(rec.error->kind, AiErrorKind::Protocol);
    QCOMPARE(rec.terminals(), 1);
}
