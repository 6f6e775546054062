// The store on real files: start-up checks, never overwriting a bad file, the writer thread.

#include <thread>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "support/test_profile.h"
#include "store/migrations.h"
#include "store/store.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Runs one statement on a private connection (outside the store), e.g. to tamper with a file.
QVariant rawQuery(const QString &path, const QString &sql)
{
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return out;
}
} // namespace

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void freshProfileIsWalAndCurrent()
    {
        QTemporaryDir dir;
        const QString profile = dir.filePath(u"nested/profile"_s);
        auto store = Store::open(profile);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
        QCOMPARE((*store)->schemaVersion(), latestSchemaVersion());
        QVERIFY(QFile::exists(profile + u"/rapport.db"_s));
        store->reset();
        QCOMPARE(rawQuery(profile + u"/rapport.db"_s, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(rawQuery(profile + u"/rapport.db"_s, u"PRAGMA user_version"_s).toInt(), latestSchemaVersion());
    }

    void garbageFileIsReportedAndLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("this is not a database, it is a shopping list\n").repeated(200);
        QTest::newRow("zeros after magic") << QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\xff');
        QTest::newRow("binary noise") << QByteArray(4096, '\x5a');
    }
    void garbageFileIsReportedAndLeftAlone()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"rapport.db"_s);
        writeAll(path, bytes);
        auto gateway = Gateway::open(dir.path());
        QVERIFY(!gateway.ok());
        QCOMPARE(gateway.error().code, ErrorCode::StoreCorrupt);
        QVERIFY(gateway.error().message.find(path.toStdString()) != std::string::npos);
        QCOMPARE(readAll(path), bytes);  // never overwritten
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void damagedSchemaPageIsReported()
    {
        QTemporaryDir dir;
        {
            test::TestProfile p;  // a real database with data, then damaged on disk
            p.createContact({{"name", "Anna Müller"}});
            p.gateway.reset();
            QByteArray bytes = readAll(p.dir.filePath(u"rapport.db"_s));
            QVERIFY(bytes.size() > 4096);
            for (int i = 100; i < 4096; ++i)
                bytes[i] = '\xee';  // page 1 below the header: the schema table
            writeAll(dir.filePath(u"rapport.db"_s), bytes);
        }
        const QByteArray before = readAll(dir.filePath(u"rapport.db"_s));
        auto gateway = Gateway::open(dir.path());
        QVERIFY(!gateway.ok());
        QCOMPARE(gateway.error().code, ErrorCode::StoreCorrupt);
        QCOMPARE(readAll(dir.filePath(u"rapport.db"_s)), before);
    }

    void databaseFromNewerVersionIsRefused()
    {
        QTemporaryDir dir;
        { test::TestProfile p; p.gateway.reset(); QVERIFY(rawQuery(p.dir.filePath(u"rapport.db"_s), u"PRAGMA user_version = 99"_s).isNull());
          QFile::copy(p.dir.filePath(u"rapport.db"_s), dir.filePath(u"rapport.db"_s)); }
        auto gateway = Gateway::open(dir.path());
        QVERIFY(!gateway.ok());
        QCOMPARE(gateway.error().code, ErrorCode::StoreTooNew);
        QCOMPARE(rawQuery(dir.filePath(u"rapport.db"_s), u"PRAGMA user_version"_s).toInt(), 99);
    }

    void profilePathThatIsAFileFails()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"not-a-folder"_s);
        writeAll(file, "x");
        auto store = Store::open(file);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::StoreUnavailable);
    }

    void failedWriteJobRollsBack()
    {
        test::TestProfile p;
        Store &store = p.gateway->store();
        Result<int> r = store.write<int>([](WriteTxn &txn) -> Result<int> {
            QSqlQuery q(txn.conn.db());
            q.exec(u"INSERT INTO outbox(mutation_id, entity, entity_id, op, fields, created_at) "
                   "VALUES ('m1', 'contact', 'x', 'create', '{}', 1)"_s);
            return Error::make(ErrorCode::Conflict, "changed my mind");
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QSqlQuery &count = store.reader().prepare(u"SELECT count(*) FROM outbox"_s);
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toInt(), 0);
        count.finish();
    }

    void concurrentWritersAreSerialised()
    {
        test::TestProfile p;
        constexpr int kThreads = 4, kEach = 25;
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&p, &failures, t] {
                for (int i = 0; i < kEach; ++i) {
                    const auto body = nlohmann::json{{"name", "Writer " + std::to_string(t) + "-" + std::to_string(i)}};
                    if (p.gateway->call(Method::Post, "/contacts", body.dump()).status != 201)
                        ++failures;
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QCOMPARE(failures.load(), 0);
        JCOMPARE(p.call(Method::Get, "/stats").body["contacts"].get<int>(), kThreads * kEach);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
