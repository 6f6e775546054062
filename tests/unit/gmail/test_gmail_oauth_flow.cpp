// The installed-app sign-in end to end against the fake Google on loopback: the loopback listener,
// the authorization URL, a browser that follows Google's redirect, the code exchange, refresh
// (no refresh_token in the answer keeps the old one), revoke, and invalid_grant afterwards. The fake
// enforces client_secret, S256 and a byte-identical redirect_uri, so a sloppy client fails here.

#include <functional>

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

#include "fakes/fake_google_server.h"
#include "gmail/loopback_listener.h"
#include "gmail/token_client.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace rapport::fakes;
using namespace rapport::gmail;

Q_DECLARE_METATYPE(rapport::gmail::GmailErrorKind)

namespace {

constexpr int kWaitMs = 10'000;

struct Outcome {
    std::optional<TokenGrant> grant;
    std::optional<GmailError> error;
    bool revoked = false;
    int terminals = 0;
    bool started = false;
    bool endedInsideStart = false;
};

// Starts one TokenClient call and waits for its terminal signal (and a little longer, to catch a second).
Outcome run(TokenClient &client, const std::function<bool()> &start)
{
    Outcome out;
    QObject context;
    QObject::connect(&client, &TokenClient::tokensReceived, &context, [&](const TokenGrant &g) { out.grant = g; ++out.terminals; });
    QObject::connect(&client, &TokenClient::failed, &context, [&](const GmailError &e) { out.error = e; ++out.terminals; });
    QObject::connect(&client, &TokenClient::revoked, &context, [&] { out.revoked = true; ++out.terminals; });
    out.started = start();
    out.endedInsideStart = out.terminals > 0;
    if (out.started) {
        (void)QTest::qWaitFor([&] { return out.terminals > 0; }, kWaitMs);  // callers check the outcome
        QTest::qWait(20);
    }
    return out;
}

struct SignIn {
    AuthorizationAttempt attempt;
    QString code;
    std::optional<GmailError> error;
    BrowserResult browser;
};

} // namespace

class TestGmailOAuthFlow : public QObject {
    Q_OBJECT

    FakeGoogleServer *m_google = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    GoogleOAuthConfig m_config;

    // One browser sign-in: listener, URL, the fake's consent, the redirect back.
    SignIn signIn(const BrowserOptions &options = {}, const std::function<QUrl(const SignIn &)> &urlFor = {})
    {
        LoopbackListener listener;
        SignIn s;
        if (listener.listen())
            return s;
        s.attempt = AuthorizationAttempt::start(listener.port());
        listener.expect(s.attempt.state, m_config.expectedIssuer(), 10s);
        QObject::connect(&listener, &LoopbackListener::codeReceived, &listener, [&](const QString &c) { s.code = c; });
        QObject::connect(&listener, &LoopbackListener::failed, &listener, [&](const GmailError &e) { s.error = e; });
        if (urlFor)
            followAuthorizationUrl(urlFor(s), options);  // a stale tab first
        s.browser = followAuthorizationUrl(authorizationUrl(m_config, s.attempt), options);
        (void)QTest::qWaitFor([&] { return !s.code.isEmpty() || s.error; }, kWaitMs);  // callers check
        return s;
    }

    QList<RecordedRequest> requestsTo(const QByteArray &path) const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : m_google->requests())
            if (r.target == path || r.target.startsWith(QByteArray(path + '?')))
                out << r;
        return out;
    }

