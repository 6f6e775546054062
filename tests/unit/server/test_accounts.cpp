// Accounts and sessions on a real server.db: sign-in, what is (not) stored, expiry, sign-out, input in
// every script, duplicates, SQL-looking input. Rate limits: test_login_limits.cpp.

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>

#include "accounts_fixture.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::server;
using namespace rapport::server::test;

namespace {
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::string str(const QString &s)
{
    return s.toStdString();
}

// One value from server.db through a private connection (the store stays open: WAL allows it).
QVariant rawValue(const TestServer &server, const QString &sql)
{
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(server.store->databasePath());
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"peek"_s);
    return out;
}
} // namespace

class TestAccounts : public QObject {
    Q_OBJECT
private slots:
    void addLoginAuthenticate()
    {
        TestServer server;
        const User ann = server.add("  Ann.Lee@Example.COM ", kPassword, true);
        QCOMPARE(ann.email, "ann.lee@example.com");
        auto session = server.accounts->login("ANN.LEE@example.com", kPassword, "127.0.0.1");
        QVERIFY2(session.ok(), session.ok() ? "" : session.error().message.c_str());
        QCOMPARE(session->token.size(), 43u);
        QCOMPARE(session->userId, ann.id);
        QCOMPARE(session->teamId, ann.teamId);
        QCOMPARE(session->expiresAtMs, server.clock->load() + 30 * kDayMs);
        auto who = server.accounts->authenticate(session->token);
        QVERIFY(who.ok());
        QCOMPARE(who->userId, ann.id);
        QCOMPARE(who->teamId, ann.teamId);
        QCOMPARE(who->email, "ann.lee@example.com");
        QVERIFY(who->isAdmin);
        // Two sign-ins give two different sessions.
        auto second = server.accounts->login("ann.lee@example.com", kPassword, "127.0.0.1");
        QVERIFY(second.ok());
        QVERIFY(second->token != session->token);
        // Sessions survive a server restart.
        server.reopen();
        QVERIFY(server.accounts->authenticate(session->token).ok());
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        TestServer server;
        server.add("bob@example.com");
        QElapsedTimer timer;
        timer.start();
        auto wrong = server.accounts->login("bob@example.com", "correct horse batterz", "10.0.0.1");
        const qint64 wrongMs = timer.restart();
        auto unknown = server.accounts->login("nobody@example.com", kPassword, "10.0.0.2");
        const qint64 unknownMs = timer.elapsed();
        QVERIFY(!wrong.ok() && !unknown.ok());
        QCOMPARE(wrong.error().code, ErrorCode::Unauthenticated);
        QCOMPARE(unknown.error().code, ErrorCode::Unauthenticated);
        QCOMPARE(wrong.error().status(), 401);
        QCOMPARE(unknown.error().message, wrong.error().message);
        QCOMPARE(unknown.error().field, wrong.error().field);
        // Not a timing test: only that an Argon2id check (tens of ms) ran for the unknown e-mail too.
        QVERIFY2(unknownMs >= 5 && wrongMs >= 5, qPrintable(u"%1 / %2 ms"_s.arg(unknownMs).arg(wrongMs)));
        // A malformed e-mail at sign-in is answered like an unknown one, not with the address rules.
        auto malformed = server.accounts->login("not an email", kPassword, "10.0.0.3");
        QCOMPARE(malformed.error().message, wrong.error().message);
        QCOMPARE(server.accounts->login("", kPassword, "10.0.0.3").error().field, "email");
        QCOMPARE(server.accounts->login("bob@example.com", "", "10.0.0.3").error().field, "password");
    }

