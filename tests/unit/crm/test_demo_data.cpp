// The demo data generator: deterministic, sized as promised, varied, and valid for the real services.

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

#include "crm/companies_service.h"
#include "crm/contacts_service.h"
#include "crm/demo_data.h"
#include "crm/demo_loader.h"
#include "gateway.h"

using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

std::string dumpAll(const rapport::DemoData &data)
{
    std::string out;
    for (const json &c : data.companies)
        out += c.dump() + '\n';
    for (const json &c : data.contacts)
        out += c.dump() + '\n';
    return out;
}

QString qstr(const json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

} // namespace

class TestDemoData : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesSameBytes()
    {
        const std::string first = dumpAll(rapport::generateDemoData(500, 42));
        QVERIFY(dumpAll(rapport::generateDemoData(500, 42)) == first);
        QVERIFY(first.size() > 500 * 100);
    }

    void differentSeedGivesDifferentData()
    {
        const auto a = rapport::generateDemoData(200, 1);
        const auto b = rapport::generateDemoData(200, 2);
        QCOMPARE(a.contacts.size(), b.contacts.size());
        int sameNames = 0;
        for (std::size_t i = 0; i < a.contacts.size(); ++i)
            sameNames += a.contacts[i]["name"] == b.contacts[i]["name"] ? 1 : 0;
        QVERIFY2(sameNames < 20, qPrintable(u"%1 of 200 names equal"_s.arg(sameNames)));
    }

    void counts_data()
    {
        QTest::addColumn<int>("contacts");
        QTest::addColumn<int>("companies");
        QTest::newRow("negative") <<   -5 <<   0;
        QTest::newRow("none")     <<    0 <<   0;
        QTest::newRow("one")      <<    1 <<   1;
        QTest::newRow("twenty")   <<   20 <<   1;
        QTest::newRow("thirty")   <<   30 <<   2;
        QTest::newRow("hundred")  <<  100 <<   5;
        QTest::newRow("2500")     << 2500 << 125;
    }

    void counts()
    {
        QFETCH(int, contacts);
        QFETCH(int, companies);
        const auto data = rapport::generateDemoData(contacts, 7);
        QCOMPARE(static_cast<int>(data.contacts.size()), std::max(contacts, 0));
        QCOMPARE(static_cast<int>(data.companies.size()), companies);
    }

    void companyIndexesPointAtCompanies()
    {
        const auto data = rapport::generateDemoData(1000, 3);
        int linked = 0;
        for (const json &c : data.contacts) {
            QVERIFY(!c.contains("company_id"));
            if (c.contains("company_index")) {
                QVERIFY(c["company_index"].get<std::size_t>() < data.companies.size());
                ++linked;
            }
        }
        QVERIFY2(linked > 700 && linked < 1000, qPrintable(QString::number(linked)));  // most, not all
    }

    void everyContactHasExactlyOnePrimaryEmail()
    {
        const auto data = rapport::generateDemoData(2000, 5);
        std::set<std::string> addresses;
        for (const json &c : data.contacts) {
            const json &emails = c["emails"];
            QVERIFY(emails.size() >= 1 && emails.size() <= 3);
            const auto primaries = std::count_if(emails.begin(), emails.end(),
                                                 [](const json &e) { return e["primary"].get<bool>(); });
            QCOMPARE(primaries, 1);
            for (const json &e : emails) {
                const std::string address = e["address"].get<std::string>();
                QVERIFY2(std::all_of(address.begin(), address.end(),
                                     [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }),
                         address.c_str());
                QVERIFY2(addresses.insert(address).second, address.c_str());  // unique across the data set
            }
        }
    }

    void namesCoverScripts_data()
    {
        QTest::addColumn<uint>("first");
        QTest::addColumn<uint>("last");
        QTest::newRow("Latin with diacritics") << 0x00C0u << 0x024Fu;
        QTest::newRow("Greek")                 << 0x0370u << 0x03FFu;
        QTest::newRow("Cyrillic")              << 0x0400u << 0x04FFu;
        QTest::newRow("Hebrew")                << 0x0590u << 0x05FFu;
        QTest::newRow("Arabic")                << 0x0600u << 0x06FFu;
        QTest::newRow("Devanagari")            << 0x0900u << 0x097Fu;
        QTest::newRow("CJK ideographs")        << 0x4E00u << 0x9FFFu;
        QTest::newRow("Hangul")                << 0xAC00u << 0xD7AFu;
    }

    void namesCoverScripts()
    {
        QFETCH(uint, first);
        QFETCH(uint, last);
        const auto data = rapport::generateDemoData(2000, 11);
        const auto inRange = [&](const json &c) {
            const auto ucs4 = qstr(c["name"]).toUcs4();
            return std::any_of(ucs4.begin(), ucs4.end(), [&](uint cp) { return cp >= first && cp <= last; });
        };
        QVERIFY(std::count_if(data.contacts.begin(), data.contacts.end(), inRange) >= 10);
    }

    void someNotesOrTagsCarryEmoji()
    {
        const auto data = rapport::generateDemoData(2000, 13);
        const auto hasEmoji = [](const json &c) {
            std::string text = c.value("notes", std::string());
            for (const json &tag : c["tags"])
                text += tag.get<std::string>();
            const auto ucs4 = QString::fromStdString(text).toUcs4();
            return std::any_of(ucs4.begin(), ucs4.end(), [](uint cp) { return cp >= 0x2600; });
        };
        const auto count = std::count_if(data.contacts.begin(), data.contacts.end(), hasEmoji);
        QVERIFY2(count >= 20 && count <= 400, qPrintable(QString::number(count)));  // a few, not most
    }

    // Search-as-you-type benchmarks need 2- and 3-letter prefixes that do not all hit the same rows.
    void namePrefixesAreSpreadOut()
    {
        const auto data = rapport::generateDemoData(20000, 17);
        std::map<QString, int> byPrefix2;
        std::map<QString, int> byPrefix3;
        for (const json &c : data.contacts) {
            std::set<QString> seen2;
            std::set<QString> seen3;
            for (const QString &word : qstr(c["name"]).toLower().split(u' ', Qt::SkipEmptyParts)) {
                seen2.insert(word.left(2));
                seen3.insert(word.left(3));
            }
            for (const QString &p : seen2)
                ++byPrefix2[p];
            for (const QString &p : seen3)
                ++byPrefix3[p];
        }
        const auto largest = [](const std::map<QString, int> &m) {
            return std::max_element(m.begin(), m.end(), [](auto &a, auto &b) { return a.second < b.second; })->second;
        };
        QVERIFY2(byPrefix2.size() > 400, qPrintable(QString::number(byPrefix2.size())));
        QVERIFY2(byPrefix3.size() > 800, qPrintable(QString::number(byPrefix3.size())));
        QVERIFY2(largest(byPrefix2) < 20000 / 15, qPrintable(QString::number(largest(byPrefix2))));
        QVERIFY2(largest(byPrefix3) < 20000 / 25, qPrintable(QString::number(largest(byPrefix3))));
    }

    // The real services accept every generated record: the loader stops at the first validation error.
    void loadsThroughTheRealServices()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto gateway = rapport::Gateway::open(dir.path());
        QVERIFY2(gateway.ok(), gateway.ok() ? "" : gateway.error().message.c_str());

        std::vector<std::pair<int, int>> calls;
        const auto loaded = rapport::loadDemoData(**gateway, 4500, 23,
                                                  [&](int done, int total) { calls.emplace_back(done, total); });
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toJson().dump().c_str());
        QCOMPARE(loaded->contacts, 4500);
        QCOMPARE(loaded->companies, 225);
        QCOMPARE(QString::fromStdString(loaded->toJson().dump()), uR"({"companies":225,"contacts":4500,"seed":23})"_s);

        const std::vector<std::pair<int, int>> expected = {{0, 4500}, {2000, 4500}, {4000, 4500}, {4500, 4500}};
        QCOMPARE(calls, expected);
        QCOMPARE((*gateway)->contacts().count().value(), 4500);
        QCOMPARE((*gateway)->companies().count().value(), 225);
    }

    void loadedContactsKeepTheirCompany()
    {
        QTemporaryDir dir;
        auto gateway = rapport::Gateway::open(dir.path());
        QVERIFY(gateway.ok());
        QVERIFY(rapport::loadDemoData(**gateway, 300, 29).ok());
        const auto generated = rapport::generateDemoData(300, 29);

        QStringList expected;  // "name @ company name" as generated
        for (const json &c : generated.contacts) {
            const std::string company = c.contains("company_index")
                ? generated.companies[c["company_index"].get<std::size_t>()]["name"].get<std::string>()
                : std::string();
            expected.append(QString::fromStdString(c["name"].get<std::string>() + " @ " + company));
        }
        const auto page = (*gateway)->contacts().list({.q = {}, .limit = 500, .cursor = {}});
        QVERIFY(page.ok());
        QStringList stored;
        for (const json &c : (*page)["items"]) {
            const json &company = c["company_name"];
            stored.append(QString::fromStdString(c["name"].get<std::string>() + " @ " +
                                                 (company.is_null() ? "" : company.get<std::string>())));
        }
        stored.sort();
        expected.sort();
        QCOMPARE(stored, expected);
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "test_demo_data.moc"
