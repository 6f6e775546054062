// PKCE (RFC 7636) and the authorization request: the published vector, fresh random values per
// attempt, and a URL whose every parameter is percent-encoded and which never holds the secret.

#include <QSet>
#include <QtTest>

#include "gmail/oauth_pkce.h"

using namespace Qt::StringLiterals;
using namespace rapport::gmail;

namespace {

bool onlyBase64UrlChars(QByteArrayView text)
{
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

// The query as a server decodes it: '&'-separated, '+' a space, %XX a byte. Keys in order.
QList<std::pair<QString, QString>> decodeQuery(const QByteArray &query)
{
    QList<std::pair<QString, QString>> out;
    for (QByteArray pair : query.split('&')) {
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(eq + 1)))});
    }
    return out;
}

GoogleOAuthConfig config()
{
    GoogleOAuthConfig c;
    c.clientId = u"123-abc.apps.googleusercontent.com"_s;
    c.clientSecret = u"GOCSPX-very-secret+value"_s;
    return c;
}

} // namespace

class TestOAuthPkce : public QObject {
    Q_OBJECT
private slots:
    void rfc7636AppendixB()
    {
        QCOMPARE(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void challengeIsAlways43Base64UrlChars()
    {
        for (const QByteArray &verifier : {QByteArray(43, 'a'), QByteArray(128, '~'), makeCodeVerifier()}) {
            const QByteArray challenge = codeChallengeS256(verifier);
            QCOMPARE(challenge.size(), 43);
            QVERIFY(onlyBase64UrlChars(challenge));
        }
    }

    void verifierAndStateAreFreshAndWellFormed()
    {
        QSet<QByteArray> verifiers, states;
        for (int i = 0; i < 200; ++i) {
            const QByteArray verifier = makeCodeVerifier();
            QCOMPARE(verifier.size(), 86);  // 64 random bytes
            QVERIFY2(onlyBase64UrlChars(verifier), verifier.constData());
            QVERIFY(isValidCodeVerifier(verifier));
            verifiers.insert(verifier);
            const QByteArray state = makeState();
            QCOMPARE(state.size(), 43);  // 32 random bytes
            QVERIFY2(onlyBase64UrlChars(state), state.constData());
            states.insert(state);
        }
        QCOMPARE(verifiers.size(), 200);
        QCOMPARE(states.size(), 200);
    }

    void verifierRules_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("42 chars")        << QByteArray(42, 'a')                 << false;
        QTest::newRow("43 chars")        << QByteArray(43, 'a')                 << true;
        QTest::newRow("128 chars")       << QByteArray(128, 'Z')                << true;
        QTest::newRow("129 chars")       << QByteArray(129, 'Z')                << false;
        QTest::newRow("unreserved set")  << QByteArray("-._~").repeated(11)     << true;
        QTest::newRow("plus")            << QByteArray(42, 'a') + '+'           << false;
        QTest::newRow("slash")           << QByteArray(42, 'a') + '/'           << false;
        QTest::newRow("padding")         << QByteArray(42, 'a') + '='           << false;
        QTest::newRow("space")           << QByteArray(42, 'a') + ' '           << false;
        QTest::newRow("non-ASCII")       << QByteArray(42, 'a') + "\xc3\xa9"    << false;
        QTest::newRow("empty")           << QByteArray()                        << false;
    }
    void verifierRules()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(isValidCodeVerifier(verifier), valid);
    }

    void attemptsNeverShareValues()
    {
        const AuthorizationAttempt a = AuthorizationAttempt::start(50123);
        const AuthorizationAttempt b = AuthorizationAttempt::start(50123);
        QVERIFY(a.codeVerifier != b.codeVerifier);
        QVERIFY(a.state != b.state);
        QCOMPARE(a.codeChallenge, codeChallengeS256(a.codeVerifier));
        QCOMPARE(b.codeChallenge, codeChallengeS256(b.codeVerifier));
        QCOMPARE(a.redirectUri, u"http://127.0.0.1:50123"_s);
        QCOMPARE(loopbackRedirectUri(8), u"http://127.0.0.1:8"_s);
    }