    void everyScript_data()
    {
        QTest::addColumn<QString>("team");
        QTest::addColumn<QString>("added");      // as the admin typed it
        QTest::addColumn<QString>("stored");     // normalised
        QTest::addColumn<QString>("signInAs");   // another spelling of the same address
        QTest::newRow("latin, decomposed")  << u"Équipe Zoë"_s << u"Zoë.Dupont@Exemple.FR"_s
                                            << u"zoë.dupont@exemple.fr"_s << u"zoe\u0308.dupont@exemple.fr"_s;
        QTest::newRow("greek final sigma")  << u"Ομάδα Πωλήσεων"_s << u"ΝΊΚΟΣ@example.gr"_s
                                            << u"νίκοσ@example.gr"_s << u"νίκος@example.gr"_s;
        QTest::newRow("cyrillic")           << u"Отдел продаж"_s << u"Иван@Пример.РФ"_s
                                            << u"иван@пример.рф"_s << u"ИВАН@пример.рф"_s;
        QTest::newRow("chinese")            << u"销售部"_s << u"张伟@例子.中国"_s << u"张伟@例子.中国"_s << u"张伟@例子.中国"_s;
        QTest::newRow("japanese")           << u"営業チーム"_s << u"たろう@例え.jp"_s << u"たろう@例え.jp"_s << u"たろう@例え.JP"_s;
        QTest::newRow("korean")             << u"영업팀"_s << u"김민준@예시.한국"_s << u"김민준@예시.한국"_s << u"김민준@예시.한국"_s;
        QTest::newRow("devanagari")         << u"बिक्री दल"_s << u"अजय@उदाहरण.भारत"_s << u"अजय@उदाहरण.भारत"_s << u"अजय@उदाहरण.भारत"_s;
        QTest::newRow("arabic")             << u"فريق المبيعات"_s << u"محمد@مثال.مصر"_s << u"محمد@مثال.مصر"_s << u"محمد@مثال.مصر"_s;
        QTest::newRow("hebrew")             << u"צוות מכירות"_s << u"דוד@דוגמה.ישראל"_s << u"דוד@דוגמה.ישראל"_s << u"דוד@דוגמה.ישראל"_s;
        QTest::newRow("thai")               << u"ทีมขาย"_s << u"สมชาย@ตัวอย่าง.ไทย"_s << u"สมชาย@ตัวอย่าง.ไทย"_s << u"สมชาย@ตัวอย่าง.ไทย"_s;
        QTest::newRow("emoji team name")    << u"Sales 🚀 Team"_s << u"o'brien+crm@example.ie"_s
                                            << u"o'brien+crm@example.ie"_s << u"O'Brien+CRM@Example.IE"_s;
    }
    void everyScript()
    {
        QFETCH(QString, team);
        QFETCH(QString, added);
        QFETCH(QString, stored);
        QFETCH(QString, signInAs);
        TestServer server(false);
        auto made = server.accounts->initTeam(str(u"  "_s + team + u" "_s));
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
        QCOMPARE(QString::fromStdString(made->name), team);
        const std::string password = str(team + u" password"_s);  // passwords in that script too
        const User user = server.add(str(added), password);
        QCOMPARE(QString::fromStdString(user.email), stored);
        auto session = server.accounts->login(str(signInAs), password, "::1");
        QVERIFY2(session.ok(), session.ok() ? "" : session.error().message.c_str());
        QCOMPARE(QString::fromStdString(server.accounts->authenticate(session->token)->email), stored);
        QCOMPARE(server.accounts->addUser(str(signInAs), password, false).error().code, ErrorCode::Conflict);
    }

