// Search as you type (FTS5) and paging, on a real profile.

#include <set>

#include <QTest>

#include "support/test_profile.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using nlohmann::json;

namespace {
std::vector<std::string> search(const test::TestProfile &p, const std::string &q)
{
    const Response r = p.call(Method::Get, "/contacts?limit=500&q=" + test::urlEncode(q));
    if (r.status != 200)
        qWarning("search %s -> %d %s", q.c_str(), r.status, r.body.dump().c_str());
    return test::names(r);
}

bool contains(const std::vector<std::string> &v, const std::string &s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Reads every page of target and returns the ids, checking that pages never overlap.
std::vector<std::string> allPages(const test::TestProfile &p, const std::string &target, int limit)
{
    std::vector<std::string> ids;
    std::string cursor;
    for (int guard = 0; guard < 1000; ++guard) {
        const std::string sep = target.find('?') == std::string::npos ? "?" : "&";
        const Response r = p.call(Method::Get, target + sep + "limit=" + std::to_string(limit) +
                                                   (cursor.empty() ? "" : "&cursor=" + cursor));
        if (r.status != 200 || r.body["items"].size() > static_cast<std::size_t>(limit))
            return {};
        for (const auto &item : r.body["items"])
            ids.push_back(item["id"].get<std::string>());
        if (r.body["next_cursor"].is_null())
            break;
        cursor = r.body["next_cursor"].get<std::string>();
    }
    return ids;
}
} // namespace

class TestSearch : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TestProfile> m_p;

private slots:
    void initTestCase()
    {
        m_p = std::make_unique<test::TestProfile>();
        const json acme = m_p->call(Method::Post, "/companies", {{"name", "Nordlicht Analytics"}}).body;
        for (const json &c : {
                 json{{"name", "Zoë Müller"}, {"emails", {"zoe.mueller@example.de"}}},
                 json{{"name", "Anders Ångström"}, {"phones", {"+46 8 555 0100"}}},
                 json{{"name", "Ann Lee"}},
                 json{{"name", "Anna Schmidt"}, {"company_id", acme["id"]}},
                 json{{"name", "Bob Stone"}, {"emails", {"annie.b@stone.com"}}},
                 json{{"name", "山田 太郎"}, {"phones", {"+81 3 1234 5678"}}},
                 json{{"name", "Иван Петров"}},
                 json{{"name", "Γιώργος Παπαδόπουλος"}},
                 json{{"name", "محمد العلي"}},
                 json{{"name", "Priya Sharma 🌶️"}},
                 json{{"name", "Carla Comstock"}, {"emails", {"carla@bigcorp.com"}}},
             })
            m_p->createContact(c);
    }

