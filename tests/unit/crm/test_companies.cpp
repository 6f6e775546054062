// Companies: the five routes, validation, search, tombstones and their effect on contacts.

#include <QTest>

#include "support/test_profile.h"

using namespace rapport;
using nlohmann::json;

class TestCompanies : public QObject {
    Q_OBJECT
private slots:
    void crudRoundTrip()
    {
        test::TestProfile p;
        const Response created = p.call(Method::Post, "/companies",
                                        {{"name", "Société Générale d'Électricité"}, {"domain", "SGE.FR"},
                                         {"phone", "+33 1 23 45 67 89"}, {"tags", {"partner"}}});
        QCOMPARE(created.status, 201);
        JCOMPARE(created.body["domain"], "sge.fr");
        const std::string path = "/companies/" + created.body["id"].get<std::string>();
        JCOMPARE(p.call(Method::Get, path).body, created.body);
        const Response patched = p.call(Method::Patch, path, {{"notes", "Key account 🔑"}});
        QCOMPARE(patched.status, 200);
        JCOMPARE(patched.body["notes"], "Key account 🔑");
        QCOMPARE(test::names(p.call(Method::Get, "/companies?q=societe")),
                 std::vector<std::string>{"Société Générale d'Électricité"});
        QCOMPARE(test::names(p.call(Method::Get, "/companies?q=sge")),
                 std::vector<std::string>{"Société Générale d'Électricité"});
        QCOMPARE(p.call(Method::Delete, path).status, 200);
        QCOMPARE(p.call(Method::Get, path).status, 404);
        QCOMPARE(p.call(Method::Get, "/companies").body["items"].size(), 0u);
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << QByteArray(R"({"domain":"a.de"})") << QStringLiteral("name");
        QTest::newRow("bad domain") << QByteArray(R"({"name":"A","domain":"not a domain"})") << QStringLiteral("domain");
        QTest::newRow("bad phone") << QByteArray(R"({"name":"A","phone":"call us"})") << QStringLiteral("phone");
        QTest::newRow("address key") << QByteArray(R"({"name":"A","address":{"planet":"Mars"}})")
                                     << QStringLiteral("address.planet");
    }
    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        test::TestProfile p;
        const Response r = p.gateway->call(Method::Post, "/companies", body.toStdString());
        QCOMPARE(r.status, 422);
        JCOMPARE(r.body["error"]["field"], field.toStdString());
    }

    void deletedCompanyDisappearsFromItsContacts()
    {
        test::TestProfile p;
        const json co = p.call(Method::Post, "/companies", {{"name", "Vanishing Ltd"}}).body;
        const json c = p.createContact({{"name", "Kept Contact"}, {"company_id", co["id"]}});
        JCOMPARE(c["company_name"], "Vanishing Ltd");
        QCOMPARE(p.call(Method::Delete, "/companies/" + co["id"].get<std::string>()).status, 200);
        const Response got = p.call(Method::Get, "/contacts/" + c["id"].get<std::string>());
        QCOMPARE(got.status, 200);
        QVERIFY(got.body["company_name"].is_null());
        QCOMPARE(p.call(Method::Get, "/contacts?q=vanishing").body["items"].size(), 0u);
        QCOMPARE(p.call(Method::Post, "/companies", co).status, 201);  // restore (undo)
        QCOMPARE(test::names(p.call(Method::Get, "/contacts?q=vanishing")), std::vector<std::string>{"Kept Contact"});
    }
};

QTEST_GUILESS_MAIN(TestCompanies)
#include "test_companies.moc"
