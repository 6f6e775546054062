// Sync under kills: a client SIGKILLed in the middle of a push, the server SIGKILLed in the middle of
// a batch, and a randomized run (several clients, random edits, random kills and server restarts).
// Afterwards no mutation is lost or applied twice, every replica equals every other and the server,
// and each field holds the last edit made to it (one machine, one clock: HLC order is the order the
// test made the edits in).

#include <map>
#include <random>
#include <set>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "sync_cluster.h"

using namespace Qt::StringLiterals;
using synctest::Cluster;

namespace {

// Live contacts on the server, as the export shape's fields.
nlohmann::json serverContacts(const QString &dbPath)
{
    nlohmann::json out = nlohmann::json::object();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"chaos-server"_s);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"SELECT entity_id, fields FROM sync_records WHERE entity = 'contact' AND deleted = 0"_s);
            while (q.next()) {
                nlohmann::json fields = nlohmann::json::parse(q.value(1).toString().toStdString());
                nlohmann::json values = nlohmann::json::object();
                for (auto &[k, f] : fields.items())
                    values[k] = f["value"];
                out["contacts/" + q.value(0).toString().toStdString()] = values;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"chaos-server"_s);
    return out;
}

nlohmann::json onlyContacts(const nlohmann::json &exported)
{
    nlohmann::json out = nlohmann::json::object();
    for (auto &[k, v] : exported.items())
        if (k.rfind("contacts/", 0) == 0)
            out[k] = v;
    return out;
}

} // namespace

class TestSyncChaos : public QObject {
    Q_OBJECT

    // Runs `rapportctl sync` and SIGKILLs it after `ms`; true when it was killed before finishing.
    static bool syncKilledAfter(const Cluster &team, const QString &who, int ms)
    {
        auto process = team.startCtl(who, {u"sync"_s});
        const bool finished = process->waitForFinished(ms);
        if (!finished) {
            process->kill();
            process->waitForFinished(10000);
        }
        return !finished;
    }

    static void settle(Cluster &team, const QStringList &clients)
    {
        for (int pass = 0; pass < 2; ++pass)  // the second pass brings everyone the others' last pushes
            for (const QString &c : clients) {
                const nlohmann::json s = team.sync(c);
                QVERIFY2(s.is_object() && s["last_error"].is_null() && s["pending_total"] == 0, s.dump().c_str());
            }
    }

private slots:
    void killedClientAndKilledServerLoseNothing()
    {
        Cluster team;
        QVERIFY(team.setUp({u"anna@example.com"_s, u"ben@example.com"_s}));
        QVERIFY(team.login(u"a"_s, u"anna@example.com"_s));
        QVERIFY(team.login(u"b"_s, u"ben@example.com"_s));
        QCOMPARE(team.ctl(u"a"_s, {u"demo"_s, u"--contacts"_s, u"3000"_s}).exitCode, 0);

        int killed = 0;
        for (int ms : {40, 90, 160, 250})
            killed += syncKilledAfter(team, u"a"_s, ms);
        QVERIFY2(killed > 0, "every sync finished before its kill: the kill test tested nothing");

        // The server dies in the middle of a batch, then comes back on the same address.
        QCOMPARE(team.ctl(u"a"_s, {u"demo"_s, u"--contacts"_s, u"2000"_s, u"--seed"_s, u"2"_s}).exitCode, 0);
        auto pushing = team.startCtl(u"a"_s, {u"sync"_s});
        QTest::qWait(120);
        team.stopServer(true);
        pushing->waitForFinished(60000);
        QVERIFY(team.startServer());

        settle(team, {u"a"_s, u"b"_s});
        const nlohmann::json a = team.exportAll(u"a"_s);
        const nlohmann::json b = team.exportAll(u"b"_s);
        QCOMPARE(onlyContacts(a).size(), 5000u);  // none lost, none doubled
        QCOMPARE(QString::fromStdString(a.dump()), QString::fromStdString(b.dump()));
        QCOMPARE(QString::fromStdString(serverContacts(team.serverDb()).dump()),
                 QString::fromStdString(onlyContacts(a).dump()));
    }

