// The token values and what Google's token endpoint answers, read without a network: the keychain
// JSON form, expiry with a margin, partial grants, refresh answers without a refresh_token, error
// bodies typed by code and status; and the OAuth configuration's checks and environment overrides.

#include <QtTest>

#include "gmail/oauth_config.h"
#include "gmail/token_answer.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace rapport;
using namespace rapport::gmail;

Q_DECLARE_METATYPE(rapport::gmail::GmailErrorKind)

namespace {

const QString kCompose = QString::fromLatin1(kScopeCompose);
const QString kReadonly = QString::fromLatin1(kScopeReadonly);
const QDateTime kNow = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);

GoogleTokens sampleTokens()
{
    GoogleTokens t;
    t.accessToken = u"ya29.a0Af-access"_s;
    t.refreshToken = u"1//0g-refresh"_s;
    t.expiresAt = kNow.addSecs(3599);
    t.grantedScopes = GoogleTokens::parseScopes(kReadonly + u' ' + kCompose);
    return t;
}

const QStringList kRequested = {kCompose, kReadonly};

const char *const kEnvironment[] = {"RAPPORT_GOOGLE_CLIENT_ID", "RAPPORT_GOOGLE_CLIENT_SECRET", "RAPPORT_GOOGLE_AUTH_URL",
                                    "RAPPORT_GOOGLE_TOKEN_URL", "RAPPORT_GOOGLE_REVOKE_URL", "RAPPORT_GMAIL_API_URL"};

} // namespace

