// rapport-server's sync routes against bad input, over loopback HTTP to the real process: each case
// gets a clear error and changes nothing (the team's change feed is compared before and after).

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "support/loopback_http.h"
#include "sync_cluster.h"

using namespace Qt::StringLiterals;
using loopback::call;
using loopback::callRaw;
using loopback::HttpReply;

namespace {

const std::string kClient = "0123456789abcdef0123456789abcdef";
const std::string kOther = "fedcba9876543210fedcba9876543210";

std::string hlc(std::int64_t ms, const std::string &node = kClient)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%015lld-0000-", static_cast<long long>(ms));
    return buf + node;
}

std::string uuid(int n)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "01a23a80-0000-7000-8000-%012d", n);
    return buf;
}

nlohmann::json mutation(int id, int record, const std::string &op, nlohmann::json fields, std::int64_t ms)
{
    nlohmann::json f = nlohmann::json::object();
    for (auto &[k, v] : fields.items())
        f[k] = {{"value", v}, {"hlc", hlc(ms)}};
    return {{"mutation_id", uuid(id)}, {"entity", "contact"}, {"entity_id", uuid(record)}, {"op", op},
            {"fields", f},             {"hlc", hlc(ms)}};
}

nlohmann::json push(std::vector<nlohmann::json> mutations, const std::string &client = kClient)
{
    return {{"protocol", 1}, {"client_id", client}, {"mutations", mutations}};
}

} // namespace

class TestSyncServer : public QObject {
    Q_OBJECT

    synctest::Cluster m_team;
    QByteArray m_token;

