// POST /gmail/send and /gmail/drafts against the fake Google on loopback: what Gmail receives, what
// the outbox and the local draft record, what is refused before anything is queued, and that no
// token reaches the profile folder. The fixture (gmail_send_test.h) is shared with
// test_gmail_send_retry.cpp.

#include "gmail_send_test.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QTcpServer>

#include "gmail/gmail_account.h"
#include "gmail/gmail_send_routes.h"
#include "gmail/oauth_config.h"
#include "store/store.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::fakes;
using namespace sendtest;
using nlohmann::json;

namespace sendtest {

constexpr int kWaitMs = 20'000;

QByteArray ParsedMime::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n'))
        if (line.startsWith(QByteArray(name + ": ")))
            return line.mid(name.size() + 2).trimmed();
    return {};
}

ParsedMime parseMime(const QByteArray &mime)
{
    ParsedMime parsed;
    const qsizetype blank = mime.indexOf("\r\n\r\n");
    parsed.head = QByteArray(mime.left(blank)).replace("\r\n ", " ").replace("\r\n", "\n");
    parsed.body = QByteArray::fromBase64(QByteArray(mime.mid(blank + 4)).replace("\r\n", ""));
    return parsed;
}

} // namespace sendtest

void TestGmailSend::initTestCase()
{
    QVERIFY(m_google.listen());
    m_google.setAccountEmail(u"anna.seller@example.com"_s);
    qputenv("RAPPORT_GOOGLE_CLIENT_ID", m_google.clientId().toUtf8());
    qputenv("RAPPORT_GOOGLE_CLIENT_SECRET", m_google.clientSecret().toUtf8());
    qputenv("RAPPORT_GOOGLE_TOKEN_URL", m_google.tokenUrl().toEncoded());
    qputenv("RAPPORT_GOOGLE_REVOKE_URL", m_google.revokeUrl().toEncoded());
    qputenv("RAPPORT_GOOGLE_AUTH_URL", m_google.authUrl().toEncoded());
    qunsetenv("RAPPORT_PROFILE");
}