class TestGoogleTokens : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        for (const char *name : kEnvironment)
            qunsetenv(name);
    }
    void cleanup() { init(); }

    void secretJsonRoundTrip()
    {
        const GoogleTokens t = sampleTokens();
        GoogleTokens back;
        QVERIFY(GoogleTokens::fromSecretJson(t.toSecretJson(), back));
        QCOMPARE(back, t);

        GoogleTokens noRefresh = t;
        noRefresh.refreshToken.clear();
        noRefresh.expiresAt = {};
        QVERIFY(GoogleTokens::fromSecretJson(noRefresh.toSecretJson(), back));
        QVERIFY(!back.canRefresh());
        QVERIFY(!back.expiresAt.isValid());
        QCOMPARE(back, noRefresh);
    }

    void unreadableSecretLeavesTheOutputAlone()
    {
        const GoogleTokens before = sampleTokens();
        for (const QByteArray &text : {QByteArray("not json"), QByteArray("[1,2]"), QByteArray("{}"),
                                       QByteArray(R"({"access_token":42})"), QByteArray(R"({"access_token":""})")}) {
            GoogleTokens out = before;
            QVERIFY2(!GoogleTokens::fromSecretJson(text, out), text.constData());
            QCOMPARE(out, before);
        }
        GoogleTokens minimal;
        QVERIFY(GoogleTokens::fromSecretJson(R"({"access_token":"x"})", minimal));
        QCOMPARE(minimal.tokenType, u"Bearer"_s);  // the default survives a value that lacks it
    }

    void expiresWithinAMargin()
    {
        GoogleTokens t = sampleTokens();
        t.expiresAt = kNow.addSecs(90);
        QVERIFY(!t.expiresWithin(60s, kNow));
        QVERIFY(!t.expiresWithin(60s, kNow.addSecs(29)));
        QVERIFY(t.expiresWithin(60s, kNow.addSecs(30)));  // exactly at the margin: refresh
        QVERIFY(t.expiresWithin(0s, kNow.addSecs(90)));
        QVERIFY(t.expiresWithin(60s, kNow.addSecs(600)));
        t.expiresAt = {};
        QVERIFY(t.expiresWithin(0s, kNow));
        t = sampleTokens();
        t.accessToken.clear();
        QVERIFY(t.expiresWithin(0s, kNow));
    }

    void scopes()
    {
        QCOMPARE(GoogleTokens::parseScopes(u"  b a  b c "_s), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(GoogleTokens::parseScopes({}), QStringList());
        GoogleTokens t;
        t.grantedScopes = {kReadonly};
        QCOMPARE(t.missingScopes(kRequested), QStringList{kCompose});
        t.grantedScopes = GoogleTokens::parseScopes(kRequested.join(u' '));
        QVERIFY(t.missingScopes(kRequested).isEmpty());
    }

    void exchangeAnswer()
    {
        // No raw strings with "//" in this file: moc reads them as comments and loses the class.
        const QByteArray body = "{\"access_token\":\"ya29.new\",\"expires_in\":3599,\"refresh_token\":\"1//0new\","
                                "\"scope\":\"https://www.googleapis.com/auth/gmail.readonly "
                                "https://www.googleapis.com/auth/gmail.compose\",\"token_type\":\"Bearer\"}";
        const auto answer = readTokenAnswer(body, kRequested, nullptr, kNow);
        const auto *grant = std::get_if<TokenGrant>(&answer);
        QVERIFY(grant);
        QCOMPARE(grant->tokens.accessToken, u"ya29.new"_s);
        QCOMPARE(grant->tokens.refreshToken, u"1//0new"_s);
        QCOMPARE(grant->tokens.expiresAt, kNow.addSecs(3599));
        QCOMPARE(grant->tokens.grantedScopes, GoogleTokens::parseScopes(kRequested.join(u' ')));
        QVERIFY(!grant->isPartial());
    }

    void exchangeWithoutRefreshTokenHasNone()
    {
        const auto answer = readTokenAnswer(R"({"access_token":"a","token_type":"bearer"})", kRequested, nullptr, kNow);
        const auto *grant = std::get_if<TokenGrant>(&answer);
        QVERIFY(grant);
        QVERIFY(!grant->tokens.canRefresh());
        QCOMPARE(grant->tokens.expiresAt, kNow.addSecs(3600));  // no expires_in: Google's hour
        QCOMPARE(grant->tokens.grantedScopes, GoogleTokens::parseScopes(kRequested.join(u' ')));  // RFC 6749 §5.1
    }

    void absurdLifetimesAreBounded()
    {
        const auto huge = readTokenAnswer(R"({"access_token":"a","expires_in":1e300})", kRequested, nullptr, kNow);
        QCOMPARE(std::get<TokenGrant>(huge).tokens.expiresAt, kNow.addSecs(366 * 24 * 3600));
        const auto negative = readTokenAnswer(R"({"access_token":"a","expires_in":-5})", kRequested, nullptr, kNow);
        QCOMPARE(std::get<TokenGrant>(negative).tokens.expiresAt, kNow.addSecs(3600));
    }

    void refreshKeepsTheOldRefreshTokenAndScopes()
    {
        const GoogleTokens previous = sampleTokens();
        const auto answer = readTokenAnswer(R"({"access_token":"ya29.fresh","expires_in":120})", kRequested, &previous,
                                            kNow.addSecs(4000));
        const auto *grant = std::get_if<TokenGrant>(&answer);
        QVERIFY(grant);
        QCOMPARE(grant->tokens.accessToken, u"ya29.fresh"_s);
        QCOMPARE(grant->tokens.refreshToken, previous.refreshToken);
        QCOMPARE(grant->tokens.grantedScopes, previous.grantedScopes);
        QCOMPARE(grant->tokens.expiresAt, kNow.addSecs(4120));

        const auto rotated = readTokenAnswer("{\"access_token\":\"b\",\"refresh_token\":\"1//0rotated\"}", kRequested,
                                             &previous, kNow);
        QCOMPARE(std::get<TokenGrant>(rotated).tokens.refreshToken, u"1//0rotated"_s);
    }

    void partialGrantIsReported()
    {
        const QByteArray body = "{\"access_token\":\"a\",\"scope\":\"https://www.googleapis.com/auth/gmail.readonly\"}";
        const auto answer = readTokenAnswer(body, kRequested, nullptr, kNow);
        const TokenGrant &grant = std::get<TokenGrant>(answer);
        QVERIFY(grant.isPartial());
        QCOMPARE(grant.missingScopes, QStringList{kCompose});
    }

    void unusableAnswersAreProtocolErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json")         << QByteArray("<html>Service Unavailable</html>");
        QTest::newRow("array")            << QByteArray(R"(["access_token"])");
        QTest::newRow("no access token")  << QByteArray(R"({"expires_in":3599})");
        QTest::newRow("empty token")      << QByteArray(R"({"access_token":""})");
        QTest::newRow("mac token")        << QByteArray(R"({"access_token":"a","token_type":"mac"})");
        QTest::newRow("empty body")       << QByteArray();
    }
    void unusableAnswersAreProtocolErrors()
    {
        QFETCH(QByteArray, body);
        const auto answer = readTokenAnswer(body, kRequested, nullptr, kNow);
        const auto *error = std::get_if<GmailError>(&answer);
        QVERIFY(error);
        QCOMPARE(error->kind, GmailErrorKind::Protocol);
    }

    void tokenEndpointErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<GmailErrorKind>("kind");
        QTest::addColumn<QString>("googleCode");
        const auto err = [](const char *code) -> QByteArray {
            return QByteArray("{\"error\":\"") + code + "\",\"error_description\":\"Bad Request\"}";
        };
        QTest::newRow("invalid_grant")   << 400 << err("invalid_grant")         << GmailErrorKind::ReconnectNeeded << u"invalid_grant"_s;
        QTest::newRow("invalid_client")  << 401 << err("invalid_client")        << GmailErrorKind::Rejected        << u"invalid_client"_s;
        QTest::newRow("no secret")       << 400 << err("invalid_request")       << GmailErrorKind::Rejected        << u"invalid_request"_s;
        QTest::newRow("redirect")        << 400 << err("redirect_uri_mismatch") << GmailErrorKind::Rejected        << u"redirect_uri_mismatch"_s;
        QTest::newRow("429")             << 429 << err("rate_limit_exceeded")   << GmailErrorKind::Retryable       << u"rate_limit_exceeded"_s;
        QTest::newRow("503 html")        << 503 << QByteArray("<html>")         << GmailErrorKind::Retryable       << QString();
        QTest::newRow("408")             << 408 << QByteArray()                 << GmailErrorKind::Retryable       << QString();
        QTest::newRow("400 non-json")    << 400 << QByteArray("nope")           << GmailErrorKind::Rejected        << QString();
    }
    void tokenEndpointErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(GmailErrorKind, kind);
        QFETCH(QString, googleCode);
        const GmailError e = tokenEndpointError(status, body, 2500);
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.googleCode, googleCode);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.retryAfterMs, kind == GmailErrorKind::Retryable ? 2500 : -1);
        QVERIFY(!e.message.isEmpty());
        QVERIFY(e.detail.startsWith(u"HTTP %1"_s.arg(status)));
        QCOMPARE(oauthErrorCode(body), googleCode);
    }

    void gatewayErrorMapping()
    {
        const Error notConfigured = toGatewayError(makeGmailError(GmailErrorKind::NotConfigured));
        QCOMPARE(notConfigured.code, ErrorCode::ValidationFailed);
        QCOMPARE(notConfigured.field, std::string("client_id"));
        GmailError grant = tokenEndpointError(400, R"({"error":"invalid_grant"})", -1);
        const Error reconnect = toGatewayError(grant);
        QCOMPARE(reconnect.code, ErrorCode::Upstream);
        QCOMPARE(reconnect.details.size(), size_t(2));
        QCOMPARE(reconnect.details[0].message, std::string("reconnect_needed"));
        QCOMPARE(reconnect.details[1].message, std::string("invalid_grant"));
        QCOMPARE(toGatewayError(makeGmailError(GmailErrorKind::Cancelled)).code, ErrorCode::Cancelled);
        QCOMPARE(toGatewayError(makeGmailError(GmailErrorKind::Internal)).code, ErrorCode::Internal);
    }

    void configCheck_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");  // empty: accepted
        QTest::newRow("defaults")       << QString()          << QString()                        << QString();
        QTest::newRow("empty id")       << u"client_id"_s     << u" "_s                           << u"client_id"_s;
        QTest::newRow("loopback http")  << u"auth_url"_s      << u"http://127.0.0.1:8080/auth"_s  << QString();
        QTest::newRow("localhost http") << u"token_url"_s     << u"http://localhost:9/token"_s    << QString();
        QTest::newRow("ipv6 loopback")  << u"revoke_url"_s    << u"http://[::1]:9/revoke"_s       << QString();
        QTest::newRow("remote http")    << u"token_url"_s     << u"http://oauth.example.com/t"_s  << u"token_url"_s;
        QTest::newRow("relative")       << u"gmail_api_url"_s << u"/gmail"_s                       << u"gmail_api_url"_s;
        QTest::newRow("ftp")            << u"auth_url"_s      << u"ftp://127.0.0.1/auth"_s        << u"auth_url"_s;
        QTest::newRow("no scopes")      << u"scopes"_s        << QString()                        << u"scopes"_s;
    }
    void configCheck()
    {
        QFETCH(QString, setting);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        GoogleOAuthConfig c;
        c.clientId = u"id.apps.googleusercontent.com"_s;
        c.clientSecret = u"GOCSPX-secret"_s;
        if (setting == u"client_id"_s) c.clientId = value;
        if (setting == u"auth_url"_s) c.authUrl = QUrl(value);
        if (setting == u"token_url"_s) c.tokenUrl = QUrl(value);
        if (setting == u"revoke_url"_s) c.revokeUrl = QUrl(value);
        if (setting == u"gmail_api_url"_s) c.gmailApiUrl = QUrl(value);
        if (setting == u"scopes"_s) c.scopes.clear();
        const auto error = c.check();
        QCOMPARE(error.has_value(), !problem.isEmpty());
        if (!error)
            return;
        QCOMPARE(error->kind, GmailErrorKind::NotConfigured);
        if (problem != u"scopes"_s)
            QVERIFY2(error->detail.contains(problem), qPrintable(error->detail));
        QVERIFY(!error->message.contains(u"GOCSPX"_s) && !error->detail.contains(u"GOCSPX"_s));
    }

    void issuerIsTheAuthorizeOrigin()
    {
        GoogleOAuthConfig c;
        QCOMPARE(c.expectedIssuer(), u"https://accounts.google.com"_s);
        c.authUrl = QUrl(u"http://user:pw@127.0.0.1:5555/o/oauth2/v2/auth?x=1#f"_s);
        QCOMPARE(c.expectedIssuer(), u"http://127.0.0.1:5555"_s);
    }

    void environmentOverrides()
    {
        qputenv("RAPPORT_GOOGLE_CLIENT_ID", "env-id");
        qputenv("RAPPORT_GOOGLE_CLIENT_SECRET", "env-secret");
        qputenv("RAPPORT_GOOGLE_AUTH_URL", "http://127.0.0.1:1/auth");
        qputenv("RAPPORT_GOOGLE_TOKEN_URL", "http://127.0.0.1:1/token");
        qputenv("RAPPORT_GOOGLE_REVOKE_URL", "");  // empty: ignored
        qputenv("RAPPORT_GMAIL_API_URL", "http://127.0.0.1:2");
        GoogleOAuthConfig base;
        base.clientId = u"settings-id"_s;
        const GoogleOAuthConfig c = GoogleOAuthConfig::withEnvironment(base);
        QCOMPARE(c.clientId, u"env-id"_s);
        QCOMPARE(c.clientSecret, u"env-secret"_s);
        QCOMPARE(c.authUrl, QUrl(u"http://127.0.0.1:1/auth"_s));
        QCOMPARE(c.tokenUrl, QUrl(u"http://127.0.0.1:1/token"_s));
        QCOMPARE(c.revokeUrl, GoogleOAuthConfig().revokeUrl);
        QCOMPARE(c.gmailApiUrl, QUrl(u"http://127.0.0.1:2"_s));
        QVERIFY(!c.check());
        QCOMPARE(c.expectedIssuer(), u"http://127.0.0.1:1"_s);
    }

    void unparsableEnvironmentUrlIsReportedNotIgnored()
    {
        qputenv("RAPPORT_GOOGLE_CLIENT_ID", "env-id");
        qputenv("RAPPORT_GOOGLE_TOKEN_URL", "http://[broken");
        const GoogleOAuthConfig c = GoogleOAuthConfig::withEnvironment();
        QVERIFY(c.tokenUrl != GoogleOAuthConfig().tokenUrl);
        const auto error = c.check();
        QVERIFY(error);
        QCOMPARE(error->kind, GmailErrorKind::NotConfigured);
        QVERIFY(error->detail.contains(u"token_url"_s));
    }
};

QTEST_GUILESS_MAIN(TestGoogleTokens)
#include "test_google_tokens.moc"