    quint16 port() const { return m_team.port(); }
    HttpReply pushed(const nlohmann::json &body) { return call(port(), "POST", "/sync/push", body, m_token); }
    nlohmann::json feed()
    {
        // As another laptop sees it: the pushing client's own records are not sent back to it.
        const HttpReply r = call(port(), "GET", "/sync/pull?protocol=1&client_id=" + QByteArray::fromStdString(kOther)
                                                    + "&cursor=0", nullptr, m_token);
        return r.status == 200 ? r.body["changes"] : nlohmann::json("pull failed: " + r.body.dump());
    }
    void expectError(const HttpReply &r, int status, const std::string &code)
    {
        QVERIFY2(r.status == status, r.body.dump().c_str());
        QCOMPARE(r.body["error"].value("code", ""), code);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_team.setUp({u"anna@example.com"_s}));
        const HttpReply login = call(port(), "POST", "/auth/login",
                                     {{"email", "anna@example.com"}, {"password", synctest::kPassword.toStdString()}});
        QCOMPARE(login.status, 200);
        m_token = QByteArray::fromStdString(login.body["token"]);
        QCOMPARE(pushed(push({mutation(1, 100, "create", {{"name", "Base"}}, 1000)})).status, 200);
        const nlohmann::json changes = feed();  // the "nothing changed" checks below compare real feeds
        QVERIFY2(changes.is_array() && changes.size() == 1, changes.dump().c_str());
    }

    void needsASession()
    {
        const nlohmann::json before = feed();
        expectError(call(port(), "POST", "/sync/push", push({mutation(2, 101, "create", {{"name", "X"}}, 2000)})), 401,
                    "unauthenticated");
        expectError(call(port(), "POST", "/sync/push", push({mutation(2, 101, "create", {{"name", "X"}}, 2000)}),
                         "made-up-token"),
                    401, "unauthenticated");
        expectError(call(port(), "GET", "/sync/pull?client_id=" + QByteArray::fromStdString(kClient)), 401,
                    "unauthenticated");
        QCOMPARE(feed(), before);
    }

    void malformedOversizedAndForeignBodies()
    {
        const nlohmann::json before = feed();
        expectError(callRaw(port(), "POST", "/sync/push", "{\"protocol\": 1, \"mutations\": [", m_token), 400,
                    "invalid_json");
        expectError(callRaw(port(), "POST", "/sync/push", QByteArray(5 * 1024 * 1024, ' ') + "{}", m_token), 413,
                    "payload_too_large");
        nlohmann::json wrongVersion = push({mutation(3, 102, "create", {{"name", "X"}}, 3000)});
        wrongVersion["protocol"] = 2;
        expectError(pushed(wrongVersion), 426, "upgrade_required");
        nlohmann::json sql = push({mutation(3, 102, "create", {{"name", "x'); DROP TABLE sync_records;--"}}, 3000)});
        sql["mutations"][0]["entity_id"] = "'; DROP TABLE sync_records;--";
        expectError(pushed(sql), 422, "validation_failed");
        // A timestamp from another client's clock: nobody may write in someone else's name.
        nlohmann::json impostor = push({mutation(3, 102, "create", {{"name", "X"}}, 3000)});
        impostor["client_id"] = kOther;
        expectError(pushed(impostor), 422, "validation_failed");
        QCOMPARE(feed(), before);
    }

    void oneStructurallyBadMutationRejectsTheWholeBatch()
    {
        const nlohmann::json before = feed();
        nlohmann::json bad = mutation(5, 104, "create", {{"name", "Second"}}, 5000);
        bad["op"] = "merge";
        const HttpReply r = pushed(push({mutation(4, 103, "create", {{"name", "First"}}, 4000), bad}));
        expectError(r, 422, "validation_failed");
        QCOMPARE(r.body["error"].value("field", ""), std::string("mutations[1].op"));
        QCOMPARE(feed(), before);  // not even the first one
    }

    void oneInvalidValueRejectsThatMutationOnly()
    {
        const HttpReply r = pushed(push({mutation(6, 105, "create", {{"name", "Good"}}, 6000),
                                         mutation(7, 106, "create", {{"name", "Bad"}, {"emails", "not-a-list"}}, 6001)}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["results"][0].value("status", ""), std::string("applied"));
        QCOMPARE(r.body["results"][1].value("status", ""), std::string("rejected"));
        QCOMPARE(r.body["results"][1].value("code", ""), std::string("validation_failed"));
        const std::string feedText = feed().dump();
        QVERIFY(feedText.find(uuid(105)) != std::string::npos);
        QVERIFY(feedText.find(uuid(106)) == std::string::npos);
    }

    void aReplayedPushIsAnsweredFromMemory()
    {
        const nlohmann::json batch = push({mutation(8, 107, "create", {{"name", "Once"}}, 7000),
                                           mutation(9, 107, "update", {{"title", "Only once"}}, 7001)});
        const HttpReply first = pushed(batch);
        QCOMPARE(first.status, 200);
        const nlohmann::json after = feed();
        const HttpReply again = pushed(batch);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(feed(), after);  // no new sequence number, no second record
    }

    void reorderedMutationsAreRejectedNotApplied()
    {
        const nlohmann::json before = feed();
        const HttpReply early = pushed(push({mutation(10, 108, "update", {{"title", "before its create"}}, 8000)}));
        QCOMPARE(early.body["results"][0].value("status", ""), std::string("rejected"));
        QCOMPARE(early.body["results"][0].value("code", ""), std::string("not_found"));
        QCOMPARE(feed(), before);
    }

    void anotherTeamsRecordsAreInvisible()
    {
        {  // a second team with one record, written straight into server.db (one server holds one team
           // through its commands; the storage is shared by teams and must keep them apart)
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-team"_s);
            db.setDatabaseName(m_team.serverDb());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO teams(id, name, created_at) VALUES ('other', 'Other', 0)"_s));
            QVERIFY(q.exec(u"INSERT INTO sync_records(entity_id, team_id, entity, seq, fields, deleted, life_hlc) "
                           u"VALUES ('"_s + QString::fromStdString(uuid(999)) +
                           u"', 'other', 'contact', 1, '{\"name\":{\"value\":\"Secret\",\"hlc\":\"000000000000001-0000-ab\"}}', 0, '')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"other-team"_s);
        const nlohmann::json before = feed();
        QVERIFY(before.dump().find("Secret") == std::string::npos);
        const HttpReply r = pushed(push({mutation(11, 999, "update", {{"name", "Mine now"}}, 9000)}));
        QCOMPARE(r.body["results"][0].value("code", ""), std::string("not_found"));
        QCOMPARE(feed(), before);
    }

    void theTeamsRecordsReadOverHttp()
    {
        const HttpReply one = call(port(), "GET", "/contacts/" + QByteArray::fromStdString(uuid(100)), nullptr, m_token);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.body.value("name", ""), std::string("Base"));
        const HttpReply page = call(port(), "GET", "/contacts?limit=2", nullptr, m_token);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body["items"].size(), 2u);
        QVERIFY(page.body["next_cursor"].is_string());
        QCOMPARE(call(port(), "GET", "/contacts/" + QByteArray::fromStdString(uuid(999)), nullptr, m_token).status, 404);
        QCOMPARE(call(port(), "GET", "/contacts/" + QByteArray::fromStdString(uuid(100))).status, 401);
        QCOMPARE(call(port(), "GET", "/contacts?cursor=%27%20OR%201%3D1--", nullptr, m_token).status, 422);
    }

    void aRevokedSessionIsRefused()
    {
        QCOMPARE(call(port(), "POST", "/auth/logout", nullptr, m_token).status, 200);
        expectError(pushed(push({mutation(12, 110, "create", {{"name", "Late"}}, 10000)})), 401, "unauthenticated");
    }
};

QTEST_GUILESS_MAIN(TestSyncServer)
#include "test_sync_server.moc"