    void randomizedEditsKillsAndRestartsConverge()
    {
        const unsigned seed = qEnvironmentVariableIsSet("RAPPORT_CHAOS_SEED")
                                  ? static_cast<unsigned>(qEnvironmentVariableIntValue("RAPPORT_CHAOS_SEED"))
                                  : std::random_device{}();
        qInfo("chaos seed %u (RAPPORT_CHAOS_SEED=%u repeats this run)", seed, seed);
        std::mt19937 random(seed);
        const auto chance = [&random](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
        const auto pick = [&random](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };

        const QStringList clients{u"a"_s, u"b"_s, u"c"_s};
        Cluster team;
        QVERIFY(team.setUp({u"a@example.com"_s, u"b@example.com"_s, u"c@example.com"_s}));
        for (const QString &c : clients)
            QVERIFY(team.login(c, c + u"@example.com"_s));

        std::vector<std::string> ids;            // every contact created (ids are global)
        std::set<std::string> deleted;           // acknowledged deletes
        std::map<std::string, std::string> last; // "id/field" -> the last value written, in test order
        std::map<QString, std::set<std::string>> seen;  // ids each client has pulled or made
        int counter = 0;
        for (int round = 0; round < 8; ++round) {
            for (const QString &who : clients) {
                const int ops = 1 + static_cast<int>(pick(3));
                for (int i = 0; i < ops; ++i) {
                    const std::string value = "v" + std::to_string(++counter) + " ✓ " + who.toStdString();
                    std::vector<std::string> mine(seen[who].begin(), seen[who].end());
                    if (mine.empty() || chance(0.3)) {
                        const nlohmann::json made = team.route(who, u"POST"_s, u"/contacts"_s,
                                                               {{"name", value}, {"title", value}});
                        QVERIFY(made.is_object());
                        ids.push_back(made["id"]);
                        seen[who].insert(made["id"].get<std::string>());
                        last[made["id"].get<std::string>() + "/name"] = value;
                        last[made["id"].get<std::string>() + "/title"] = value;
                        continue;
                    }
                    const std::string id = mine[pick(mine.size())];
                    const QString path = u"/contacts/"_s + QString::fromStdString(id);
                    if (chance(0.1)) {
                        if (team.route(who, u"DELETE"_s, path).is_object())
                            deleted.insert(id);
                        continue;
                    }
                    const std::string field = chance(0.5) ? "title" : "notes";
                    if (team.route(who, u"PATCH"_s, path, {{field, value}}).is_object())
                        last[id + "/" + field] = value;  // acknowledged by the laptop: must not get lost
                }
                if (chance(0.4)) {
                    syncKilledAfter(team, who, 5 + static_cast<int>(pick(120)));
                } else {
                    const nlohmann::json s = team.sync(who);
                    QVERIFY(s.is_object());
                }
                // What this client may edit next: whatever it has now (pulled or its own).
                const nlohmann::json have = team.exportAll(who);
                for (auto &[key, v] : have.items())
                    if (key.rfind("contacts/", 0) == 0)
                        seen[who].insert(key.substr(9));
            }
            if (chance(0.35)) {
                team.stopServer(true);
                QVERIFY(team.startServer());
            }
        }
        settle(team, clients);

        const nlohmann::json first = team.exportAll(clients[0]);
        for (const QString &c : clients)
            QCOMPARE(QString::fromStdString(team.exportAll(c).dump()), QString::fromStdString(first.dump()));
        const nlohmann::json contacts = onlyContacts(first);
        QCOMPARE(QString::fromStdString(serverContacts(team.serverDb()).dump()), QString::fromStdString(contacts.dump()));
        std::set<std::string> unique(ids.begin(), ids.end());
        QCOMPARE(contacts.size(), unique.size() - deleted.size());
        for (const auto &[key, value] : last) {
            const std::string id = key.substr(0, key.find('/'));
            if (deleted.contains(id))
                continue;
            const std::string field = key.substr(key.find('/') + 1);
            QVERIFY2(contacts.contains("contacts/" + id), ("lost contact " + id).c_str());
            QCOMPARE(contacts["contacts/" + id].value(field, ""), value);
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncChaos)
#include "test_sync_chaos.moc"