void TestGmailSend::cleanupTestCase()
{
    // Finished calls and replies are deleted later: delete them while the application still exists.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestGmailSend::init()
{
    setApiUrl(m_google.gmailApiUrl());
    m_google.failNextGmailCalls(0);
}

void TestGmailSend::setApiUrl(const QUrl &url)
{
    qputenv("RAPPORT_GMAIL_API_URL", url.toEncoded());
}

QUrl TestGmailSend::closedPortUrl()
{
    QTcpServer probe;  // take a free port, then free it: nothing listens there afterwards
    if (!probe.listen(QHostAddress::LocalHost))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

std::unique_ptr<Profile> TestGmailSend::connectedProfile()
{
    auto profile = std::make_unique<Profile>();
    GatewayOptions options;
    options.secrets = &profile->secrets;
    profile->p = std::make_unique<test::TestProfile>(options);
    profile->nowMs = QDateTime::currentMSecsSinceEpoch();
    profile->router = std::make_unique<Router>(profile->metrics, profile->limiter);
    gmail::OutboxOptions outbox;
    outbox.nowMs = [raw = profile.get()] { return raw->nowMs; };
    gmail::GmailAccount &account = profile->p->gateway->gmailAccount();
    gmail::addGmailSendRoutes(*profile->router, account, profile->p->gateway->store(), outbox);

    gmail::TokenGrant grant;
    const QStringList scopes{QString::fromLatin1(gmail::kScopeCompose), QString::fromLatin1(gmail::kScopeReadonly)};
    grant.tokens.accessToken = m_google.grantForTest(scopes, &grant.tokens.refreshToken);
    grant.tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3599);
    grant.tokens.grantedScopes = scopes;
    profile->accessToken = grant.tokens.accessToken;
    profile->refreshToken = grant.tokens.refreshToken;
    QObject context;
    std::optional<bool> saved;
    account.saveTokens(grant.tokens, &context, [&saved](Result<void> r) { saved = r.ok(); });
    if (!QTest::qWaitFor([&] { return saved.has_value(); }, kWaitMs) || !*saved)
        qWarning("the test tokens were not saved");
    account.markConnected(u"anna.seller@example.com"_s, grant);
    return profile;
}

std::string TestGmailSend::createDraft(const Profile &p, const json &fields)
{
    const Response r = p.p->call(Method::Post, "/drafts", fields);
    if (r.status != 201)
        qWarning("draft not created: %d %s", r.status, r.body.dump().c_str());
    return r.body.value("id", "");
}

std::shared_ptr<Collected> TestGmailSend::run(Response response)
{
    auto sink = std::make_shared<Collected>();
    if (!response.isStream()) {
        sink->error = Error::fromJson(response.body);
        sink->ended = true;
        return sink;
    }
    response.stream->start(sink);
    if (!QTest::qWaitFor([&] { return sink->ended; }, kWaitMs))
        qWarning("the stream did not end in time");
    return sink;
}

json TestGmailSend::outboxRow(const Profile &p, const std::string &draftId)
{
    const Response listed = p.call(Method::Get, "/gmail/outbox");
    for (const json &row : listed.body["items"])
        if (row["draft_id"] == draftId)
            return row;  // newest first
    return nullptr;
}

json TestGmailSend::draft(const Profile &p, const std::string &id)
{
    return p.p->call(Method::Get, "/drafts/" + id).body;
}

int TestGmailSend::sendsOf(const std::string &messageId) const
{
    int count = 0;
    for (const ReceivedMail &mail : m_google.received())
        count += mail.via == ReceivedMail::Via::Send && parseMime(mail.mime).header("Message-ID") == messageId.c_str();
    return count;
}

void TestGmailSend::sendDeliversTheDraft()
{
    auto p = connectedProfile();
    const auto before = m_google.received().size();
    const std::string id = createDraft(*p, {{"to", {"kunde@example.org"}}, {"cc", {"chef@example.org"}},
                                            {"subject", "Angebot für Q3"}, {"body", "Guten Tag,\nanbei das Angebot."}});
    // Through the gateway's own route table: the routes are registered there.
    const auto sent = run(p->p->call(Method::Post, "/gmail/send", {{"draft_id", id}}));
    QVERIFY2(sent->ended && !sent->error, sent->error ? sent->error->message.c_str() : "no end");
    JCOMPARE(sent->summary["status"], "done");
    JCOMPARE(sent->summary["found_by_lookup"], false);

    QCOMPARE(m_google.received().size(), before + 1);
    const ReceivedMail &mail = m_google.received().last();
    QCOMPARE(mail.via, ReceivedMail::Via::Send);
    const ParsedMime mime = parseMime(mail.mime);
    QCOMPARE(mime.header("From"), QByteArray("anna.seller@example.com"));
    QCOMPARE(mime.header("To"), QByteArray("kunde@example.org"));
    QCOMPARE(mime.header("Cc"), QByteArray("chef@example.org"));
    QCOMPARE(m_google.mailbox().last().subject, u"Angebot für Q3"_s);  // the fake decodes encoded-words
    QCOMPARE(QString::fromUtf8(mime.body), u"Guten Tag,\r\nanbei das Angebot."_s);

    const json row = outboxRow(*p, id);
    JCOMPARE(row["status"], "done");
    JCOMPARE(row["kind"], "send");
    QCOMPARE(QByteArray::fromStdString(row["message_id"]), mime.header("Message-ID"));
    JCOMPARE(row["gmail_id"], mail.id.toStdString());
    JCOMPARE(sent->summary["gmail_id"], mail.id.toStdString());
    QVERIFY(!row.contains("raw"));
    JCOMPARE(draft(*p, id)["status"], "sent");

    // A second click does not send it twice.
    const Response again = p->p->call(Method::Post, "/gmail/send", {{"draft_id", id}});
    QCOMPARE(again.status, 409);
    QCOMPARE(m_google.received().size(), before + 1);
    QVERIFY2(m_google.problems().isEmpty(), qPrintable(m_google.problems().join(u"; "_s)));
}

void TestGmailSend::saveToGmailDrafts()
{
    auto p = connectedProfile();
    const std::string id = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Entwurf"}, {"body", "Text"}});
    const auto saved = run(p->call(Method::Post, "/gmail/drafts", {{"draft_id", id}}));
    QVERIFY2(saved->ended && !saved->error, saved->error ? saved->error->message.c_str() : "no end");
    JCOMPARE(saved->summary["status"], "done");
    const ReceivedMail &mail = m_google.received().last();
    QCOMPARE(mail.via, ReceivedMail::Via::Draft);
    QCOMPARE(parseMime(mail.mime).header("Subject"), QByteArray("Entwurf"));
    const json row = outboxRow(*p, id);
    JCOMPARE(row["kind"], "draft");
    QVERIFY(row["gmail_id"].get<std::string>().starts_with("r"));  // Gmail's draft id, not the message's
    JCOMPARE(draft(*p, id)["status"], "draft");  // saving to Gmail drafts is not sending
}

void TestGmailSend::headerInjectionIsRefused()
{
    auto p = connectedProfile();
    // The drafts resource refuses it already...
    const Response direct = p->p->call(Method::Post, "/drafts", {{"to", {"a@example.org"}}, {"subject", "Hi\r\nBcc: spy@example.net"}});
    QCOMPARE(direct.status, 422);
    // ...so plant it the way an older version or a sync could have stored it.
    const std::string id = createDraft(*p, {{"to", {"a@example.org"}}, {"subject", "Hi"}, {"body", "x"}});
    auto planted = p->p->gateway->store().write<bool>([&](WriteTxn &txn) -> Result<bool> {
        QSqlQuery &q = txn.conn.prepare(u"UPDATE drafts SET subject = ? WHERE id = ?"_s);
        q.bindValue(0, u"Hi\r\nBcc: spy@example.net"_s);
        q.bindValue(1, QString::fromStdString(id));
        if (auto e = exec(q, "planting"); !e)
            return std::move(e).error();
        return true;
    });
    QVERIFY(planted);
    const auto before = m_google.received().size();
    const Response refused = p->call(Method::Post, "/gmail/send", {{"draft_id", id}});
    QCOMPARE(refused.status, 422);
    JCOMPARE(refused.body["error"]["field"], "subject");
    JCOMPARE(outboxRow(*p, id), nullptr);  // nothing queued
    JCOMPARE(draft(*p, id)["status"], "draft");
    QCOMPARE(m_google.received().size(), before);
}

void TestGmailSend::noRecipientOrNoAccount()
{
    auto p = connectedProfile();
    const std::string id = createDraft(*p, {{"subject", "Nobody"}, {"body", "x"}});
    Response r = p->call(Method::Post, "/gmail/send", {{"draft_id", id}});
    QCOMPARE(r.status, 422);
    JCOMPARE(r.body["error"]["field"], "to");
    r = p->call(Method::Post, "/gmail/send", {{"draft_id", "not-an-id"}});
    QCOMPARE(r.status, 422);
    JCOMPARE(r.body["error"]["field"], "draft_id");
    r = p->call(Method::Post, "/gmail/send", {{"draft_id", "0192f000-0000-7000-8000-000000000000"}});
    QCOMPARE(r.status, 404);

    test::TestProfile fresh;  // never connected: nobody to send as
    const std::string other = fresh.call(Method::Post, "/drafts", {{"to", {"a@example.org"}}}).body.value("id", "");
    r = fresh.call(Method::Post, "/gmail/send", {{"draft_id", other}});
    QCOMPARE(r.status, 409);
    JCOMPARE(fresh.call(Method::Get, "/gmail/outbox").body["items"].size(), 0);
}

void TestGmailSend::refusedMessageFails()
{
    auto p = connectedProfile();
    const std::string id = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Refused"}, {"body", "x"}});
    m_google.failNextGmailCalls(1, 400);
    const auto result = run(p->call(Method::Post, "/gmail/send", {{"draft_id", id}}));
    QVERIFY(result->error);
    QCOMPARE(result->error->status(), 502);
    QVERIFY2(result->error->message.find("Gmail refused") != std::string::npos, result->error->message.c_str());
    const json row = outboxRow(*p, id);
    JCOMPARE(row["status"], "failed");
    QVERIFY2(row["last_error"].get<std::string>().find("HTTP 400") != std::string::npos, row.dump().c_str());
    JCOMPARE(draft(*p, id)["status"], "draft");  // back to the user, who may fix it and send again

    const auto before = m_google.received().size();
    p->advance(24 * 3600'000);
    const auto flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["items"].size(), 0);  // a refused message is not retried
    QCOMPARE(m_google.received().size(), before);
}

void TestGmailSend::noTokenInTheDatabase()
{
    auto p = connectedProfile();
    const std::string id = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Tokens"}, {"body", "x"}});
    QVERIFY(!run(p->call(Method::Post, "/gmail/send", {{"draft_id", id}}))->error);
    setApiUrl(closedPortUrl());
    const std::string queued = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Later"}, {"body", "y"}});
    JCOMPARE(run(p->call(Method::Post, "/gmail/send", {{"draft_id", queued}}))->summary["status"], "queued");

    const QByteArrayList tokens{p->accessToken.toUtf8(), p->refreshToken.toUtf8(), "ya29.fake-", "1//0f"};
    QDirIterator files(p->p->dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        ++scanned;
        for (const QByteArray &token : tokens)
            QVERIFY2(!bytes.contains(token), qPrintable(file.fileName() + u" holds a token"_s));
    }
    QVERIFY(scanned > 0);
}

QTEST_GUILESS_MAIN(TestGmailSend)