    void rejectedEmails_data()
    {
        QTest::addColumn<QByteArray>("email");
        QTest::newRow("empty")            << QByteArray("   ");
        QTest::newRow("no at")            << QByteArray("ann.example.com");
        QTest::newRow("two ats")          << QByteArray("ann@lee@example.com");
        QTest::newRow("nothing before")   << QByteArray("@example.com");
        QTest::newRow("nothing after")    << QByteArray("ann@");
        QTest::newRow("dotless domain")   << QByteArray("ann@localhost");
        QTest::newRow("space inside")     << QByteArray("ann lee@example.com");
        QTest::newRow("leading dot")      << QByteArray(".ann@example.com");
        QTest::newRow("double dot")       << QByteArray("ann..lee@example.com");
        QTest::newRow("hyphen label")     << QByteArray("ann@-example.com");
        QTest::newRow("empty label")      << QByteArray("ann@example..com");
        QTest::newRow("zero-width space") << QByteArray("an\xE2\x80\x8Bn@example.com");
        QTest::newRow("control char")     << QByteArray("an\x01n@example.com");
        QTest::newRow("quoted local")     << QByteArray("\"ann\"@example.com");
        QTest::newRow("address literal")  << QByteArray("ann@[127.0.0.1]");
        QTest::newRow("not utf-8")        << QByteArray("\xFF\xFE@example.com");
        QTest::newRow("local too long")   << QByteArray(65, 'a') + "@example.com";
        QTest::newRow("too long")         << QByteArray(64, 'a') + "@" + QByteArray(63, 'b') + "." +
                                             QByteArray(63, 'c') + "." + QByteArray(63, 'd') + ".com";
        QTest::newRow("sql")              << QByteArray("x@example.com'); DROP TABLE users;--");
    }
    void rejectedEmails()
    {
        QFETCH(QByteArray, email);
        TestServer server;
        auto r = server.accounts->addUser(email.toStdString(), kPassword, false);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(r.error().field, "email");
        QCOMPARE(r.error().status(), 422);
    }

    void passwordRules()
    {
        TestServer server;
        auto tooShort = server.accounts->addUser("a@example.com", "123456789", false);
        QCOMPARE(tooShort.error().field, "password");
        // Characters are code points: nine emoji are 36 bytes but still nine characters.
        QCOMPARE(server.accounts->addUser("a@example.com", str(u"😀"_s.repeated(9)), false).error().field, "password");
        QVERIFY(server.accounts->addUser("b@example.com", "1234567890", false).ok());
        QVERIFY(server.accounts->addUser("c@example.com", str(u"密码密码密码密码密码"_s), false).ok());
        QCOMPARE(server.accounts->addUser("d@example.com", std::string(4097, 'x'), false).error().field, "password");
        // Composed at sign-up, decomposed at sign-in (another keyboard): the same password.
        server.add("e@example.com", str(u"café crème secret"_s));
        QVERIFY(server.accounts->login("e@example.com", str(u"cafe\u0301 cre\u0300me secret"_s), "::1").ok());
    }

