// server.db on real files: a fresh file is marked and current; a file that is not ours is refused and
// left exactly as it was; writes from many threads are serialised.

#include <atomic>
#include <thread>
#include <vector>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "server/server_store.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::server;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs statements on a private connection (outside the store); returns the first column of the last.
QVariant rawQuery(const QString &path, const QStringList &statements)
{
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            for (const QString &sql : statements)
                if (q.exec(sql) && q.next())
                    out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return out;
}
} // namespace

class TestServerStore : public QObject {
    Q_OBJECT
private slots:
    void freshFileIsWalMarkedAndCurrent()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"srv/data"_s);
        auto store = ServerStore::open(data);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
        QCOMPARE((*store)->schemaVersion(), latestServerSchemaVersion());
        QVERIFY(!QFile::exists(data + u"/rapport.db"_s));  // never the desktop's file
        store->reset();
        const QString path = data + u"/server.db"_s;
        QCOMPARE(rawQuery(path, {u"PRAGMA journal_mode"_s}).toString(), u"wal"_s);
        QCOMPARE(rawQuery(path, {u"PRAGMA application_id"_s}).toInt(), ServerStore::kApplicationId);
        QCOMPARE(rawQuery(path, {u"PRAGMA user_version"_s}).toInt(), latestServerSchemaVersion());
        // Opening again is a no-op migration.
        auto again = ServerStore::open(data);
        QVERIFY(again.ok());
    }

    void notADatabaseIsRefusedAndLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text")              << QByteArray("users,passwords\nann,hunter2\n").repeated(300);
        QTest::newRow("zeros after magic") << QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\xff');
        QTest::newRow("binary noise")      << QByteArray(4096, '\x5a');
    }
    void notADatabaseIsRefusedAndLeftAlone()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"server.db"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        auto store = ServerStore::open(dir.path());
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::StoreCorrupt);
        QVERIFY2(store.error().message.find(path.toStdString()) != std::string::npos, store.error().message.c_str());
        QVERIFY(store.error().message.find("damaged") != std::string::npos);
        QCOMPARE(readAll(path), bytes);
    }

    void anotherSqliteDatabaseIsRefused()
    {
        // e.g. a desktop profile's rapport.db copied to server.db: a real database, but not ours.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"server.db"_s);
        rawQuery(path, {u"CREATE TABLE contacts(id TEXT)"_s, u"PRAGMA user_version = 6"_s});
        const QByteArray before = readAll(path);
        auto store = ServerStore::open(dir.path());
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::StoreCorrupt);
        QVERIFY(store.error().message.find("not a rapport-server database") != std::string::npos);
        QCOMPARE(readAll(path), before);
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(ServerStore::open(dir.path()).ok());
        const QString path = dir.filePath(u"server.db"_s);
        rawQuery(path, {u"PRAGMA user_version = 999"_s});
        auto store = ServerStore::open(dir.path());
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::StoreTooNew);
        QCOMPARE(rawQuery(path, {u"PRAGMA user_version"_s}).toInt(), 999);
    }

    void dataPathThatIsAFileIsUnavailable()
    {
        QTemporaryDir dir;
        const QString notADir = dir.filePath(u"plain-file"_s);
        QFile f(notADir);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto store = ServerStore::open(notADir);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::StoreUnavailable);
    }

    void writesFromManyThreadsAreSerialised()
    {
        QTemporaryDir dir;
        auto store = ServerStore::open(dir.path());
        QVERIFY(store.ok());
        ServerStore &s = **store;
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&s, &failures, t] {
                for (int i = 0; i < 50; ++i) {
                    auto r = s.write<int>([&](WriteTxn &txn) -> Result<int> {
                        QSqlQuery &q = txn.conn.prepare(u"INSERT INTO login_failures(key, at) VALUES (?, ?)"_s);
                        q.bindValue(0, QByteArray::number(t));
                        q.bindValue(1, i);
                        if (auto e = exec(q, "inserting"); !e)
                            return std::move(e).error();
                        return i;
                    });
                    if (!r)
                        ++failures;
                    // Each thread reads on its own connection while others write.
                    QSqlQuery &read = s.reader().prepare(u"SELECT count(*) FROM login_failures"_s);
                    if (!read.exec() || !read.next())
                        ++failures;
                    read.finish();
                }
            });
        for (auto &th : threads)
            th.join();
        QCOMPARE(failures.load(), 0);
        QSqlQuery &count = s.reader().prepare(u"SELECT count(*) FROM login_failures"_s);
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toInt(), 200);
        count.finish();
    }

    void aFailedJobRollsBack()
    {
        QTemporaryDir dir;
        auto store = ServerStore::open(dir.path());
        QVERIFY(store.ok());
        auto r = (*store)->write<int>([](WriteTxn &txn) -> Result<int> {
            QSqlQuery q(txn.conn.db());
            q.exec(u"INSERT INTO teams(id, name, created_at) VALUES ('t', 'x', 0)"_s);
            return Error::make(ErrorCode::Conflict, "changed my mind");
        });
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QSqlQuery &count = (*store)->reader().prepare(u"SELECT count(*) FROM teams"_s);
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toInt(), 0);
        count.finish();
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "test_server_store.moc"
