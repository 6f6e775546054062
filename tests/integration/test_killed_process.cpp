// A rapportctl killed (SIGKILL) in the middle of writing leaves a database that opens, with every batch
// either wholly there or wholly absent, and an outbox entry for every record that is there.

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "ctl_process.h"
#include "crm/demo_loader.h"
#include "gateway.h"
#include "store/store.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {
qint64 scalar(Gateway &g, const QString &sql)
{
    QSqlQuery q(g.store().reader().db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}
// Counts through a private read connection, as another program on the same file would.
qint64 committedContacts(const QString &path)
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"observer"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT count(*) FROM contacts"_s) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"observer"_s);
    return n;
}
} // namespace

class TestKilledProcess : public QObject {
    Q_OBJECT
private slots:
    void killDuringDemoLoad_data()
    {
        QTest::addColumn<int>("afterContacts");  // kill once this many contacts are committed
        QTest::newRow("early") << 1;
        QTest::newRow("later") << 2 * kDemoBatchSize;
    }
    void killDuringDemoLoad()
    {
        QFETCH(int, afterContacts);
        QTemporaryDir dir;
        QProcess ctl;
        ctl.start(QStringLiteral(RAPPORTCTL_PATH),
                  {u"--profile"_s, dir.path(), u"demo"_s, u"--contacts"_s, u"40000"_s, u"--seed"_s, u"3"_s});
        QVERIFY(ctl.waitForStarted());
        // Poll through a second connection (WAL lets us read while it writes) until enough has landed.
        bool reached = false;
        for (int i = 0; i < 1200 && !reached && ctl.state() == QProcess::Running; ++i) {
            QTest::qWait(25);
            reached = committedContacts(dir.filePath(u"rapport.db"_s)) >= afterContacts;
        }
        QVERIFY2(reached, "the load finished or never started before the kill");
        ctl.kill();  // SIGKILL: no destructors, no final checkpoint, WAL left behind
        QVERIFY(ctl.waitForFinished(10000));

        auto reopened = Gateway::open(dir.path(), {});
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().message.c_str());
        Gateway &g = **reopened;
        const qint64 contacts = scalar(g, u"SELECT count(*) FROM contacts"_s);
        const qint64 companies = scalar(g, u"SELECT count(*) FROM companies"_s);
        QVERIFY(contacts >= afterContacts && contacts < 40000);
        QCOMPARE(contacts % kDemoBatchSize, 0);  // batches are transactions: none half-written
        QCOMPARE(scalar(g, u"SELECT count(*) FROM outbox"_s), contacts + companies);
        QCOMPARE(scalar(g, u"SELECT count(*) FROM contacts_fts"_s), contacts);
        {
            QSqlQuery check(g.store().reader().db());
            QVERIFY(check.exec(u"PRAGMA quick_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }  // an unfinished statement would pin this connection's snapshot
        // And it keeps working: a write and a search after the crash.
        QCOMPARE(g.call(Method::Post, "/contacts", R"({"name":"After The Crash"})").status, 201);
        QCOMPARE(g.call(Method::Get, "/contacts?q=after%20crash").body["items"].size(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestKilledProcess)
#include "test_killed_process.moc"