    void authorizationUrlCarriesEveryParameterOnce()
    {
        const GoogleOAuthConfig c = config();
        const AuthorizationAttempt attempt = AuthorizationAttempt::start(41234);
        const QUrl url = authorizationUrl(c, attempt, u"ann+crm@example.com"_s);
        QCOMPARE(url.scheme(), u"https"_s);
        QCOMPARE(url.host(), u"accounts.google.com"_s);
        QCOMPARE(url.path(), u"/o/oauth2/v2/auth"_s);

        const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
        const auto items = decodeQuery(query);
        QMap<QString, QString> values;
        for (const auto &[key, value] : items) {
            QVERIFY2(!values.contains(key), qPrintable(u"repeated "_s + key));
            values.insert(key, value);
        }
        const QMap<QString, QString> expected = {
            {u"client_id"_s, c.clientId},
            {u"redirect_uri"_s, u"http://127.0.0.1:41234"_s},
            {u"response_type"_s, u"code"_s},
            {u"scope"_s, u"https://www.googleapis.com/auth/gmail.compose https://www.googleapis.com/auth/gmail.readonly"_s},
            {u"state"_s, QString::fromLatin1(attempt.state)},
            {u"code_challenge"_s, QString::fromLatin1(attempt.codeChallenge)},
            {u"code_challenge_method"_s, u"S256"_s},
            {u"access_type"_s, u"offline"_s},
            {u"prompt"_s, u"consent"_s},
            {u"login_hint"_s, u"ann+crm@example.com"_s},
        };
        QCOMPARE(values, expected);

        // Percent-encoded on the wire: no raw ':' '/' ' ' '+' '@' in any value.
        QVERIFY2(query.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A41234"), query.constData());
        QVERIFY2(query.contains("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.compose%20https%3A"),
                 query.constData());
        QVERIFY2(query.contains("login_hint=ann%2Bcrm%40example.com"), query.constData());
        QVERIFY(!query.contains(' '));
    }

    void authorizationUrlNeverHoldsTheSecretOrVerifier()
    {
        const GoogleOAuthConfig c = config();
        const AuthorizationAttempt attempt = AuthorizationAttempt::start(41234);
        const QUrl url = authorizationUrl(c, attempt);
        for (const QString &text : {url.toString(QUrl::FullyEncoded), url.toString(), url.toDisplayString()}) {
            QVERIFY(!text.contains(u"very-secret"_s));
            QVERIFY(!text.contains(u"client_secret"_s));
            QVERIFY(!text.contains(QString::fromLatin1(attempt.codeVerifier)));
        }
        QVERIFY(!url.query().contains(u"login_hint"_s));
    }

    void specialCharactersStayData()
    {
        GoogleOAuthConfig c = config();
        c.clientId = u"id+with&odd=chars#and space/é"_s;
        c.authUrl = QUrl(u"https://login.example.test/authorize?tenant=a%26b&x=1"_s);
        const QUrl url = authorizationUrl(c, AuthorizationAttempt::start(1));
        QVERIFY(url.isValid());
        QVERIFY(!url.hasFragment());
        const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
        QVERIFY2(query.startsWith("tenant=a%26b&x=1&client_id="), query.constData());
        QString clientId;
        for (const auto &[key, value] : decodeQuery(query))
            if (key == u"client_id"_s)
                clientId = value;
        QCOMPARE(clientId, c.clientId);
    }

    void formEncodingIsStrict()
    {
        QCOMPARE(formEncode({}), QByteArray());
        QCOMPARE(formEncode({{"a", u"x y"_s}, {"b", u"1+1=2&3"_s}}), QByteArray("a=x%20y&b=1%2B1%3D2%263"));
        QCOMPARE(formEncode({{"code", u"4/0AbC-_.~"_s}}), QByteArray("code=4%2F0AbC-_.~"));
        QCOMPARE(formEncode({{"name", u"Пётр"_s}}), QByteArray("name=%D0%9F%D1%91%D1%82%D1%80"));
    }
};

QTEST_GUILESS_MAIN(TestOAuthPkce)
#include "test_oauth_pkce.moc"