    void passwordAndTokenNeverStoredInClear()
    {
        TestServer server;
        const std::string password = "Tr0ub4dor&3-unique-marker";
        server.add("carol@example.com", password);
        auto session = server.accounts->login("carol@example.com", password, "::1");
        QVERIFY(session.ok());
        const QByteArray token = QByteArray::fromStdString(session->token);
        const QByteArray rawToken = QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding);
        QCOMPARE(rawToken.size(), 32);
        const QByteArray sha = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
        QCOMPARE(rawValue(server, u"SELECT count(*) FROM sessions WHERE token_hash = x'"_s +
                                      QString::fromLatin1(sha.toHex()) + u"'"_s).toInt(), 1);
        QVERIFY(rawValue(server, u"SELECT password_hash FROM users"_s).toString().startsWith(u"$argon2id$"_s));
        server.accounts.reset();
        server.store.reset();  // closing checkpoints the WAL into the file; the scan reads every file anyway
        const QByteArray bytes = server.allBytes();
        QVERIFY(bytes.contains("carol@example.com"));  // the scan does see the data
        QVERIFY(!bytes.contains(QByteArray::fromStdString(password)));
        QVERIFY(!bytes.contains(token));
        QVERIFY(!bytes.contains(rawToken));
    }

    void sessionExpiresAfterThirtyDays()
    {
        TestServer server;
        server.add("dan@example.com");
        auto session = server.accounts->login("dan@example.com", kPassword, "::1");
        QVERIFY(session.ok());
        server.advanceMs(30 * kDayMs - 1);
        QVERIFY(server.accounts->authenticate(session->token).ok());
        server.advanceMs(1);
        auto expired = server.accounts->authenticate(session->token);
        QCOMPARE(expired.error().code, ErrorCode::Unauthenticated);
        QVERIFY(expired.error().message.find("expired") != std::string::npos);
    }

    void logoutRevokes()
    {
        TestServer server;
        server.add("eve@example.com");
        auto laptop = server.accounts->login("eve@example.com", kPassword, "::1");
        auto phone = server.accounts->login("eve@example.com", kPassword, "::1");
        QVERIFY(laptop.ok() && phone.ok());
        QVERIFY(server.accounts->logout(laptop->token).ok());
        QCOMPARE(server.accounts->authenticate(laptop->token).error().code, ErrorCode::Unauthenticated);
        QVERIFY(server.accounts->authenticate(phone->token).ok());  // only that session
        QVERIFY(server.accounts->logout(laptop->token).ok());       // twice is fine
        const std::string unknown(43, 'A');
        QCOMPARE(server.accounts->logout(unknown).error().code, ErrorCode::Unauthenticated);
        for (const char *bad : {"", "short", "not/base64url+at=all...................xyz", "' OR 1=1 --"})
            QCOMPARE(server.accounts->authenticate(bad).error().code, ErrorCode::Unauthenticated);
    }

    void disabledUserCannotSignIn()
    {
        TestServer server;
        server.add("fay@example.com");
        auto session = server.accounts->login("fay@example.com", kPassword, "::1");
        QVERIFY(session.ok());
        auto wrong = server.accounts->login("fay@example.com", "wrong password!", "::1");
        rawValue(server, u"UPDATE users SET disabled_at = 1"_s);
        QCOMPARE(server.accounts->authenticate(session->token).error().code, ErrorCode::Unauthenticated);
        auto refused = server.accounts->login("fay@example.com", kPassword, "::1");
        QCOMPARE(refused.error().message, wrong.error().message);
    }

    void teamAndDuplicates()
    {
        TestServer noTeam(false);
        QCOMPARE(noTeam.accounts->addUser("g@example.com", kPassword, false).error().code, ErrorCode::Conflict);
        QCOMPARE(noTeam.accounts->initTeam("  ").error().field, "name");
        QCOMPARE(noTeam.accounts->initTeam("Bad\nName").error().field, "name");
        QCOMPARE(noTeam.accounts->initTeam(std::string(101, 'x')).error().field, "name");
        QVERIFY(noTeam.accounts->initTeam("First").ok());
        auto second = noTeam.accounts->initTeam("Second");
        QCOMPARE(second.error().code, ErrorCode::Conflict);
        QCOMPARE(second.error().status(), 409);

        noTeam.add("Gus@Example.com");
        auto dup = noTeam.accounts->addUser("GUS@EXAMPLE.COM", "another password", true);
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
        QCOMPARE(dup.error().field, "email");
        QCOMPARE(dup.error().status(), 409);
    }

    void sqlLookingInputIsJustData()
    {
        TestServer server;
        const std::string email = "x'or'1'='1@example.com";
        const std::string password = "'; DROP TABLE users; --";
        server.add(email, password);
        QVERIFY(server.accounts->login(email, password, "'; DROP TABLE sessions; --").ok());
        QCOMPARE(server.accounts->login("' OR 1=1 --", password, "::1").error().code, ErrorCode::Unauthenticated);
        QCOMPARE(server.accounts->login(email, "' OR '1'='1", "::1").error().code, ErrorCode::Unauthenticated);
        QCOMPARE(server.accounts->login("x@example.com' OR '1'='1", password, "::1").error().code,
                 ErrorCode::Unauthenticated);
        QCOMPARE(rawValue(server, u"SELECT count(*) FROM users"_s).toInt(), 1);
        QCOMPARE(rawValue(server, u"SELECT email FROM users"_s).toString(), QString::fromStdString(email));
        QCOMPARE(rawValue(server, u"SELECT count(*) FROM sessions"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "test_accounts.moc"
