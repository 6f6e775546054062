// GET /gmail/messages?contact=ID: the mail exchanged with a contact, from Gmail (the fake on loopback)
// into the local cache, then readable offline; paging, the search Gmail gets, an empty mailbox, an
// access token refreshed once after a 401, and a refresh that fails without touching the cache.

#include <QTemporaryDir>
#include <QtTest>

#include "core/error.h"
#include "fakes/fake_google_server.h"
#include "gateway.h"
#include "gmail/gmail_account.h"
#include "secrets/memory_secret_store.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {

const QStringList kScopes = {QString::fromLatin1(gmail::kScopeCompose), QString::fromLatin1(gmail::kScopeReadonly)};

// Runs a route that may stream to its end on this thread's event loop.
struct Outcome {
    bool ok = false;
    nlohmann::json body;
    Error error;
    int events = 0;
};

Outcome run(Gateway &gateway, const std::string &target)
{
    Response response = gateway.call(Method::Get, target);
    Outcome out;
    if (!response.isStream()) {
        out.ok = response.isSuccess();
        out.body = response.body;
        if (!out.ok)
            out.error = Error::fromJson(response.body);
        return out;
    }
    struct Sink : StreamSink {
        Outcome *o;
        bool done = false;
        void event(const nlohmann::json &) override { ++o->events; }
        void end(const nlohmann::json &s) override { o->ok = true, o->body = s, done = true; }
        void fail(const Error &e) override { o->error = e, done = true; }
    };
    auto sink = std::make_shared<Sink>();
    sink->o = &out;
    response.stream->start(sink);
    if (!QTest::qWaitFor([&] { return sink->done; }, 20000))
        out.error = Error::make(ErrorCode::Internal, "timed out");
    return out;
}

QStringList subjects(const nlohmann::json &page)
{
    QStringList out;
    for (const auto &item : page["items"])
        out << QString::fromStdString(item["subject"].get<std::string>());
    return out;
}

} // namespace

class TestGmailMessages : public QObject {
    Q_OBJECT
    fakes::FakeGoogleServer m_google;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    std::unique_ptr<Gateway> m_gateway;
    std::string m_contact;

