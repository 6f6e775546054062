// Every local change's outbox mutation carries an HLC from the profile's clock: increasing in commit
// order, with the profile's client id as node, stable across restarts, and back-filled in order for
// mutations recorded before the clock existed (schema v7).

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "gateway.h"
#include "store/store.h"
#include "sync/hlc.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {

QStringList outboxHlcs(const QString &dbPath)
{
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"SELECT hlc FROM outbox ORDER BY seq"_s);
            while (q.next())
                out << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return out;
}

void execOn(const QString &dbPath, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s);
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(sql));
        }
    }
    QSqlDatabase::removeDatabase(u"edit"_s);
}

void addEdits(Gateway &g, int n)
{
    for (int i = 0; i < n; ++i) {
        Response r = g.call(Method::Post, "/contacts", R"({"name":"Ада Лавлейс"})");
        QCOMPARE(r.status, 201);
        const std::string id = r.body["id"].get<std::string>();
        QCOMPARE(g.call(Method::Patch, "/contacts/" + id, R"({"title":"Analyst 🧮"})").status, 200);
    }
}

void verifyIncreasing(const QStringList &hlcs, const std::string &node)
{
    QVERIFY(!hlcs.isEmpty());
    for (qsizetype i = 0; i < hlcs.size(); ++i) {
        const auto t = sync::HlcTimestamp::decode(hlcs[i].toStdString());
        QVERIFY2(t.has_value(), qPrintable(hlcs[i]));
        QCOMPARE(t->node, node);
        if (i > 0)
            QVERIFY2(hlcs[i - 1] < hlcs[i], qPrintable(hlcs[i - 1] + u" !< "_s + hlcs[i]));
    }
}

} // namespace

class TestOutboxHlc : public QObject {
    Q_OBJECT
private slots:
    void mutationsCarryIncreasingHlcsAcrossRestarts()
    {
        QTemporaryDir dir;
        std::string node;
        {
            auto g = Gateway::open(dir.path());
            QVERIFY(g.ok());
            node = (*g)->store().clock().node();
            QCOMPARE(node.size(), std::size_t(32));  // a UUIDv7 without dashes
            addEdits(**g, 20);
        }
        {
            auto g = Gateway::open(dir.path());
            QVERIFY(g.ok());
            QCOMPARE((*g)->store().clock().node(), node);  // the client id is made once
            addEdits(**g, 5);
        }
        const QStringList hlcs = outboxHlcs(QDir(dir.path()).filePath(u"rapport.db"_s));
        QCOMPARE(hlcs.size(), 50);
        verifyIncreasing(hlcs, node);
    }

    void mutationsFromBeforeTheClockAreBackFilledInOrder()
    {
        QTemporaryDir dir;
        const QString db = QDir(dir.path()).filePath(u"rapport.db"_s);
        {
            auto g = Gateway::open(dir.path());
            QVERIFY(g.ok());
            addEdits(**g, 3);
        }
        // Back to a v6 database: no clock column, no client id (and none of v8's sync tables).
        execOn(db, {u"DROP TABLE field_clocks"_s, u"DROP TABLE sync_conflicts"_s, u"DROP INDEX outbox_by_entity"_s,
                    u"ALTER TABLE outbox DROP COLUMN bases"_s, u"ALTER TABLE outbox DROP COLUMN hlc"_s, u"DELETE FROM settings WHERE key = 'sync.client'"_s,
                    u"PRAGMA user_version = 6"_s});
        std::string node;
        {
            auto g = Gateway::open(dir.path());
            QVERIFY(g.ok());
            node = (*g)->store().clock().node();
            addEdits(**g, 2);
        }
        const QStringList hlcs = outboxHlcs(db);
        QCOMPARE(hlcs.size(), 10);
        verifyIncreasing(hlcs, node);
    }
};

QTEST_GUILESS_MAIN(TestOutboxHlc)
#include "test_outbox_hlc.moc"