    void foldsCaseAndDiacritics_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zoe") << u"zoe"_s << u"Zoë Müller"_s;
        QTest::newRow("ZOË upper") << u"ZOË"_s << u"Zoë Müller"_s;
        QTest::newRow("angstrom") << u"angstrom"_s << u"Anders Ångström"_s;
        QTest::newRow("mull prefix") << u"mull"_s << u"Zoë Müller"_s;
        QTest::newRow("two words") << u"zoe mu"_s << u"Zoë Müller"_s;
        QTest::newRow("cjk prefix") << u"山田"_s << u"山田 太郎"_s;
        QTest::newRow("cyrillic lower") << u"иван"_s << u"Иван Петров"_s;
        QTest::newRow("greek") << u"γιώρ"_s << u"Γιώργος Παπαδόπουλος"_s;
        QTest::newRow("arabic") << u"محمد"_s << u"محمد العلي"_s;
        QTest::newRow("email local part") << u"mueller"_s << u"Zoë Müller"_s;
        QTest::newRow("company name") << u"nordlicht"_s << u"Anna Schmidt"_s;
        QTest::newRow("phone national") << u"08 555"_s << u"Anders Ångström"_s;
        QTest::newRow("phone intl") << u"+46 8 555 01"_s << u"Anders Ångström"_s;
        QTest::newRow("phone digits") << u"3123"_s << u"山田 太郎"_s;
        QTest::newRow("emoji name") << u"priya"_s << u"Priya Sharma 🌶️"_s;
    }
    void foldsCaseAndDiacritics()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        const auto found = search(*m_p, query.toStdString());
        QVERIFY2(contains(found, expected.toStdString()), qPrintable(query));
    }

    void topLevelDomainsAreNotWords()
    {
        // ".com" is not indexed, so "co" finds Carla Comstock by name and not Bob by "stone.com".
        const auto found = search(*m_p, "co");
        QVERIFY(contains(found, "Carla Comstock"));
        QVERIFY(!contains(found, "Bob Stone"));
    }

    void ranksWholeNameThenPrefixThenOtherFields()
    {
        const auto found = search(*m_p, "ann");
        QCOMPARE(found, (std::vector<std::string>{"Ann Lee", "Anna Schmidt", "Bob Stone"}));
    }

    void userTextIsNeverSyntax_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("sql") << u"'; DROP TABLE contacts; --"_s;
        QTest::newRow("quote") << u"\""_s;
        QTest::newRow("star") << u"*"_s;
        QTest::newRow("near") << u"NEAR(zoe ann)"_s;
        QTest::newRow("or") << u"zoe OR bob"_s;
        QTest::newRow("column filter") << u"{name}: zoe"_s;
        QTest::newRow("caret") << u"^zoe"_s;
        QTest::newRow("like wildcards") << u"%_"_s;
        QTest::newRow("backslash nul") << u"\\x00\\"_s;
    }
    void userTextIsNeverSyntax()
    {
        QFETCH(QString, query);
        const Response r = m_p->call(Method::Get, "/contacts?q=" + test::urlEncode(query.toStdString()));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body["items"].is_array());
        JCOMPARE(m_p->call(Method::Get, "/stats").body["contacts"], 11);
    }

    void operatorsAreSearchedAsWords()
    {
        QVERIFY(contains(search(*m_p, "zoe OR"), "Zoë Müller") == false);  // "or" must match a word too
        QCOMPARE(search(*m_p, "NEAR(zoe"), std::vector<std::string>{});
    }

    void pagingVisitsEveryRowOnce_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("limit");
        QTest::newRow("by name, 1") << u"/contacts"_s << 1;
        QTest::newRow("by name, 4") << u"/contacts"_s << 4;
        QTest::newRow("search across tiers") << u"/contacts?q=an"_s << 1;
    }
    void pagingVisitsEveryRowOnce()
    {
        QFETCH(QString, target);
        QFETCH(int, limit);
        const auto paged = allPages(*m_p, target.toStdString(), limit);
        const auto whole = allPages(*m_p, target.toStdString(), 500);
        QVERIFY(!whole.empty());
        QCOMPARE(paged, whole);
        QCOMPARE(std::set<std::string>(paged.begin(), paged.end()).size(), paged.size());
    }

    void listIsOrderedByFoldedName()
    {
        const auto all = test::names(m_p->call(Method::Get, "/contacts?limit=3"));
        QCOMPARE(all, (std::vector<std::string>{"Anders Ångström", "Ann Lee", "Anna Schmidt"}));
    }

    void badParametersAreClearErrors_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << u"/contacts?limit=0"_s << u"limit"_s;
        QTest::newRow("limit text") << u"/contacts?limit=ten"_s << u"limit"_s;
        QTest::newRow("limit huge") << u"/contacts?limit=100000"_s << u"limit"_s;
        QTest::newRow("cursor garbage") << u"/contacts?cursor=%%%"_s << u"cursor"_s;
        QTest::newRow("cursor base64 junk") << u"/contacts?cursor=aGVsbG8"_s << u"cursor"_s;
    }
    void badParametersAreClearErrors()
    {
        QFETCH(QString, target);
        QFETCH(QString, field);
        const Response r = m_p->call(Method::Get, target.toStdString());
        QCOMPARE(r.status, 400);
        JCOMPARE(r.body["error"]["field"], field.toStdString());
    }

    void renamedCompanyIsFoundByItsNewName()
    {
        test::TestProfile p;
        const json co = p.call(Method::Post, "/companies", {{"name", "Old Name AG"}}).body;
        p.createContact({{"name", "Fritz"}, {"company_id", co["id"]}});
        QCOMPARE(search(p, "old"), std::vector<std::string>{"Fritz"});
        QCOMPARE(p.call(Method::Patch, "/companies/" + co["id"].get<std::string>(), {{"name", "Neuer Name"}}).status, 200);
        QCOMPARE(search(p, "old"), std::vector<std::string>{});
        QCOMPARE(search(p, "neuer"), std::vector<std::string>{"Fritz"});
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
