// `rapportctl gmail` as real processes against the fake Google on loopback, with the real keychain
// (ctest runs inside a private D-Bus session with an unlocked gnome-keyring): connect through the
// test's browser, then status, refresh and disconnect in new processes (the tokens come back from the
// keychain and from nowhere else); a declined consent, a partial grant, no client id, Ctrl-C while
// waiting; and GET /gmail/callback and PATCH /gmail/settings in process.
//
// The fake runs on this thread's event loop, so children are driven asynchronously: never
// waitForFinished() while the child still needs Google.

#include <csignal>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "fakes/fake_google_server.h"
#include "gmail/oauth_config.h"
#include "secrets/memory_secret_store.h"
#include "support/test_profile.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::fakes;
using nlohmann::json;

namespace {

constexpr int kWaitMs = 20'000;

struct CtlRun {
    int exitCode = -1;  // -1: did not start, crashed or was killed
    QByteArray out, err;
    qint64 elapsedMs = 0;
    // The JSON on stdout (after connect's URL line); discarded when there is none.
    json body() const { return json::parse(out.mid(out.indexOf('{')).toStdString(), nullptr, false); }
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err; }
};

// One rapportctl child; the caller's event loop keeps running while it waits.
class Ctl {
public:
    Ctl(const QProcessEnvironment &env, const QTemporaryDir &profile, const QStringList &args)
    {
        m_process.setProcessEnvironment(env);
        m_clock.start();
        m_process.start(QStringLiteral(RAPPORTCTL_PATH), QStringList{u"--profile"_s, profile.path(), u"gmail"_s} + args);
        m_started = m_process.waitForStarted();
    }
    ~Ctl()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    qint64 pid() const { return m_process.processId(); }

    // connect prints the authorization URL alone on a stdout line; empty when it never came.
    QUrl waitForUrl()
    {
        QUrl url;
        (void)QTest::qWaitFor([&] {
            m_out += m_process.readAllStandardOutput();
            for (const QByteArray &line : m_out.left(m_out.lastIndexOf('\n') + 1).split('\n')) {  // whole lines
                if (line.startsWith("http://"))
                    url = QUrl::fromEncoded(line, QUrl::StrictMode);
            }
            return url.isValid() || m_process.state() == QProcess::NotRunning;
        }, kWaitMs);
        return url;
    }

    CtlRun finish(int timeoutMs = kWaitMs)
    {
        CtlRun run;
        if (!m_started)
            return run;
        if (!QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs))
            m_process.kill();
        m_process.waitForFinished(5000);
        run.elapsedMs = m_clock.elapsed();
        run.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        run.out = m_out + m_process.readAllStandardOutput();
        run.err = m_process.readAllStandardError();
        return run;
    }

private:
    QProcess m_process;
    QElapsedTimer m_clock;
    QByteArray m_out;
    bool m_started = false;
};

bool hasScope(const json &scopes, const char *scope)
{
    return std::find(scopes.begin(), scopes.end(), json(scope)) != scopes.end();
}

} // namespace

class TestGmailConnect : public QObject {
    Q_OBJECT

    FakeGoogleServer m_google;