    void connectAccount(const QString &access, const QString &refresh, int expiresInSeconds)
    {
        gmail::GoogleTokens tokens;
        tokens.accessToken = access;
        tokens.refreshToken = refresh;
        tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds);
        tokens.grantedScopes = kScopes;
        bool saved = false;
        QObject context;
        m_gateway->gmailAccount().saveTokens(tokens, &context, [&](Result<void> r) { saved = r.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return saved; }));
        m_gateway->gmailAccount().markConnected(u"me@example.com"_s, gmail::TokenGrant{tokens, {}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_google.listen());
        qputenv("RAPPORT_GOOGLE_CLIENT_ID", m_google.clientId().toUtf8());
        qputenv("RAPPORT_GOOGLE_CLIENT_SECRET", m_google.clientSecret().toUtf8());
        qputenv("RAPPORT_GOOGLE_AUTH_URL", m_google.authUrl().toString().toUtf8());
        qputenv("RAPPORT_GOOGLE_TOKEN_URL", m_google.tokenUrl().toString().toUtf8());
        qputenv("RAPPORT_GOOGLE_REVOKE_URL", m_google.revokeUrl().toString().toUtf8());
        qputenv("RAPPORT_GMAIL_API_URL", m_google.gmailApiUrl().toString().toUtf8());
        GatewayOptions options;
        options.secrets = &m_secrets;
        auto opened = Gateway::open(m_dir.path(), options);
        QVERIFY(opened.ok());
        m_gateway = std::move(*opened);
        Response created = m_gateway->call(Method::Post, "/contacts",
            R"({"name":"Олег Петров","emails":[{"address":"oleg@example.ru"},{"address":"o.p+crm@example.com"}]})");
        QCOMPARE(created.status, 201);
        m_contact = created.body["id"].get<std::string>();
        // Mail with him from either address, a stranger's, and one only copied to him.
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 86'400'000;
        for (int i = 0; i < 7; ++i)
            m_google.addMessage({{}, {}, u"Олег Петров <oleg@example.ru>"_s, u"me@example.com"_s, {},
                                 u"Angebot %1 🚀"_s.arg(i), u"snippet %1"_s.arg(i), {}, {}, t0 + i * 60'000});
        m_google.addMessage({{}, {}, u"me@example.com"_s, u"o.p+crm@example.com"_s, {}, u"Re: Vertrag"_s, {}, {}, {},
                             t0 + 10 * 60'000});
        m_google.addMessage({{}, {}, u"me@example.com"_s, u"x@example.org"_s, u"oleg@example.ru"_s, u"CC only"_s, {},
                             {}, {}, t0 + 11 * 60'000});
        m_google.addMessage({{}, {}, u"spam@example.net"_s, u"me@example.com"_s, {}, u"Not him"_s, {}, {}, {},
                             t0 + 12 * 60'000});
    }

    void notConnectedIsAClearConflict()
    {
        const Outcome o = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&refresh=true");
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, ErrorCode::Conflict);
        QVERIFY(QString::fromStdString(o.error.message).contains(u"not connected"_s));
    }

    void refreshCachesTheContactsMailNewestFirstAndPages()
    {
        connectAccount(m_google.grantForTest(kScopes), {}, 3600);
        const Outcome o = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&refresh=true&limit=5");
        QVERIFY2(o.ok, o.error.message.c_str());
        QCOMPARE(subjects(o.body), (QStringList{u"CC only"_s, u"Re: Vertrag"_s, u"Angebot 6 🚀"_s, u"Angebot 5 🚀"_s,
                                                u"Angebot 4 🚀"_s}));
        QVERIFY(o.body["refreshed_at"].is_string());
        QVERIFY(o.events >= 9);  // progress while metadata arrived
        QVERIFY2(m_google.problems().isEmpty(), qPrintable(m_google.problems().join(u'\n')));
        // Gmail was asked for every address, in any role.
        const QString q = fakes::formValue(fakes::parseForm(m_google.requests()[0].target.mid(m_google.requests()[0].target.indexOf('?') + 1)), u"q"_s);
        QCOMPARE(q, u"{from:oleg@example.ru to:oleg@example.ru cc:oleg@example.ru from:o.p+crm@example.com "
                    "to:o.p+crm@example.com cc:o.p+crm@example.com}"_s);

        // The next page comes from the cache, also while Gmail is unreachable.
        m_google.failNextGmailCalls(100, 503);
        const Outcome next = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&limit=5&cursor=" +
                                                 o.body["next_cursor"].get<std::string>());
        QVERIFY(next.ok);
        QCOMPARE(subjects(next.body), (QStringList{u"Angebot 3 🚀"_s, u"Angebot 2 🚀"_s, u"Angebot 1 🚀"_s,
                                                   u"Angebot 0 🚀"_s}));
        QVERIFY(next.body["next_cursor"].is_null());

        // A refresh that fails says why and leaves the cache as it was.
        const Outcome failed = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&refresh=true&limit=5");
        QVERIFY(!failed.ok);
        QCOMPARE(failed.error.code, ErrorCode::Upstream);
        const Outcome cached = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&limit=50");
        QCOMPARE(cached.body["items"].size(), std::size_t(9));
        m_google.failNextGmailCalls(0);
    }

    void expiredTokenIsRefreshedOnceAndTheCallGoesThrough()
    {
        QString refresh;
        const QString access = m_google.grantForTest(kScopes, &refresh);
        connectAccount(access, refresh, 3600);  // looks valid to us...
        m_google.expireAccessTokens();          // ...but Google says 401
        const int before = m_google.refreshes();
        const Outcome o = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&refresh=true");
        QVERIFY2(o.ok, o.error.message.c_str());
        QCOMPARE(m_google.refreshes(), before + 1);
        QCOMPARE(m_gateway->call(Method::Get, "/gmail/status").body["state"], "connected");
    }

    void anEmptyMailboxIsAnEmptyList()
    {
        // Gmail leaves `messages` out when nothing matches.
        Response created = m_gateway->call(Method::Post, "/contacts", R"({"name":"Nadia","emails":[{"address":"nadia@example.ma"}]})");
        const Outcome o = run(*m_gateway, "/gmail/messages?contact=" + created.body["id"].get<std::string>() + "&refresh=true");
        QVERIFY2(o.ok, o.error.message.c_str());
        QCOMPARE(o.body["items"].size(), std::size_t(0));
        QVERIFY(o.body["refreshed_at"].is_string());
    }

    void aRevokedGrantNeedsReconnectingAndSaysSo()
    {
        QString refresh;
        connectAccount(m_google.grantForTest(kScopes, &refresh), refresh, 3600);
        m_google.revokeAllGrants();  // the user removed Rapport in their Google account
        const Outcome o = run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&refresh=true");
        QVERIFY(!o.ok);
        const nlohmann::json status = m_gateway->call(Method::Get, "/gmail/status").body;
        QCOMPARE(status["state"], "reconnect_needed");
        QCOMPARE(status["last_error"]["kind"], "reconnect_needed");
        // Nothing more is sent with dead tokens until the user connects again.
        const auto requests = m_google.requests().size();
        QVERIFY(!run(*m_gateway, "/gmail/messages?contact=" + m_contact + "&refresh=true").ok);
        QCOMPARE(m_google.requests().size(), requests);
    }

    void badInputIsRefused()
    {
        QCOMPARE(m_gateway->call(Method::Get, "/gmail/messages").status, 422);
        QCOMPARE(m_gateway->call(Method::Get, "/gmail/messages?contact=nope").status, 404);
        Response none = m_gateway->call(Method::Post, "/contacts", R"({"name":"Без почты"})");
        const std::string target = "/gmail/messages?contact=" + none.body["id"].get<std::string>() + "&refresh=true";
        QCOMPARE(m_gateway->call(Method::Get, target).status, 422);
        QCOMPARE(m_gateway->call(Method::Get, "/gmail/messages?contact=" + m_contact + "&limit=0").status, 400);
    }
};

QTEST_MAIN(TestGmailMessages)
#include "test_gmail_messages.moc"