private slots:
    void init()
    {
        m_google = new FakeGoogleServer(this);
        QVERIFY(m_google->listen());
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_config = GoogleOAuthConfig();
        m_config.clientId = m_google->clientId();
        m_config.clientSecret = m_google->clientSecret();
        m_config.authUrl = m_google->authUrl();
        m_config.tokenUrl = m_google->tokenUrl();
        m_config.revokeUrl = m_google->revokeUrl();
        m_config.gmailApiUrl = m_google->gmailApiUrl();
        QVERIFY(!m_config.check());
    }

    void cleanup()
    {
        QVERIFY2(m_google->problems().isEmpty(), qPrintable(m_google->problems().join(u"; "_s)));
        delete m_google;
        delete m_network;
    }

    void connectRefreshRevoke()
    {
        BrowserOptions browser;
        browser.preconnect = true;
        browser.favicon = true;
        const SignIn s = signIn(browser);
        QVERIFY2(s.browser.error.isEmpty(), qPrintable(s.browser.error));
        QCOMPARE(s.browser.authorizeStatus, 302);
        for (const char *part : {"code=4%2F0A", "iss=http://127.0.0.1:", "authuser=0", "prompt=consent", "scope="})
            QVERIFY2(s.browser.location.contains(part), s.browser.location.constData());
        QCOMPARE(s.browser.loopbackStatus, 200);
        QVERIFY(s.browser.loopbackPage.contains("You can close this tab"));
        QVERIFY(!s.error);
        QVERIFY(s.code.startsWith(u"4/0A"_s));  // '/' came back decoded

        // The authorization request carried no secret and no verifier.
        const QByteArray authorize = requestsTo("/o/oauth2/v2/auth").value(0).target;
        QVERIFY(!authorize.contains("client_secret") && !authorize.contains(s.attempt.codeVerifier));

        TokenClient client(*m_network, m_config);
        const Outcome exchanged = run(client, [&] { return client.exchangeCode(s.code, s.attempt); });
        QVERIFY(exchanged.started && !exchanged.endedInsideStart);
        QVERIFY2(exchanged.grant, exchanged.error ? qPrintable(exchanged.error->detail) : "no answer");
        QCOMPARE(exchanged.terminals, 1);
        const GoogleTokens first = exchanged.grant->tokens;
        QVERIFY(first.hasAccessToken() && first.canRefresh());
        QVERIFY(!exchanged.grant->isPartial());
        QCOMPARE(first.grantedScopes, GoogleTokens::parseScopes(m_config.scopes.join(u' ')));
        QVERIFY(!first.expiresWithin(60s, QDateTime::currentDateTimeUtc()));
        QVERIFY(m_google->isAccessTokenLive(first.accessToken));

        // What went over the wire: every field, the redirect_uri byte for byte.
        const FormItems form = parseForm(requestsTo("/token").value(0).body);
        QCOMPARE(formValue(form, u"client_secret"_s), m_google->clientSecret());
        QCOMPARE(formValue(form, u"code_verifier"_s), QString::fromLatin1(s.attempt.codeVerifier));
        QCOMPARE(formValue(form, u"redirect_uri"_s), s.attempt.redirectUri);
        QCOMPARE(formValue(form, u"grant_type"_s), u"authorization_code"_s);

        // A code works once.
        const Outcome reused = run(client, [&] { return client.exchangeCode(s.code, s.attempt); });
        QVERIFY(reused.error);
        QCOMPARE(reused.error->kind, GmailErrorKind::ReconnectNeeded);

        const Outcome refreshed = run(client, [&] { return client.refresh(first); });
        QVERIFY2(refreshed.grant, refreshed.error ? qPrintable(refreshed.error->detail) : "no answer");
        QCOMPARE(m_google->refreshes(), 1);
        QVERIFY(refreshed.grant->tokens.accessToken != first.accessToken);
        QCOMPARE(refreshed.grant->tokens.refreshToken, first.refreshToken);  // none came back: kept
        QCOMPARE(refreshed.grant->tokens.grantedScopes, first.grantedScopes);

        const Outcome revoked = run(client, [&] { return client.revoke(refreshed.grant->tokens.refreshToken); });
        QVERIFY(revoked.revoked && !revoked.error);
        QVERIFY(!requestsTo("/revoke").value(0).target.contains("token="));
        QVERIFY(!m_google->isAccessTokenLive(refreshed.grant->tokens.accessToken));

        const Outcome afterRevoke = run(client, [&] { return client.refresh(refreshed.grant->tokens); });
        QVERIFY(afterRevoke.error);
        QCOMPARE(afterRevoke.error->kind, GmailErrorKind::ReconnectNeeded);
        QCOMPARE(afterRevoke.error->googleCode, u"invalid_grant"_s);

        // Google answers invalid_token for a dead token: still "revoked" for the caller.
        const Outcome again = run(client, [&] { return client.revoke(first.accessToken); });
        QVERIFY(again.revoked && !again.error);
    }

    void partialGrantIsReported()
    {
        m_google->setGrantableScopes(QStringList{QString::fromLatin1(kScopeReadonly)});
        const SignIn s = signIn();
        QVERIFY(!s.code.isEmpty());
        TokenClient client(*m_network, m_config);
        const Outcome out = run(client, [&] { return client.exchangeCode(s.code, s.attempt); });
        QVERIFY(out.grant);
        QVERIFY(out.grant->isPartial());
        QCOMPARE(out.grant->missingScopes, QStringList{QString::fromLatin1(kScopeCompose)});
    }

    void userDenies()
    {
        m_google->setConsent(Consent::Deny);
        const SignIn s = signIn();
        QVERIFY(s.error);
        QCOMPARE(s.error->kind, GmailErrorKind::Denied);
        QCOMPARE(s.browser.loopbackStatus, 200);
        QVERIFY(s.browser.loopbackPage.contains("close this tab"));
        QCOMPARE(m_google->codesIssued(), 0);
    }

    void staleTabIsIgnoredThenTheRealRedirectWorks()
    {
        const SignIn s = signIn({}, [this](const SignIn &current) {
            AuthorizationAttempt stale = AuthorizationAttempt::start(QUrl(current.attempt.redirectUri).port());
            return authorizationUrl(m_config, stale);
        });
        QVERIFY(!s.error);
        QVERIFY(!s.code.isEmpty());
        QCOMPARE(m_google->codesIssued(), 2);
        TokenClient client(*m_network, m_config);
        QVERIFY(run(client, [&] { return client.exchangeCode(s.code, s.attempt); }).grant);
    }

    void exchangeMistakesAreRefused_data()
    {
        QTest::addColumn<QString>("mistake");
        QTest::addColumn<GmailErrorKind>("kind");
        QTest::addColumn<QString>("googleCode");
        QTest::newRow("other verifier") << u"verifier"_s     << GmailErrorKind::ReconnectNeeded << u"invalid_grant"_s;
        QTest::newRow("localhost uri")  << u"redirect"_s     << GmailErrorKind::Rejected        << u"redirect_uri_mismatch"_s;
        QTest::newRow("no secret")      << u"no secret"_s    << GmailErrorKind::Rejected        << u"invalid_request"_s;
        QTest::newRow("wrong secret")   << u"wrong secret"_s << GmailErrorKind::Rejected        << u"invalid_client"_s;
        QTest::newRow("made-up code")   << u"code"_s         << GmailErrorKind::ReconnectNeeded << u"invalid_grant"_s;
    }
    void exchangeMistakesAreRefused()
    {
        QFETCH(QString, mistake);
        QFETCH(GmailErrorKind, kind);
        QFETCH(QString, googleCode);
        const SignIn s = signIn();
        QVERIFY(!s.code.isEmpty());
        AuthorizationAttempt attempt = s.attempt;
        QString code = s.code;
        GoogleOAuthConfig config = m_config;
        if (mistake == u"verifier"_s)
            attempt.codeVerifier = makeCodeVerifier();
        if (mistake == u"redirect"_s)
            attempt.redirectUri.replace(u"127.0.0.1"_s, u"localhost"_s);
        if (mistake == u"no secret"_s)
            config.clientSecret.clear();
        if (mistake == u"wrong secret"_s)
            config.clientSecret = u"guess"_s;
        if (mistake == u"code"_s)
            code = u"4/0Amade-up"_s;
        TokenClient client(*m_network, config);
        const Outcome out = run(client, [&] { return client.exchangeCode(code, attempt); });
        QVERIFY(out.error);
        QCOMPARE(out.error->kind, kind);
        QCOMPARE(out.error->googleCode, googleCode);
        QCOMPARE(out.terminals, 1);
        QVERIFY(!out.error->detail.contains(code) && !out.error->message.contains(code));
        QCOMPARE(m_google->exchanges(), 0);
    }

    void expiryFollowsTheClockAndExpiredTokensDie()
    {
        m_google->setAccessTokenLifetime(120);
        const SignIn s = signIn();
        TokenClient client(*m_network, m_config);
        const QDateTime fixed(QDate(2030, 5, 6), QTime(7, 8, 9), Qt::UTC);
        client.setClock([fixed] { return fixed; });
        const Outcome out = run(client, [&] { return client.exchangeCode(s.code, s.attempt); });
        QVERIFY(out.grant);
        QCOMPARE(out.grant->tokens.expiresAt, fixed.addSecs(120));
        QVERIFY(!out.grant->tokens.expiresWithin(60s, fixed.addSecs(59)));
        QVERIFY(out.grant->tokens.expiresWithin(60s, fixed.addSecs(60)));
        QVERIFY(m_google->isAccessTokenLive(out.grant->tokens.accessToken));
        m_google->expireAccessTokens();
        QVERIFY(!m_google->isAccessTokenLive(out.grant->tokens.accessToken));
        QVERIFY(run(client, [&] { return client.refresh(out.grant->tokens); }).grant);  // the refresh token lives on
    }

    void oversizedAnswerIsAProtocolError()
    {
        const SignIn s = signIn();
        GoogleOAuthConfig small = m_config;
        small.maxResponseBytes = 64;  // a real token answer is several times larger
        TokenClient client(*m_network, small);
        const Outcome out = run(client, [&] { return client.exchangeCode(s.code, s.attempt); });
        QVERIFY(out.error);
        QCOMPARE(out.error->kind, GmailErrorKind::Protocol);
        QCOMPARE(out.terminals, 1);
    }

    void oneCallAtATimeAndCancel()
    {
        GoogleTokens tokens;
        tokens.accessToken = u"a"_s;
        tokens.refreshToken = u"1//0unknown"_s;
        TokenClient client(*m_network, m_config);
        int terminals = 0;
        std::optional<GmailError> error;
        QObject::connect(&client, &TokenClient::failed, this, [&](const GmailError &e) { error = e; ++terminals; });
        QVERIFY(client.refresh(tokens));
        QVERIFY(client.isRunning());
        QVERIFY(!client.refresh(tokens));
        QVERIFY(!client.revoke(u"x"_s));
        client.cancel();
        QCOMPARE(terminals, 1);
        QCOMPARE(error->kind, GmailErrorKind::Cancelled);
        QTest::qWait(100);
        QCOMPARE(terminals, 1);
        QVERIFY(!client.isRunning());
    }

    void configurationAndTransportFailures()
    {
        GoogleOAuthConfig unconfigured = m_config;
        unconfigured.clientId.clear();
        TokenClient a(*m_network, unconfigured);
        Outcome out = run(a, [&] { return a.revoke(u"x"_s); });
        QVERIFY(!out.endedInsideStart && out.error);
        QCOMPARE(out.error->kind, GmailErrorKind::NotConfigured);

        TokenClient b(*m_network, m_config);
        GoogleTokens noRefresh;
        noRefresh.accessToken = u"a"_s;
        out = run(b, [&] { return b.refresh(noRefresh); });
        QVERIFY(!out.endedInsideStart && out.error);
        QCOMPARE(out.error->kind, GmailErrorKind::ReconnectNeeded);

        GoogleOAuthConfig down = m_config;
        QTcpServer closed;  // a port that was free a moment ago: nothing answers there
        QVERIFY(closed.listen(QHostAddress(QHostAddress::LocalHost), 0));
        down.tokenUrl = QUrl(u"http://127.0.0.1:%1/token"_s.arg(closed.serverPort()));
        closed.close();
        TokenClient c(*m_network, down);
        SignIn s;
        s.attempt = AuthorizationAttempt::start(1);
        out = run(c, [&] { return c.exchangeCode(u"4/0Ax"_s, s.attempt); });
        QVERIFY(out.error);
        QCOMPARE(out.error->kind, GmailErrorKind::Retryable);
    }
};

QTEST_GUILESS_MAIN(TestGmailOAuthFlow)
#include "test_gmail_oauth_flow.moc"