    QProcessEnvironment childEnv(bool withClientId = true) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"RAPPORT_PROFILE"_s);
        if (withClientId)
            env.insert(u"RAPPORT_GOOGLE_CLIENT_ID"_s, m_google.clientId());
        env.insert(u"RAPPORT_GOOGLE_CLIENT_SECRET"_s, m_google.clientSecret());
        env.insert(u"RAPPORT_GOOGLE_AUTH_URL"_s, m_google.authUrl().toString());
        env.insert(u"RAPPORT_GOOGLE_TOKEN_URL"_s, m_google.tokenUrl().toString());
        env.insert(u"RAPPORT_GOOGLE_REVOKE_URL"_s, m_google.revokeUrl().toString());
        env.insert(u"RAPPORT_GMAIL_API_URL"_s, m_google.gmailApiUrl().toString());
        return env;
    }

    CtlRun ctl(const QTemporaryDir &profile, const QStringList &args) { return Ctl(childEnv(), profile, args).finish(); }

    // `gmail connect` with the fake browser playing the user on Google's page.
    CtlRun connectThroughBrowser(const QTemporaryDir &profile, BrowserResult *browser = nullptr)
    {
        Ctl child(childEnv(), profile, {u"connect"_s});
        const QUrl url = child.waitForUrl();
        if (!url.isValid())
            return child.finish();
        const BrowserResult followed = followAuthorizationUrl(url);
        if (browser)
            *browser = followed;
        return child.finish();
    }

    json status(const QTemporaryDir &profile)
    {
        const CtlRun run = ctl(profile, {u"status"_s});
        if (run.exitCode != 0)
            qWarning("gmail status: %s", run.describe().constData());
        return run.body();
    }

    // Every token the fake handed out shows up in requests the children made: Bearer headers, the
    // refresh and revoke bodies. Prefixes catch the ones that were never sent back.
    QByteArrayList tokensSeen() const
    {
        QByteArrayList tokens{"ya29.fake-", "1//0f"};
        for (const RecordedRequest &r : m_google.requests()) {
            if (QByteArray auth = r.header("Authorization"); auth.startsWith("Bearer "))
                tokens << auth.mid(7);
            const FormItems form = parseForm(r.body);
            for (const char *key : {"refresh_token", "token"}) {
                if (const QString value = formValue(form, QString::fromLatin1(key)); !value.isEmpty())
                    tokens << value.toUtf8();
            }
        }
        return tokens;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_google.listen());
        for (const char *name : {"RAPPORT_GOOGLE_CLIENT_ID", "RAPPORT_GOOGLE_CLIENT_SECRET", "RAPPORT_PROFILE"})
            qunsetenv(name);
    }

    void init()
    {
        m_google.setConsent(Consent::Approve);
        m_google.setGrantableScopes(std::nullopt);
        m_google.setAccountEmail(u"anna.seller@example.com"_s);
    }

    void connectRefreshDisconnect();
    void declinedConsent();
    void partialGrant();
    void noClientIdFailsAtOnce();
    void callbackAndSettingsRoutes();
    void ctrlCStopsAWaitingConnect();
};

void TestGmailConnect::connectRefreshDisconnect()
{
    QTemporaryDir profile;
    const int refreshes = m_google.refreshes(), revocations = m_google.revocations();
    BrowserResult browser;
    const CtlRun connected = connectThroughBrowser(profile, &browser);
    QVERIFY2(connected.exitCode == 0, connected.describe());
    QCOMPARE(browser.authorizeStatus, 302);
    QCOMPARE(browser.loopbackStatus, 200);
    json summary = connected.body();
    JCOMPARE(summary["state"], "connected");
    JCOMPARE(summary["email"], "anna.seller@example.com");
    QVERIFY(hasScope(summary["scopes"], gmail::kScopeCompose));
    QVERIFY(hasScope(summary["scopes"], gmail::kScopeReadonly));
    QCOMPARE(summary["missing_scopes"].size(), 0u);
    JCOMPARE(summary["partial"], false);
    JCOMPARE(summary["token_storage"], "keychain");
    QVERIFY2(m_google.problems().isEmpty(), qPrintable(m_google.problems().join(u"; "_s)));

    const json shown = status(profile);  // a new process reads the settings table
    JCOMPARE(shown["state"], "connected");
    JCOMPARE(shown["email"], "anna.seller@example.com");
    JCOMPARE(shown["last_error"], nullptr);

    // A new process has no memory copy: the refresh token can only come from the keychain.
    const CtlRun refreshed = ctl(profile, {u"refresh"_s});
    QVERIFY2(refreshed.exitCode == 0, refreshed.describe());
    JCOMPARE(refreshed.body()["state"], "connected");
    QCOMPARE(m_google.refreshes(), refreshes + 1);

    // No token in the profile folder (database, WAL, settings) nor in anything the user saw.
    const QByteArrayList tokens = tokensSeen();
    QVERIFY(tokens.size() >= 4);  // the prefixes, the Bearer of the profile call, the refresh token
    QDirIterator files(profile.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        ++scanned;
        for (const QByteArray &token : tokens)
            QVERIFY2(!bytes.contains(token), qPrintable(file.fileName() + u" holds a token"_s));
    }
    QVERIFY(scanned > 0);
    for (const CtlRun *run : {&connected, &refreshed}) {
        for (const QByteArray &token : tokens)
            QVERIFY2(!run->out.contains(token) && !run->err.contains(token), "a token was printed");
    }

    const CtlRun disconnected = ctl(profile, {u"disconnect"_s});
    QVERIFY2(disconnected.exitCode == 0, disconnected.describe());
    summary = disconnected.body();
    JCOMPARE(summary["revoked"], true);
    QVERIFY(!summary.contains("revoke_error"));
    JCOMPARE(summary["state"], "disconnected");
    JCOMPARE(summary["email"], "");
    QCOMPARE(m_google.revocations(), revocations + 1);
    JCOMPARE(status(profile)["state"], "disconnected");

    const CtlRun again = ctl(profile, {u"refresh"_s});
    QVERIFY2(again.exitCode == 1, again.describe());
    QVERIFY2(again.err.contains("not connected"), again.describe());
    QCOMPARE(m_google.refreshes(), refreshes + 1);  // nothing left to send
}

