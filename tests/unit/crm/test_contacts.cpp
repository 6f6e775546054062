// Contacts through the route table on a real profile: create, validate, patch, delete, restore, outbox.

#include <set>

#include <QSqlQuery>
#include <QTest>

#include "support/test_profile.h"
#include "crm/contacts_service.h"
#include "store/store.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using nlohmann::json;

namespace {
// The outbox rows as (op, fields) in order.
std::vector<std::pair<std::string, json>> outbox(Gateway &g)
{
    std::vector<std::pair<std::string, json>> rows;
    QSqlQuery &q = g.store().reader().prepare(u"SELECT op, fields FROM outbox ORDER BY seq"_s);
    if (!q.exec())
        return rows;
    while (q.next())
        rows.emplace_back(q.value(0).toString().toStdString(), json::parse(q.value(1).toString().toStdString()));
    q.finish();
    return rows;
}
} // namespace

class TestContacts : public QObject {
    Q_OBJECT
private slots:
    void createAndGet()
    {
        test::TestProfile p;
        const json c = p.createContact({{"name", "  Zoë Ångström 🚀 "},
                                        {"emails", {"zoe@nordlicht.de", {{"address", "z@home.se"}, {"label", "home"}}}},
                                        {"phones", {{{"number", "+46 8 123 456"}, {"label", "mobile"}}}},
                                        {"tags", {"vip", "vip", "lead"}},
                                        {"address", {{"city", "Göteborg"}, {"country", "SE"}}}});
        QVERIFY(isUuid(c["id"].get<std::string>()));
        JCOMPARE(c["name"], "Zoë Ångström 🚀");  // trimmed, kept otherwise
        JCOMPARE(c["emails"][0]["primary"], true);  // first becomes primary when none chosen
        JCOMPARE(c["emails"][1]["label"], "home");
        JCOMPARE(c["tags"], json({"vip", "lead"}));
        JCOMPARE(c["created_at"], c["updated_at"]);
        const Response got = p.call(Method::Get, "/contacts/" + c["id"].get<std::string>());
        QCOMPARE(got.status, 200);
        JCOMPARE(got.body, c);
    }

    void validationReportsEveryField()
    {
        test::TestProfile p;
        const Response r = p.call(Method::Post, "/contacts",
                                  {{"title", 42},
                                   {"emails", {{{"address", "not-an-email"}, {"primary", true}},
                                               {{"address", "ok@example.com"}, {"primary", true}}}},
                                   {"phones", {"call me"}},
                                   {"company_id", "01936f4e-0000-7000-8000-00000000dead"},
                                   {"shoe_size", 44}});
        QCOMPARE(r.status, 422);
        JCOMPARE(r.body["error"]["code"], "validation_failed");
        std::set<std::string> fields;
        for (const auto &d : r.body["error"]["details"])
            fields.insert(d["field"].get<std::string>());
        for (const char *f : {"name", "title", "emails[0].address", "emails", "phones[0].number", "shoe_size"})
            QVERIFY2(fields.count(f), f);
        JCOMPARE(p.call(Method::Get, "/stats").body["contacts"], 0);
        QVERIFY(outbox(*p.gateway).empty());
    }

    void unknownCompanyIsAFieldError()
    {
        test::TestProfile p;
        const Response r = p.call(Method::Post, "/contacts",
                                  {{"name", "A"}, {"company_id", "01936f4e-0000-7000-8000-00000000dead"}});
        QCOMPARE(r.status, 422);
        JCOMPARE(r.body["error"]["field"], "company_id");
    }

