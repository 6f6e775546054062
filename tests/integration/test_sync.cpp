// Two laptops and a team server on loopback, driven through rapportctl as a user would: records
// travel both ways, offline edits arrive later, concurrent edits merge field by field, the same
// field converges everywhere and leaves a conflict on the loser, an edit racing a delete is a
// conflict, and clocks hours off still converge.

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "sync_cluster.h"

using namespace Qt::StringLiterals;
using synctest::Cluster;

namespace {

constexpr qint64 kFourHours = 4LL * 3600 * 1000;

nlohmann::json contactBody(const std::string &name)
{
    return {{"name", name}, {"emails", {{{"address", "x@example.com"}, {"primary", true}}}}};
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT

    std::unique_ptr<Cluster> m_team;

    // Both laptops signed in to a fresh server.
    void freshTeam()
    {
        m_team = std::make_unique<Cluster>();
        QVERIFY(m_team->ok());
        QVERIFY(m_team->setUp({u"anna@example.com"_s, u"ben@example.com"_s}));
        QVERIFY(m_team->login(u"a"_s, u"anna@example.com"_s));
        QVERIFY(m_team->login(u"b"_s, u"ben@example.com"_s));
    }

    std::string create(const QString &who, const nlohmann::json &body, qint64 skew = 0)
    {
        const nlohmann::json made = m_team->route(who, u"POST"_s, u"/contacts"_s, body, skew);
        return made.is_object() ? made.value("id", "") : "";
    }

    void patch(const QString &who, const std::string &id, const nlohmann::json &body, qint64 skew = 0)
    {
        QVERIFY(m_team->route(who, u"PATCH"_s, u"/contacts/"_s + QString::fromStdString(id), body, skew).is_object());
    }

    nlohmann::json contact(const QString &who, const std::string &id)
    {
        return m_team->route(who, u"GET"_s, u"/contacts/"_s + QString::fromStdString(id));
    }

    void syncOk(const QString &who, qint64 skew = 0)
    {
        const nlohmann::json status = m_team->sync(who, skew);
        QVERIFY2(status.is_object() && status["last_error"].is_null() && status["pending_total"] == 0,
                 status.dump().c_str());
    }

    void converged()
    {
        const nlohmann::json a = m_team->exportAll(u"a"_s);
        const nlohmann::json b = m_team->exportAll(u"b"_s);
        QVERIFY(a.is_object());
        QCOMPARE(QString::fromStdString(a.dump()), QString::fromStdString(b.dump()));
    }

private slots:
    void createEditDeleteTravel()
    {
        freshTeam();
        const std::string id = create(u"a"_s, contactBody("Zoë Ångström 😀"));
        QVERIFY(!id.empty());
        const nlohmann::json company = m_team->route(u"a"_s, u"POST"_s, u"/companies"_s, {{"name", "株式会社ラポール"}});
        QVERIFY(company.is_object());
        patch(u"a"_s, id, {{"company_id", company["id"]}});
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        QCOMPARE(contact(u"b"_s, id).value("company_name", ""), std::string("株式会社ラポール"));
        converged();

        patch(u"b"_s, id, {{"title", "Directrice générale"}});
        syncOk(u"b"_s);
        syncOk(u"a"_s);
        QCOMPARE(contact(u"a"_s, id).value("title", ""), std::string("Directrice générale"));

        QVERIFY(m_team->route(u"a"_s, u"DELETE"_s, u"/contacts/"_s + QString::fromStdString(id)).is_object());
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        QVERIFY(contact(u"b"_s, id).is_null());  // 404 on b too
        converged();
        QCOMPARE(m_team->sync(u"b"_s)["open_conflicts"], 0);
    }

    void offlineEditsArriveWhenTheServerIsBack()
    {
        freshTeam();
        m_team->stopServer(false);
        const std::string id = create(u"a"_s, contactBody("Offline Olga"));
        const nlohmann::json status = m_team->sync(u"a"_s);
        QCOMPARE(status.value("state", ""), std::string("offline"));
        QCOMPARE(status["pending"]["contact"], 1);
        QVERIFY(status["last_error"].is_object());
        QVERIFY(m_team->startServer());
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        QCOMPARE(contact(u"b"_s, id).value("name", ""), std::string("Offline Olga"));
    }

    void concurrentEditsOfDifferentFieldsMerge()
    {
        freshTeam();
        const std::string id = create(u"a"_s, contactBody("Merge Max"));
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        patch(u"a"_s, id, {{"title", "CFO"}});
        patch(u"b"_s, id, {{"notes", "met at the fair"}});
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        syncOk(u"a"_s);
        const nlohmann::json onA = contact(u"a"_s, id);
        QCOMPARE(onA.value("title", ""), std::string("CFO"));
        QCOMPARE(onA.value("notes", ""), std::string("met at the fair"));
        converged();
        QCOMPARE(m_team->sync(u"a"_s)["open_conflicts"], 0);
        QCOMPARE(m_team->sync(u"b"_s)["open_conflicts"], 0);
    }

    void sameFieldConvergesAndTheLoserSeesAConflict()
    {
        freshTeam();
        const std::string id = create(u"a"_s, contactBody("Same Sam"));
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        patch(u"a"_s, id, {{"title", "Anna's title"}});
        QTest::qWait(5);
        patch(u"b"_s, id, {{"title", "Ben's title"}});  // later: wins
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        syncOk(u"a"_s);
        converged();
        QCOMPARE(contact(u"a"_s, id).value("title", ""), std::string("Ben's title"));
        const nlohmann::json lost = m_team->ctl(u"a"_s, {u"conflicts"_s}).json();
        QCOMPARE(lost["items"].size(), 1u);
        const nlohmann::json c = lost["items"][0];
        QCOMPARE(c.value("field", ""), std::string("title"));
        QCOMPARE(c["mine"]["value"], "Anna's title");
        QCOMPARE(c["theirs"]["value"], "Ben's title");
        QCOMPARE(m_team->ctl(u"b"_s, {u"conflicts"_s}).json()["items"].size(), 0u);

        // Anna keeps hers: a new edit that wins everywhere, and the conflict closes.
        const synctest::Run kept = m_team->ctl(
            u"a"_s, {u"conflicts"_s, u"--resolve"_s, QString::fromStdString(c["id"]), u"--keep"_s, u"mine"_s});
        QVERIFY2(kept.exitCode == 0, kept.describe().constData());
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        QCOMPARE(contact(u"b"_s, id).value("title", ""), std::string("Anna's title"));
        QCOMPARE(m_team->ctl(u"a"_s, {u"conflicts"_s}).json()["items"].size(), 0u);
        converged();
    }

    void editRacingADeleteIsAConflict()
    {
        freshTeam();
        const std::string id = create(u"a"_s, contactBody("Racing Rita"));
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        QVERIFY(m_team->route(u"a"_s, u"DELETE"_s, u"/contacts/"_s + QString::fromStdString(id)).is_object());
        patch(u"b"_s, id, {{"notes", "call back Tuesday"}});
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        syncOk(u"a"_s);
        converged();
        QVERIFY(contact(u"b"_s, id).is_null());  // the delete holds ...
        const nlohmann::json lost = m_team->ctl(u"b"_s, {u"conflicts"_s}).json();
        QCOMPARE(lost["items"].size(), 1u);  // ... but Ben's edit is not silently gone
        QCOMPARE(lost["items"][0].value("kind", ""), std::string("deleted"));
        QCOMPARE(lost["items"][0]["mine"]["value"]["notes"], "call back Tuesday");
        const synctest::Run restored = m_team->ctl(
            u"b"_s, {u"conflicts"_s, u"--resolve"_s, QString::fromStdString(lost["items"][0]["id"]), u"--keep"_s,
                     u"mine"_s});
        QVERIFY2(restored.exitCode == 0, restored.describe().constData());
        syncOk(u"b"_s);
        syncOk(u"a"_s);
        QCOMPARE(contact(u"a"_s, id).value("notes", ""), std::string("call back Tuesday"));
        converged();
    }

    void clocksHoursOffStillConverge()
    {
        for (const qint64 skew : {kFourHours, -kFourHours}) {
            freshTeam();
            // Anna's laptop is four hours off. Each edit follows a sync that showed the one before it,
            // so the later edit must win whatever the clocks say.
            const std::string id = create(u"a"_s, contactBody("Clocky"), skew);
            patch(u"a"_s, id, {{"title", "first"}}, skew);
            syncOk(u"a"_s, skew);
            syncOk(u"b"_s);
            patch(u"b"_s, id, {{"title", "second"}});
            syncOk(u"b"_s);
            syncOk(u"a"_s, skew);
            QCOMPARE(contact(u"a"_s, id).value("title", ""), std::string("second"));
            patch(u"a"_s, id, {{"title", "third"}}, skew);
            syncOk(u"a"_s, skew);
            syncOk(u"b"_s);
            QCOMPARE(contact(u"b"_s, id).value("title", ""), std::string("third"));
            converged();
            QCOMPARE(m_team->sync(u"a"_s, skew)["open_conflicts"], 0);
            QCOMPARE(m_team->sync(u"b"_s)["open_conflicts"], 0);
        }
    }

    void tlsVerifiesTheServerAndTrustsAGivenCa()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
                                     u"-out"_s, cert, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                     u"subjectAltName=IP:127.0.0.1"_s, u"-days"_s, u"1"_s});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        m_team = std::make_unique<Cluster>();
        m_team->useTls(cert, key);
        QVERIFY(m_team->setUp({u"anna@example.com"_s}));
        QVERIFY(m_team->url().startsWith(u"https://"_s));
        // A self-signed server is refused by default: certificates are verified ...
        const synctest::Run refused = m_team->loginRun(u"a"_s, u"anna@example.com"_s);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("connection failed"), refused.err.constData());
        QVERIFY(m_team->route(u"a"_s, u"GET"_s, u"/sync/account"_s)["account"].is_null());
        // ... and trusted when the user names its CA.
        const synctest::Run trusted = m_team->loginRun(u"a"_s, u"anna@example.com"_s, {u"--ca-file"_s, cert});
        QVERIFY2(trusted.exitCode == 0, trusted.describe().constData());
        create(u"a"_s, contactBody("Über TLS"));
        syncOk(u"a"_s);
    }

    void aClockDaysAheadIsRefusedVisiblyAndTheRecordPutBack()
    {
        freshTeam();
        const std::string id = create(u"b"_s, contactBody("Future Fay"));
        syncOk(u"b"_s);
        syncOk(u"a"_s);
        const qint64 twoDays = 48LL * 3600 * 1000;
        patch(u"a"_s, id, {{"title", "from the future"}}, twoDays);
        const nlohmann::json status = m_team->sync(u"a"_s, twoDays);
        QCOMPARE(status["pending_total"], 0);  // answered, not stuck in the outbox
        QCOMPARE(contact(u"a"_s, id).value("title", ""), std::string(""));  // as the team has it
        const nlohmann::json refused = m_team->ctl(u"a"_s, {u"conflicts"_s}).json();
        QCOMPARE(refused["items"].size(), 1u);
        QCOMPARE(refused["items"][0].value("kind", ""), std::string("rejected"));
        QVERIFY(refused["items"][0].value("message", "").find("clock") != std::string::npos);
        QCOMPARE(refused["items"][0]["mine"]["value"]["title"], "from the future");  // the typing is kept
        converged();
    }

    void aDamagedRecordFromTheServerIsSkippedVisiblyAndTheRestFlows()
    {
        freshTeam();
        const std::string good = create(u"a"_s, contactBody("Good Gus"));
        syncOk(u"a"_s);
        {  // a record no laptop would accept (e.g. written by a newer or broken server), seq after Gus
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            db.setDatabaseName(m_team->serverDb());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO sync_records(entity_id, team_id, entity, seq, fields, deleted, life_hlc) "
                           u"SELECT '01a23a80-0000-7000-8000-000000000bad', team_id, 'contact', last_seq + 1, "
                           u"'{\"name\":{\"value\":\"\",\"hlc\":\"001000000000000-0000-ab\"}}', 0, "
                           u"'001000000000000-0000-ab' FROM sync_counters"_s));
            QVERIFY(q.exec(u"UPDATE sync_counters SET last_seq = last_seq + 1"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"damage"_s);
        const std::string later = create(u"a"_s, contactBody("Later Lou"));
        syncOk(u"a"_s);
        syncOk(u"b"_s);  // not wedged
        QCOMPARE(contact(u"b"_s, good).value("name", ""), std::string("Good Gus"));
        QCOMPARE(contact(u"b"_s, later).value("name", ""), std::string("Later Lou"));
        const nlohmann::json listed = m_team->ctl(u"b"_s, {u"conflicts"_s}).json();
        QCOMPARE(listed["items"].size(), 1u);
        QCOMPARE(listed["items"][0].value("kind", ""), std::string("rejected"));
        QCOMPARE(listed["items"][0].value("entity_id", ""), std::string("01a23a80-0000-7000-8000-000000000bad"));
    }

    void longNotesTravelInSeveralBatches()
    {
        freshTeam();
        // 40 contacts with 90-150 KB of notes each: 4.8 MB together, past the server's 4 MiB body limit
        // with the JSON around them, so they only arrive when the client splits them into batches.
        const std::string notes(90'000, 'x');
        std::string euros;
        for (int i = 0; i < 50'000; ++i)
            euros += "€";
        for (int i = 0; i < 40; ++i)
            QVERIFY(!create(u"a"_s, {{"name", "Long " + std::to_string(i)}, {"notes", i % 2 ? notes : euros}}).empty());
        syncOk(u"a"_s);
        syncOk(u"b"_s);
        converged();
        QCOMPARE(m_team->exportAll(u"b"_s).size(), 40u);
    }

    void plainHttpOnlyToThisComputer()
    {
        freshTeam();
        const synctest::Run run = m_team->ctl(
            u"c"_s, {u"login"_s, u"--server"_s, u"http://192.0.2.10:8080"_s, u"--email"_s, u"anna@example.com"_s},
            synctest::kPassword + "\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("https://"), run.err.constData());
    }

    void cleanupTestCase() { m_team.reset(); }
};

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