void TestGmailConnect::declinedConsent()
{
    QTemporaryDir profile;
    m_google.setConsent(Consent::Deny);
    BrowserResult browser;
    const CtlRun run = connectThroughBrowser(profile, &browser);
    QVERIFY2(run.exitCode == 1, run.describe());
    QVERIFY2(run.err.contains("declined"), run.describe());
    QVERIFY2(browser.loopbackStatus == 200, qPrintable(browser.error));  // the browser still got its "you can close this tab" page
    const json shown = status(profile);
    JCOMPARE(shown["state"], "disconnected");
    JCOMPARE(shown["last_error"]["kind"], "denied");
}

void TestGmailConnect::partialGrant()
{
    QTemporaryDir profile;
    m_google.setGrantableScopes(QStringList{QString::fromLatin1(gmail::kScopeReadonly)});
    const CtlRun run = connectThroughBrowser(profile);
    QVERIFY2(run.exitCode == 0, run.describe());
    const json summary = run.body();
    JCOMPARE(summary["state"], "connected");
    JCOMPARE(summary["partial"], true);
    QVERIFY(hasScope(summary["missing_scopes"], gmail::kScopeCompose));
    QVERIFY(hasScope(summary["scopes"], gmail::kScopeReadonly));
    QVERIFY(!hasScope(summary["scopes"], gmail::kScopeCompose));
    QVERIFY(hasScope(status(profile)["missing_scopes"], gmail::kScopeCompose));
}

void TestGmailConnect::noClientIdFailsAtOnce()
{
    QTemporaryDir profile;
    const CtlRun run = Ctl(childEnv(false), profile, {u"connect"_s}).finish(10'000);
    QVERIFY2(run.exitCode == 1, run.describe());
    QVERIFY2(run.elapsedMs < 8'000, run.describe());
    QVERIFY2(run.err.contains("client id"), run.describe());
    QVERIFY2(!run.out.contains("http"), run.describe());  // no sign-in address to open
}

void TestGmailConnect::callbackAndSettingsRoutes()
{
    MemorySecretStore secrets;  // outlives the gateway
    GatewayOptions options;
    options.secrets = &secrets;
    test::TestProfile p(options);

    const Response stray = p.call(Method::Get, "/gmail/callback?state=bogus&code=x");
    QCOMPARE(stray.status, 404);
    JCOMPARE(stray.body["error"]["field"], "state");

    // A client id with a space is refused as a validation error on its field, and nothing is saved.
    const Response bad = p.call(Method::Patch, "/gmail/settings", {{"client_id", "abc def"}});
    QCOMPARE(bad.status, 422);
    JCOMPARE(bad.body["error"]["code"], "validation_failed");
    JCOMPARE(p.call(Method::Get, "/gmail/status").body["client_id_source"], "none");

    const Response good = p.call(Method::Patch, "/gmail/settings", {{"client_id", "123.apps.googleusercontent.com"}});
    QCOMPARE(good.status, 200);
    const json shown = p.call(Method::Get, "/gmail/status").body;
    JCOMPARE(shown["client_id_source"], "settings");
    JCOMPARE(shown["client_id"], "123.apps.googleusercontent.com");
    JCOMPARE(shown["configured"], true);
    JCOMPARE(shown["state"], "disconnected");
}

void TestGmailConnect::ctrlCStopsAWaitingConnect()
{
    QTemporaryDir profile;
    Ctl child(childEnv(), profile, {u"connect"_s});
    QVERIFY(child.waitForUrl().isValid());
    QVERIFY(::kill(pid_t(child.pid()), SIGINT) == 0);
    QElapsedTimer clock;
    clock.start();
    const CtlRun run = child.finish(10'000);
    QVERIFY2(run.exitCode > 0, run.describe());  // it exited by itself, with a failure status
    QVERIFY2(clock.elapsed() < 3'000, run.describe());
    const json shown = status(profile);
    JCOMPARE(shown["state"], "disconnected");
    JCOMPARE(shown["last_error"], nullptr);  // stopping is the user's choice, not an error
}

QTEST_GUILESS_MAIN(TestGmailConnect)
#include "test_gmail_connect.moc"
