// The Gmail outbox across failures: offline then back (exactly one send), a crash after Google
// accepted a message (found by its Message-ID, never sent again), a 429 then success after the
// backoff, and `rapportctl gmail send` while Gmail is unreachable (queued, exit status 0).
// Time moves through the test router's clock (gmail_send_test.h), never by sleeping.

#include "gmail_send_test.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "gateway.h"
#include "gmail/gmail_account.h"
#include "gmail/oauth_config.h"
#include "secrets/keychain_secret_store.h"
#include "store/store.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::fakes;
using namespace sendtest;
using nlohmann::json;

namespace {

constexpr qint64 kMinute = 60'000;

qint64 msOf(const json &iso)
{
    return QDateTime::fromString(QString::fromStdString(iso.get<std::string>()), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

int lookupsIn(const QList<RecordedRequest> &requests)
{
    return int(std::count_if(requests.begin(), requests.end(), [](const RecordedRequest &r) {
        return r.method == "GET" && r.target.contains("rfc822msgid");
    }));
}

} // namespace

void TestGmailSend::offlineQueuesThenFlushSendsOnce()
{
    auto p = connectedProfile();
    const std::string id = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Offline"}, {"body", "x"}});
    const auto before = m_google.received().size();
    setApiUrl(closedPortUrl());
    const auto queued = run(p->call(Method::Post, "/gmail/send", {{"draft_id", id}}));
    QVERIFY2(queued->ended && !queued->error, queued->error ? queued->error->message.c_str() : "no end");
    JCOMPARE(queued->summary["status"], "queued");  // offline is not an error
    QVERIFY(msOf(queued->summary["next_attempt_at"]) > p->nowMs);
    QVERIFY(!queued->summary["reason"].get<std::string>().empty());
    JCOMPARE(draft(*p, id)["status"], "queued");
    json row = outboxRow(*p, id);
    JCOMPARE(row["status"], "queued");
    JCOMPARE(row["attempts"], 1);
    const std::string messageId = row["message_id"];

    // Still offline an hour later: it stays queued, nothing lost.
    p->advance(60 * kMinute);
    auto flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["queued"], 1);
    JCOMPARE(flushed->summary["sent"], 0);
    QCOMPARE(m_google.received().size(), before);

    // Gmail is back, but the retry is not due yet.
    setApiUrl(m_google.gmailApiUrl());
    flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["items"].size(), 0);

    p->advance(3 * 60 * kMinute);
    const int lookups = lookupsIn(m_google.requests());
    flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    QVERIFY2(!flushed->error, flushed->error ? flushed->error->message.c_str() : "");
    JCOMPARE(flushed->summary["sent"], 1);
    JCOMPARE(flushed->summary["items"][0]["outbox_id"], row["id"]);
    JCOMPARE(flushed->summary["items"][0]["found_by_lookup"], false);
    QCOMPARE(flushed->events.size(), 1u);
    QCOMPARE(lookupsIn(m_google.requests()), lookups + 1);  // a retried row is looked up first
    QCOMPARE(sendsOf(messageId), 1);

    p->advance(60 * kMinute);
    flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["items"].size(), 0);
    QCOMPARE(sendsOf(messageId), 1);  // exactly once
    QCOMPARE(m_google.received().size(), before + 1);
    JCOMPARE(outboxRow(*p, id)["status"], "done");
    JCOMPARE(draft(*p, id)["status"], "sent");
}

void TestGmailSend::crashAfterGoogleAcceptedSendsNothingMore()
{
    auto p = connectedProfile();
    const std::string accepted = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Accepted"}, {"body", "x"}});
    const std::string lost = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Lost"}, {"body", "y"}});
    setApiUrl(closedPortUrl());  // only to get both rows queued with their MIME built
    for (const std::string &id : {accepted, lost})
        JCOMPARE(run(p->call(Method::Post, "/gmail/send", {{"draft_id", id}}))->summary["status"], "queued");
    setApiUrl(m_google.gmailApiUrl());

    // The process had marked both "sending" (attempts 1) and died: Google accepted the first one
    // before the crash, the second never left.
    auto crashed = p->p->gateway->store().write<bool>([&](WriteTxn &txn) -> Result<bool> {
        QSqlQuery &q = txn.conn.prepare(u"UPDATE gmail_outbox SET status = 'sending', attempts = 1, updated_at = ?"_s);
        q.bindValue(0, p->nowMs);
        if (auto e = exec(q, "simulating the crash"); !e)
            return std::move(e).error();
        return true;
    });
    QVERIFY(crashed);
    const std::string acceptedId = outboxRow(*p, accepted)["message_id"], lostId = outboxRow(*p, lost)["message_id"];
    FakeMailMessage sent;
    sent.to = u"kunde@example.org"_s;
    sent.subject = u"Accepted"_s;
    sent.rfc822MessageId = QByteArray::fromStdString(acceptedId);
    sent.labelIds = {u"SENT"_s};
    m_google.addMessage(sent);
    const QString gmailId = m_google.mailbox().last().id;
    const auto before = m_google.received().size();

    // Right after, a "sending" row may be another live process's request: left alone.
    auto flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["items"].size(), 0);

    p->advance(10 * kMinute);
    flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    QVERIFY2(!flushed->error, flushed->error ? flushed->error->message.c_str() : "");
    JCOMPARE(flushed->summary["sent"], 2);
    const json &items = flushed->summary["items"];
    const bool acceptedFirst = items[0]["draft_id"] == accepted;
    const json &found = items[acceptedFirst ? 0 : 1], &resent = items[acceptedFirst ? 1 : 0];
    JCOMPARE(found["found_by_lookup"], true);
    JCOMPARE(found["gmail_id"], gmailId.toStdString());
    JCOMPARE(resent["found_by_lookup"], false);
    QCOMPARE(sendsOf(acceptedId), 0);  // never sent again
    QCOMPARE(sendsOf(lostId), 1);
    QCOMPARE(m_google.received().size(), before + 1);
    JCOMPARE(draft(*p, accepted)["status"], "sent");
    JCOMPARE(outboxRow(*p, accepted)["status"], "done");
}