    void patchChangesOnlyWhatIsSent()
    {
        test::TestProfile p;
        const json company = p.call(Method::Post, "/companies", {{"name", "Acme"}}).body;
        const json c = p.createContact({{"name", "Jürgen Weiß"}, {"title", "CTO"}, {"notes", "met at fair"}});
        const std::string path = "/contacts/" + c["id"].get<std::string>();
        QTest::qWait(5);  // a later millisecond for updated_at
        const Response r = p.call(Method::Patch, path, {{"title", nullptr}, {"company_id", company["id"]}, {"id", c["id"]}});
        QCOMPARE(r.status, 200);
        JCOMPARE(r.body["title"], "");
        JCOMPARE(r.body["notes"], "met at fair");
        JCOMPARE(r.body["company_name"], "Acme");
        JCOMPARE(r.body["created_at"], c["created_at"]);
        QVERIFY(r.body["updated_at"] > c["updated_at"]);
        const auto log = outbox(*p.gateway);
        JCOMPARE(log.back().first, "update");
        JCOMPARE(log.back().second, json({{"title", ""}, {"company_id", company["id"]}}));

        QCOMPARE(p.call(Method::Patch, path, json::object()).status, 200);  // no-op: no new outbox entry
        QCOMPARE(outbox(*p.gateway).size(), log.size());
        QCOMPARE(p.call(Method::Patch, path, {{"name", " "}}).status, 422);
        QCOMPARE(p.call(Method::Patch, path, {{"id", newUuidV7()}}).status, 422);
        QCOMPARE(p.call(Method::Patch, "/contacts/" + newUuidV7(), {{"name", "X"}}).status, 404);
        QCOMPARE(p.call(Method::Patch, path, json::array()).status, 400);
    }

    void deleteIsATombstoneAndUndoRestores()
    {
        test::TestProfile p;
        const json c = p.createContact({{"name", "Łukasz Wójcik"}, {"emails", {"lukasz@example.pl"}}});
        const std::string id = c["id"].get<std::string>();
        const Response del = p.call(Method::Delete, "/contacts/" + id);
        QCOMPARE(del.status, 200);
        JCOMPARE(del.body, json({{"id", id}, {"deleted", true}}));
        QCOMPARE(p.call(Method::Get, "/contacts/" + id).status, 404);
        QCOMPARE(p.call(Method::Delete, "/contacts/" + id).status, 404);
        QCOMPARE(p.call(Method::Get, "/contacts").body["items"].size(), 0u);
        QCOMPARE(p.call(Method::Get, "/contacts?q=lukasz").body["items"].size(), 0u);

        json again = c;  // undo: POST the same id back
        const Response restored = p.call(Method::Post, "/contacts", again);
        QCOMPARE(restored.status, 201);
        JCOMPARE(restored.body["id"], id);
        JCOMPARE(restored.body["created_at"], c["created_at"]);  // a restore keeps the record's history
        QCOMPARE(test::names(p.call(Method::Get, "/contacts?q=lukasz")), std::vector<std::string>{"Łukasz Wójcik"});
        QCOMPARE(p.call(Method::Post, "/contacts", again).status, 409);  // a live id cannot be created twice

        std::vector<std::string> ops;
        for (const auto &[op, fields] : outbox(*p.gateway))
            ops.push_back(op);
        QCOMPARE(ops, (std::vector<std::string>{"create", "delete", "restore"}));
    }

    void badIdsAreNotFound_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("garbage") << u"nope"_s;
        QTest::newRow("injection") << u"1%27%20OR%20%271%27=%271"_s;
        QTest::newRow("unicode") << u"%F0%9F%9A%80"_s;
    }
    void badIdsAreNotFound()
    {
        QFETCH(QString, id);
        test::TestProfile p;
        p.createContact({{"name", "Someone"}});
        for (Method m : {Method::Get, Method::Delete}) {
            const Response r = p.call(m, "/contacts/" + id.toStdString());
            QCOMPARE(r.status, 404);
            JCOMPARE(r.body["error"]["code"], "not_found");
        }
        JCOMPARE(p.call(Method::Get, "/stats").body["contacts"], 1);
    }

    void outboxIsWrittenWithEveryChange()
    {
        test::TestProfile p;
        std::vector<json> batch;
        for (int i = 0; i < 30; ++i)
            batch.push_back({{"name", "Bulk " + std::to_string(i)}});
        auto ids = p.gateway->contacts().createMany(batch);
        QVERIFY(ids.ok());
        QCOMPARE(ids->size(), 30u);
        QCOMPARE(outbox(*p.gateway).size(), 30u);
        batch.push_back({{"name", ""}});  // one bad item rejects the whole batch
        auto failed = p.gateway->contacts().createMany(batch);
        QVERIFY(!failed.ok());
        JCOMPARE(failed.error().field, "items[30].name");
        QCOMPARE(outbox(*p.gateway).size(), 30u);
        JCOMPARE(p.call(Method::Get, "/stats").body["contacts"], 30);
    }
};

QTEST_GUILESS_MAIN(TestContacts)
#include "test_contacts.moc"
