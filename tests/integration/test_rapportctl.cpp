// rapportctl as a user runs it: the real binary in a child process, on real profiles in temp folders.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <nlohmann/json.hpp>

#include "crm/demo_data.h"
#include "integration/ctl_process.h"

using namespace Qt::StringLiterals;
using ctltest::Run;
using ctltest::runCtl;
using nlohmann::json;

namespace {

constexpr int kDemoContacts = 200;
constexpr std::uint64_t kDemoSeed = 7;

// nlohmann::json confuses QCOMPARE's overloads; compact dumps compare well and print well.
QString dumped(const json &value)
{
    return QString::fromStdString(value.dump());
}

QString contactsQuery(const QString &q)
{
    return u"/contacts?limit=500&q="_s + QString::fromLatin1(QUrl::toPercentEncoding(q));
}

} // namespace

class TestRapportctl : public QObject {
    Q_OBJECT

    QTemporaryDir m_demo;  // filled once by `demo`; only read afterwards

    Run ctl(const QTemporaryDir &profile, QStringList args, const QByteArray &input = {})
    {
        args.prepend(profile.path());
        args.prepend(u"--profile"_s);
        return runCtl(args, input);
    }

    int liveContacts(const QTemporaryDir &profile)
    {
        const Run run = ctl(profile, {u"route"_s, u"GET"_s, u"/contacts?limit=500"_s});
        const json body = run.body();
        return run.exitCode == 0 && body.contains("items") ? static_cast<int>(body["items"].size()) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_demo.isValid());
        const Run run = ctl(m_demo, {u"demo"_s, u"--contacts"_s, QString::number(kDemoContacts), u"--seed"_s,
                                     QString::number(kDemoSeed)});
        QVERIFY2(run.exitCode == 0, run.describe());
        const json summary = run.body();
        QCOMPARE(summary["contacts"].get<int>(), kDemoContacts);
        QCOMPARE(summary["companies"].get<int>(), 10);
        QCOMPARE(summary["seed"].get<std::uint64_t>(), kDemoSeed);
        QVERIFY(run.err.contains("added 200 contacts"));  // stderr is not a terminal: one final line
        QCOMPARE(run.err.count('\n'), 1);
    }

    void demoFilledTheProfile() { QCOMPARE(liveContacts(m_demo), kDemoContacts); }

    void searchFindsDemoContacts_data()
    {
        QTest::addColumn<int>("index");
        for (int i : {0, 1, 57, 123, 199})
            QTest::addRow("contact %d", i) << i;
    }

    void searchFindsDemoContacts()
    {
        QFETCH(int, index);
        const auto data = rapport::generateDemoData(kDemoContacts, kDemoSeed);
        const QString name = QString::fromStdString(data.contacts[static_cast<std::size_t>(index)]["name"]);
        const QString firstWord = name.split(u' ').first();
        const Run run = ctl(m_demo, {u"route"_s, u"GET"_s, contactsQuery(firstWord)});
        QVERIFY2(run.exitCode == 0, run.describe());
        const json items = run.body()["items"];
        const bool found = std::any_of(items.begin(), items.end(),
                                       [&](const json &c) { return c["name"] == name.toStdString(); });
        QVERIFY2(found, qPrintable(u"q=%1 did not find %2"_s.arg(firstWord, name)));
    }

    void hostileQueriesAreJustText_data()
    {
        QTest::addColumn<QString>("q");
        QTest::newRow("sql injection")   << u"'; DROP TABLE contacts; --"_s;
        QTest::newRow("open NEAR")       << u"\"NEAR("_s;
        QTest::newRow("NEAR call")       << u"NEAR(a b, 2)"_s;
        QTest::newRow("star")            << u"*"_s;
        QTest::newRow("OR")              << u"OR"_s;
        QTest::newRow("a OR b")          << u"a OR b"_s;
        QTest::newRow("NOT")             << u"NOT"_s;
        QTest::newRow("AND")             << u"AND zoe"_s;
        QTest::newRow("quote")           << u"\""_s;
        QTest::newRow("column filter")   << u"name:*"_s;
        QTest::newRow("caret")           << u"^ab"_s;
        QTest::newRow("parentheses")     << u")("_s;
        QTest::newRow("braces")          << u"{name email}: x"_s;
        QTest::newRow("like wildcards")  << u"%_\\"_s;
    }

    void hostileQueriesAreJustText()
    {
        QFETCH(QString, q);
        const Run run = ctl(m_demo, {u"route"_s, u"-i"_s, u"GET"_s, contactsQuery(q)});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.statusLine(), "HTTP 200 OK");
        QVERIFY(run.body(true)["items"].is_array());
        QCOMPARE(liveContacts(m_demo), kDemoContacts);
    }

    void postCreatesAndShowsStatus()
    {
        QTemporaryDir profile;
        const Run run = ctl(profile, {u"route"_s, u"-i"_s, u"POST"_s, u"/contacts"_s,
                                      u"{\"name\":\"Ada Lovelace\",\"emails\":[\"ada@example.co.uk\"]}"_s});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.statusLine(), "HTTP 201 Created");
        const json created = run.body(true);
        QCOMPARE(dumped(created["name"]), uR"("Ada Lovelace")"_s);
        QVERIFY(!created["id"].get<std::string>().empty());
        QCOMPARE(liveContacts(profile), 1);
    }

    void bodyFromStdin()
    {
        QTemporaryDir profile;
        const Run run = ctl(profile, {u"route"_s, u"POST"_s, u"/contacts"_s, u"-"_s},
                            R"({"name":"Grace Hopper","tags":["navy"]})");
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(dumped(run.body()["name"]), uR"("Grace Hopper")"_s);
        QCOMPARE(dumped(run.body()["tags"]), uR"(["navy"])"_s);
    }

    void unicodeRoundTrips_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("French")   << u"Zoë Ångström"_s;
        QTest::newRow("Japanese") << u"山田 太郎"_s;
        QTest::newRow("emoji")    << u"Ana 🚀 Souza"_s;
        QTest::newRow("Arabic")   << u"محمد العلي"_s;
        QTest::newRow("Greek")    << u"Γιώργος Παπαδόπουλος"_s;
        QTest::newRow("Polish")   << u"Łukasz Wójcik"_s;
    }

    void unicodeRoundTrips()
    {
        QFETCH(QString, name);
        QTemporaryDir profile;
        const json input = {{"name", name.toStdString()}, {"notes", "☕ " + name.toStdString()}};
        const Run created = ctl(profile, {u"route"_s, u"POST"_s, u"/contacts"_s, QString::fromStdString(input.dump())});
        QVERIFY2(created.exitCode == 0, created.describe());
        QVERIFY(created.out.contains(name.toUtf8()));  // printed as UTF-8, not as \u escapes

        const QString id = QString::fromStdString(created.body()["id"].get<std::string>());
        const Run fetched = ctl(profile, {u"route"_s, u"GET"_s, u"/contacts/"_s + id});
        QVERIFY2(fetched.exitCode == 0, fetched.describe());
        QCOMPARE(QString::fromStdString(fetched.body()["name"]), name);
        QCOMPARE(dumped(fetched.body()["notes"]), dumped(input["notes"]));

        const Run found = ctl(profile, {u"route"_s, u"GET"_s, contactsQuery(name.split(u' ').first())});
        QVERIFY2(found.exitCode == 0, found.describe());
        QCOMPARE(found.body()["items"].size(), 1u);
    }

    void errorsExitOneWithErrorJson_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        const QString missing = u"/contacts/01900000-0000-7000-8000-000000000000"_s;
        QTest::newRow("invalid json")  << QStringList{u"POST"_s, u"/contacts"_s, u"{\"name\":"_s}
                                       << u"HTTP 400 Bad Request"_s << u"invalid_json"_s;
        QTest::newRow("empty name")    << QStringList{u"POST"_s, u"/contacts"_s, u"{\"name\":\"\"}"_s}
                                       << u"HTTP 422 Unprocessable Entity"_s << u"validation_failed"_s;
        QTest::newRow("bad email")     << QStringList{u"POST"_s, u"/contacts"_s, uR"({"name":"X","emails":["nope"]})"_s}
                                       << u"HTTP 422 Unprocessable Entity"_s << u"validation_failed"_s;
        QTest::newRow("no contact")    << QStringList{u"GET"_s, missing} << u"HTTP 404 Not Found"_s << u"not_found"_s;
        QTest::newRow("no route")      << QStringList{u"GET"_s, u"/nope"_s}
                                       << u"HTTP 404 Not Found"_s << u"not_found"_s;
        QTest::newRow("wrong method")  << QStringList{u"PUT"_s, u"/health"_s}
                                       << u"HTTP 405 Method Not Allowed"_s << u"method_not_allowed"_s;
    }

    void errorsExitOneWithErrorJson()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, status);
        QFETCH(QString, code);
        QTemporaryDir profile;
        const Run run = ctl(profile, QStringList{u"route"_s, u"-i"_s} + args);
        QVERIFY2(run.exitCode == 1, run.describe());
        QCOMPARE(QString::fromUtf8(run.statusLine()), status);
        const json body = run.body(true);
        QCOMPARE(QString::fromStdString(body["error"]["code"]), code);
        QVERIFY(!body["error"]["message"].get<std::string>().empty());
        QCOMPARE(liveContacts(profile), 0);
    }

    void helpForEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--help")       << QStringList{u"--help"_s};
        QTest::newRow("-h")           << QStringList{u"-h"_s};
        QTest::newRow("help")         << QStringList{u"help"_s};
        QTest::newRow("route --help") << QStringList{u"route"_s, u"--help"_s};
        QTest::newRow("route -h")     << QStringList{u"route"_s, u"GET"_s, u"-h"_s};
        QTest::newRow("demo --help")  << QStringList{u"demo"_s, u"--help"_s};
        QTest::newRow("help demo")    << QStringList{u"help"_s, u"demo"_s};
    }

    void helpForEveryCommand()
    {
        QFETCH(QStringList, args);
        const Run run = runCtl(args);
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY(run.out.startsWith("Usage: rapportctl"));
        QVERIFY(run.err.isEmpty());
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command")      << QStringList{} << u"no command"_s;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
        QTest::newRow("unknown global")  << QStringList{u"--bogus"_s, u"route"_s} << u"unknown option '--bogus'"_s;
        QTest::newRow("unknown option")  << QStringList{u"route"_s, u"-x"_s, u"GET"_s, u"/health"_s}
                                         << u"unknown option '-x'"_s;
        QTest::newRow("missing path")    << QStringList{u"route"_s, u"GET"_s} << u"expects METHOD and PATH"_s;
        QTest::newRow("unknown method")  << QStringList{u"route"_s, u"FETCH"_s, u"/health"_s} << u"unknown method"_s;
        QTest::newRow("relative path")   << QStringList{u"route"_s, u"GET"_s, u"health"_s} << u"must start with '/'"_s;
        QTest::newRow("demo no count")   << QStringList{u"demo"_s} << u"--contacts N is required"_s;
        QTest::newRow("demo bad count")  << QStringList{u"demo"_s, u"--contacts"_s, u"many"_s} << u"whole number"_s;
        QTest::newRow("demo zero")       << QStringList{u"demo"_s, u"--contacts=0"_s} << u"whole number"_s;
        QTest::newRow("demo bad seed")   << QStringList{u"demo"_s, u"--contacts"_s, u"5"_s, u"--seed"_s, u"-1"_s}
                                         << u"--seed"_s;
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir profile;  // a usage error must not even create the profile
        const QString folder = profile.path() + u"/never"_s;
        const Run run = runCtl(QStringList{u"--profile"_s, folder} + args);
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.describe());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QDir(folder).exists());
    }

    void profileFromEnvironment()
    {
        QTemporaryDir profile;
        const Run filled = runCtl({u"demo"_s, u"--contacts"_s, u"5"_s}, {}, profile.path());
        QVERIFY2(filled.exitCode == 0, filled.describe());
        QCOMPARE(QString::fromStdString(filled.body()["profile"]), QDir(profile.path()).absolutePath());
        QCOMPARE(liveContacts(profile), 5);
    }

    void corruptDatabaseIsLeftAlone_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("route") << QStringList{u"route"_s, u"GET"_s, u"/health"_s};
        QTest::newRow("demo")  << QStringList{u"demo"_s, u"--contacts"_s, u"5"_s};
    }

    void corruptDatabaseIsLeftAlone()
    {
        QFETCH(QStringList, args);
        QTemporaryDir profile;
        const QString path = profile.filePath(u"rapport.db"_s);
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(static_cast<char>((i * 7919 + 13) % 256));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
        file.close();

        const Run run = ctl(profile, args);
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("rapport.db") && run.err.contains("store_corrupt"), run.describe());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }
};

QTEST_GUILESS_MAIN(TestRapportctl)
#include "test_rapportctl.moc"