void TestGmailSend::rateLimitedThenSentAfterBackoff()
{
    auto p = connectedProfile();
    const std::string id = createDraft(*p, {{"to", {"kunde@example.org"}}, {"subject", "Busy"}, {"body", "x"}});
    m_google.failNextGmailCalls(1, 429);
    const auto first = run(p->call(Method::Post, "/gmail/send", {{"draft_id", id}}));
    QVERIFY(!first->error);
    JCOMPARE(first->summary["status"], "queued");
    QVERIFY2(first->summary["reason"].get<std::string>().find("429") != std::string::npos, first->summary.dump().c_str());
    // Attempt 1 of base 30 s with equal jitter: between 15 and 30 s.
    const qint64 wait = msOf(first->summary["next_attempt_at"]) - p->nowMs;
    QVERIFY2(wait >= 15'000 && wait <= 30'000, qPrintable(QString::number(wait)));
    const std::string messageId = outboxRow(*p, id)["message_id"];

    p->advance(wait - 1);
    auto flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["items"].size(), 0);  // not before its time
    QCOMPARE(sendsOf(messageId), 0);

    p->advance(1);
    flushed = run(p->call(Method::Post, "/gmail/outbox/flush"));
    JCOMPARE(flushed->summary["sent"], 1);
    QCOMPARE(sendsOf(messageId), 1);
    JCOMPARE(outboxRow(*p, id)["attempts"], 2);
    JCOMPARE(draft(*p, id)["status"], "sent");
}

void TestGmailSend::rapportctlSendOfflineQueues()
{
    QTemporaryDir dir;
    std::string draftId;
    {
        // Connect the profile the way the app would have, with the tokens in the real keychain.
        KeychainSecretStore keychain(secretNamespaceForProfile(dir.path()));
        GatewayOptions options;
        options.secrets = &keychain;
        auto gateway = Gateway::open(dir.path(), options);
        QVERIFY(gateway);
        gmail::GmailAccount &account = (*gateway)->gmailAccount();
        gmail::TokenGrant grant;
        grant.tokens.grantedScopes = {QString::fromLatin1(gmail::kScopeCompose), QString::fromLatin1(gmail::kScopeReadonly)};
        grant.tokens.accessToken = m_google.grantForTest(grant.tokens.grantedScopes, &grant.tokens.refreshToken);
        grant.tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3599);
        QObject context;
        std::optional<bool> saved;
        account.saveTokens(grant.tokens, &context, [&saved](Result<void> r) { saved = r.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return saved.has_value(); }, 20'000) && *saved);
        // The child reads the tokens from the keychain: ./setup.sh test provides one (a private D-Bus session).
        QVERIFY2(account.status()["token_storage"] == "keychain", "no keychain in this session");
        account.markConnected(u"anna.seller@example.com"_s, grant);
        draftId = (*gateway)->call(Method::Post, "/drafts", R"({"to":["kunde@example.org"],"subject":"Aus dem Zug"})").body["id"].get<std::string>();
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"RAPPORT_PROFILE"_s);
    env.insert(u"RAPPORT_GMAIL_API_URL"_s, closedPortUrl().toString());
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(RAPPORTCTL_PATH),
                {u"--profile"_s, dir.path(), u"gmail"_s, u"send"_s, u"--draft"_s, QString::fromStdString(draftId)});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForFinished(60'000));  // nothing of the fake is needed: Gmail is down
    const QByteArray out = child.readAllStandardOutput(), err = child.readAllStandardError();
    const QByteArray describe = "exit " + QByteArray::number(child.exitCode()) + "\nstdout: " + out + "\nstderr: " + err;
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, describe);
    QVERIFY2(err.contains("queued"), describe);
    const json summary = json::parse(out.toStdString(), nullptr, false);
    JCOMPARE(summary["status"], "queued");

    auto reopened = Gateway::open(dir.path());
    QVERIFY(reopened);
    const json rows = (*reopened)->call(Method::Get, "/gmail/outbox").body["items"];
    QCOMPARE(rows.size(), 1u);
    JCOMPARE(rows[0]["status"], "queued");
    JCOMPARE(rows[0]["draft_id"], draftId);
    JCOMPARE((*reopened)->call(Method::Get, "/drafts/" + draftId).body["status"], "queued");
}
