// POST /ai/chat through the route table against a fake OpenAI-compatible server on loopback:
// the answer streams as events, is stored with its conversation, and a failure keeps the partial text.

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "fakes/fake_openai_server.h"
#include "fakes/fake_sse.h"
#include "support/test_profile.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using nlohmann::json;

namespace {
struct CollectingSink : StreamSink {
    std::string text;
    json summary;
    std::optional<Error> error;
    bool ended = false;
    void event(const json &data) override { text += data.value("delta", ""); }
    void end(const json &s) override
    {
        summary = s;
        ended = true;
    }
    void fail(const Error &e) override
    {
        error = e;
        ended = true;
    }
};
} // namespace

class TestAiChat : public QObject {
    Q_OBJECT
    fakes::FakeOpenAiServer m_server;

    std::shared_ptr<CollectingSink> run(Response &r)
    {
        auto sink = std::make_shared<CollectingSink>();
        if (r.isStream())
            r.stream->start(sink);
        return sink;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.setExpectedApiKey("test-key-123");
        qputenv("RAPPORT_AI_BASE_URL", m_server.baseUrl().toString().toUtf8());
        qputenv("RAPPORT_AI_API_KEY", "test-key-123");
    }

    void answerStreamsAndIsStored()
    {
        test::TestProfile p;
        m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Hallo "_s, u"Zoë"_s, u" 👋"_s})));
        Response r = p.call(Method::Post, "/ai/chat", {{"message", "Wie begrüße ich Zoë?"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.isStream());
        auto sink = run(r);
        QTRY_VERIFY_WITH_TIMEOUT(sink->ended, 10000);
        QVERIFY2(!sink->error, sink->error ? sink->error->message.c_str() : "");
        QCOMPARE(sink->text, std::string("Hallo Zoë 👋"));
        const std::string id = sink->summary["conversation_id"].get<std::string>();
        QVERIFY(sink->summary["gateway_us"].get<long long>() >= 0);

        const Response stored = p.call(Method::Get, "/ai/conversations/" + id);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body["messages"].size(), 2u);
        JCOMPARE(stored.body["messages"][0]["content"], "Wie begrüße ich Zoë?");
        JCOMPARE(stored.body["messages"][1]["content"], "Hallo Zoë 👋");
        JCOMPARE(stored.body["messages"][1]["status"], "complete");
        JCOMPARE(stored.body["title"], "Wie begrüße ich Zoë?");
        const auto &sent = m_server.requests().back();
        QVERIFY2(sent.problems.isEmpty(), qPrintable(sent.problems.join(u"; "_s)));

        // A follow-up sends the whole conversation.
        m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Gern."_s})));
        Response again = p.call(Method::Post, "/ai/chat", {{"message", "Danke"}, {"conversation_id", id}});
        auto second = run(again);
        QTRY_VERIFY_WITH_TIMEOUT(second->ended, 10000);
        QCOMPARE(m_server.requests().back().json["messages"].size(), 3u);
        QCOMPARE(p.call(Method::Get, "/ai/conversations").body["items"].size(), 1u);
    }

    void truncatedStreamKeepsPartialAnswer()
    {
        test::TestProfile p;
        fakes::FakeReply cut = fakes::FakeReply::stream(fakes::sse::completion({u"Erster Teil, "_s, u"zweiter"_s}));
        cut.chunks = cut.chunks.mid(0, 3);  // role + two content chunks, then the connection ends
        cut.truncate = true;
        m_server.enqueue(cut);
        Response r = p.call(Method::Post, "/ai/chat", {{"message", "Schreib etwas"}});
        auto sink = run(r);
        QTRY_VERIFY_WITH_TIMEOUT(sink->ended, 10000);
        QVERIFY(sink->error);
        QCOMPARE(sink->error->code, ErrorCode::Upstream);
        QCOMPARE(sink->text, std::string("Erster Teil, zweiter"));
        const json convs = p.call(Method::Get, "/ai/conversations").body;
        const json stored = p.call(Method::Get, "/ai/conversations/" + convs["items"][0]["id"].get<std::string>()).body;
        JCOMPARE(stored["messages"][1]["status"], "partial");
        JCOMPARE(stored["messages"][1]["content"], "Erster Teil, zweiter");
        QVERIFY(!stored["messages"][1]["error"].get<std::string>().empty());
    }

    void stopCancelsUpstream()
    {
        test::TestProfile p;
        fakes::FakeReply slow = fakes::FakeReply::stream(fakes::sse::completion({u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        slow.pauseMs = 300;
        m_server.enqueue(slow);
        const int disconnectsBefore = m_server.disconnectsMidReply();
        Response r = p.call(Method::Post, "/ai/chat", {{"message", "Lange Antwort bitte"}});
        auto sink = run(r);
        QTRY_VERIFY_WITH_TIMEOUT(!sink->text.empty(), 10000);
        r.stream->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(sink->ended, 5000);
        QVERIFY(sink->error);
        QCOMPARE(sink->error->code, ErrorCode::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(m_server.disconnectsMidReply() > disconnectsBefore, 5000);
    }

    void badRequestsAndLimits()
    {
        test::TestProfile p;
        QCOMPARE(p.call(Method::Post, "/ai/chat", {{"message", ""}}).status, 422);
        QCOMPARE(p.call(Method::Post, "/ai/chat", {{"message", "x"}, {"conversation_id", "not-a-uuid"}}).status, 422);
        const Response unknown = p.call(Method::Post, "/ai/chat",
                                        {{"message", "x"}, {"conversation_id", "01936f4e-0000-7000-8000-00000000dead"}});
        QCOMPARE(unknown.status, 404);
        // The AI class is rate limited per caller: the burst is 10 (three used above).
        int limited = 0;
        for (int i = 0; i < 10; ++i)
            limited += p.call(Method::Post, "/ai/chat", json::object()).status == 429 ? 1 : 0;
        QCOMPARE(limited, 3);
    }

    void rapportctlChatPrintsTheAnswer()
    {
        // The real binary, with this process's fake provider: the event loop must keep running while
        // it waits, so the fake can answer (QTRY spins it).
        QTemporaryDir profile;
        m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Guten "_s, u"Tag, "_s, u"山田さん"_s})));
        QProcess ctl;
        ctl.start(QStringLiteral(RAPPORTCTL_PATH), {u"--profile"_s, profile.path(), u"chat"_s, u"Begrüßung?"_s});
        QVERIFY(ctl.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(ctl.state() == QProcess::NotRunning, 20000);
        QCOMPARE(ctl.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(ctl.readAllStandardOutput()), u"Guten Tag, 山田さん\n"_s);
        QVERIFY(ctl.readAllStandardError().startsWith("conversation: "));

        fakes::FakeReply refused = fakes::FakeReply::error(401, u"invalid api key"_s);
        m_server.enqueue(refused);
        QProcess failing;
        failing.start(QStringLiteral(RAPPORTCTL_PATH), {u"--profile"_s, profile.path(), u"chat"_s, u"Hallo"_s});
        QVERIFY(failing.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(failing.state() == QProcess::NotRunning, 20000);
        QCOMPARE(failing.exitCode(), 1);
        QVERIFY(failing.readAllStandardError().contains("API key"));
    }

    void missingKeyForTheDefaultProvider()
    {
        test::TestProfile p;
        const QByteArray base = qgetenv("RAPPORT_AI_BASE_URL");
        qunsetenv("RAPPORT_AI_BASE_URL");
        qunsetenv("RAPPORT_AI_API_KEY");
        const Response r = p.call(Method::Post, "/ai/chat", {{"message", "Hallo"}});
        qputenv("RAPPORT_AI_BASE_URL", base);
        qputenv("RAPPORT_AI_API_KEY", "test-key-123");
        QCOMPARE(r.status, 400);
        JCOMPARE(r.body["error"]["field"], "api_key");
        QCOMPARE(p.call(Method::Get, "/ai/conversations").body["items"].size(), 0u);  // nothing stored
    }
};

QTEST_GUILESS_MAIN(TestAiChat)
#include "test_ai_chat.moc"
