// Local e-mail drafts: the five routes on a real profile, offline by construction.

#include <QTest>

#include "support/test_profile.h"
#include "store/uuid.h"

using namespace rapport;
using nlohmann::json;

class TestDrafts : public QObject {
    Q_OBJECT
private slots:
    void createEditListDelete()
    {
        test::TestProfile p;
        const json contact = p.createContact({{"name", "Zoë Ångström"}, {"emails", {"zoe@example.se"}}});
        const Response created = p.call(Method::Post, "/drafts",
                                        {{"contact_id", contact["id"]},
                                         {"to", {"zoe@example.se"}},
                                         {"subject", "Angebot für Q3 — Grüße 👋"},
                                         {"body", "Hallo Zoë,\n\nanbei unser Angebot.\n"}});
        QCOMPARE(created.status, 201);
        JCOMPARE(created.body["status"], "draft");
        JCOMPARE(created.body["cc"], json::array());
        const std::string path = "/drafts/" + created.body["id"].get<std::string>();
        JCOMPARE(p.call(Method::Get, path).body, created.body);

        QTest::qWait(3);
        const Response edited = p.call(Method::Patch, path, {{"cc", {"chef@example.de"}}, {"subject", "Angebot Q3"}});
        QCOMPARE(edited.status, 200);
        JCOMPARE(edited.body["cc"], json({"chef@example.de"}));
        JCOMPARE(edited.body["body"], created.body["body"]);

        const Response second = p.call(Method::Post, "/drafts", {{"subject", "Newer, no contact"}});
        QCOMPARE(second.status, 201);
        const Response all = p.call(Method::Get, "/drafts");
        QCOMPARE(all.body["items"].size(), 2u);
        JCOMPARE(all.body["items"][0]["subject"], "Newer, no contact");  // newest first
        const Response mine = p.call(Method::Get, "/drafts?contact=" + contact["id"].get<std::string>());
        QCOMPARE(mine.body["items"].size(), 1u);

        QCOMPARE(p.call(Method::Delete, path).status, 200);
        QCOMPARE(p.call(Method::Get, path).status, 404);
        QCOMPARE(p.call(Method::Get, "/drafts").body["items"].size(), 1u);
        QCOMPARE(p.call(Method::Post, "/drafts", edited.body).status, 201);  // undo of the delete
        JCOMPARE(p.call(Method::Get, path).body["created_at"], created.body["created_at"]);
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad to") << QByteArray(R"({"to":["not an address"]})") << QStringLiteral("to[0]");
        QTest::newRow("to not a list") << QByteArray(R"({"to":"a@b.de"})") << QStringLiteral("to");
        QTest::newRow("unknown contact") << QByteArray(R"({"contact_id":"01936f4e-0000-7000-8000-00000000dead"})")
                                         << QStringLiteral("contact_id");
        QTest::newRow("subject newline") << QByteArray(R"({"subject":"a\r\nBcc: x@evil.example"})")
                                         << QStringLiteral("subject");
        QTest::newRow("unknown field") << QByteArray(R"({"bcc":["x@y.de"]})") << QStringLiteral("bcc");
    }
    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        test::TestProfile p;
        const Response r = p.gateway->call(Method::Post, "/drafts", body.toStdString());
        QCOMPARE(r.status, 422);
        JCOMPARE(r.body["error"]["field"], field.toStdString());
        QCOMPARE(p.call(Method::Get, "/drafts").body["items"].size(), 0u);
    }

    void pagingNewestFirst()
    {
        test::TestProfile p;
        for (int i = 0; i < 7; ++i)
            QCOMPARE(p.call(Method::Post, "/drafts", {{"subject", "Draft " + std::to_string(i)}}).status, 201);
        std::vector<std::string> subjects;
        std::string cursor;
        do {
            const Response r = p.call(Method::Get, "/drafts?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
            QCOMPARE(r.status, 200);
            for (const auto &d : r.body["items"])
                subjects.push_back(d["subject"].get<std::string>());
            cursor = r.body["next_cursor"].is_null() ? "" : r.body["next_cursor"].get<std::string>();
        } while (!cursor.empty());
        QCOMPARE(subjects.size(), 7u);
        QCOMPARE(subjects.front(), std::string("Draft 6"));
        QCOMPARE(subjects.back(), std::string("Draft 0"));
    }
};

QTEST_GUILESS_MAIN(TestDrafts)
#include "test_drafts.moc"
