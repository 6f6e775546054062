// Every older schema version migrates to the current one with its data intact; a failing step leaves
// the file at the version before it.

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
// Builds a database file at `version` on a private connection, then runs `extra` statements on it.
bool buildAtVersion(const QString &path, int version, const QStringList &extra)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            Connection conn(db);
            auto reached = migrateTo(conn, version);
            ok = reached.ok() && *reached == version;
            for (const QString &sql : extra) {
                QSqlQuery q(db);
                ok = ok && q.exec(sql);
            }
        }
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    return ok;
}

int userVersion(const QString &path)
{
    int v = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA user_version"_s) && q.next())
                v = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    return v;
}

// Rows as schema v1 stored them (v1 is the oldest with data).
const QStringList kV1Rows{
    uR"(INSERT INTO companies(id, name, sort_key, domain, created_at, updated_at)
        VALUES ('01936f4e-0000-7000-8000-000000000001', 'Nordlicht GmbH', 'nordlicht gmbh', 'nordlicht.de', 1, 1))"_s,
    uR"(INSERT INTO contacts(id, name, sort_key, company_id, emails, phones, created_at, updated_at)
        VALUES ('01936f4e-0000-7000-8000-000000000002', 'Zoë Ångström', 'zoe angstrom',
                '01936f4e-0000-7000-8000-000000000001',
                '[{"address":"zoe@nordlicht.de","label":"work","primary":true}]',
                '[{"number":"+49 30 1234567","label":"work"}]', 1, 2))"_s,
    uR"(INSERT INTO contacts(id, name, sort_key, created_at, updated_at, deleted_at)
        VALUES ('01936f4e-0000-7000-8000-000000000003', 'Deleted Person', 'deleted person', 1, 2, 3))"_s,
};
// What a file at `version` holds: the v1 rows, plus (from v2) their search index as v2 wrote it.
QStringList rowsAt(int version)
{
    QStringList rows;
    if (version >= 1)
        rows = kV1Rows;
    if (version >= 2)
        rows << uR"(INSERT INTO contacts_fts(rowid, name, emails, company, phones)
                    SELECT seq, name, 'zoe nordlicht', 'Nordlicht GmbH', '4930123456 30123456 030123456'
                    FROM contacts WHERE deleted_at IS NULL)"_s
             << u"INSERT INTO companies_fts(rowid, name, domain) SELECT seq, name, domain FROM companies"_s;
    return rows;
}
} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void fromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < latestSchemaVersion(); ++v)
            QTest::newRow(qPrintable(u"v"_s + QString::number(v))) << v;
    }
    void fromEveryOlderVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"rapport.db"_s);
        QVERIFY(buildAtVersion(path, from, rowsAt(from)));
        QCOMPARE(userVersion(path), from);

        auto gateway = Gateway::open(dir.path());
        QVERIFY2(gateway.ok(), gateway.ok() ? "" : gateway.error().message.c_str());
        QCOMPARE((*gateway)->store().schemaVersion(), latestSchemaVersion());
        if (from >= 1) {  // old rows are readable and found by search built during the migration
            Gateway &g = **gateway;
            const Response got = g.call(Method::Get, "/contacts/01936f4e-0000-7000-8000-000000000002");
            QCOMPARE(got.status, 200);
            JCOMPARE(got.body["company_name"], "Nordlicht GmbH");
            for (const char *q : {"angstrom", "zoe", "nordlicht", "030123"}) {
                const Response found = g.call(Method::Get, std::string("/contacts?q=") + q);
                QCOMPARE(found.status, 200);
                QVERIFY2(test::names(found) == std::vector<std::string>{"Zoë Ångström"}, q);
            }
            QCOMPARE(g.call(Method::Get, "/contacts?q=deleted").body["items"].size(), 0u);
            JCOMPARE(g.call(Method::Get, "/stats").body["contacts"], 1);
        }
    }

    void failingStepLeavesPreviousVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"rapport.db"_s);
        // A table in the way of v2's search index makes that step fail half-way.
        QVERIFY(buildAtVersion(path, 1, kV1Rows + QStringList{u"CREATE TABLE companies_fts(x)"_s}));
        auto gateway = Gateway::open(dir.path());
        QVERIFY(!gateway.ok());
        QCOMPARE(userVersion(path), 1);
        // v2's first statement (contacts_fts) was rolled back with the step.
        bool contactsFtsExists = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT count(*) FROM sqlite_master WHERE name = 'contacts_fts'"_s) && q.next());
            contactsFtsExists = q.value(0).toInt() > 0;
        }
        QSqlDatabase::removeDatabase(u"inspect"_s);
        QVERIFY(!contactsFtsExists);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
