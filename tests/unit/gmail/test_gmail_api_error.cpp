// Google's error bodies become errors a sales person understands and the code can act on
// (docs/protocols.md D): 401 refresh, 403 split by reason, 429/5xx retry, the rest refused.

#include <QtTest>

#include "gmail/gmail_api_call.h"

using namespace Qt::StringLiterals;
using rapport::gmail::GmailErrorKind;
using rapport::gmail::gmailApiError;

namespace {

QByteArray googleBody(int code, const char *reason, const char *message)
{
    return QByteArray(R"({"error":{"code":)") + QByteArray::number(code) + R"(,"message":")" + message +
           R"(","errors":[{"domain":"global","reason":")" + reason + R"(","message":")" + message + R"("}]}})";
}

} // namespace

class TestGmailApiError : public QObject {
    Q_OBJECT
private slots:
    void kinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("401 authError") << 401 << googleBody(401, "authError", "Invalid Credentials")
                                       << int(GmailErrorKind::Unauthorized) << u"authError"_s;
        QTest::newRow("403 scopes") << 403 << googleBody(403, "insufficientPermissions", "Request had insufficient authentication scopes.")
                                    << int(GmailErrorKind::Rejected) << u"insufficientPermissions"_s;
        QTest::newRow("403 user rate") << 403 << googleBody(403, "userRateLimitExceeded", "User Rate Limit Exceeded")
                                       << int(GmailErrorKind::Retryable) << u"userRateLimitExceeded"_s;
        QTest::newRow("429") << 429 << googleBody(429, "rateLimitExceeded", "User-rate limit exceeded")
                             << int(GmailErrorKind::Retryable) << u"rateLimitExceeded"_s;
        QTest::newRow("503 backend") << 503 << googleBody(503, "backendError", "Backend Error")
                                     << int(GmailErrorKind::Retryable) << u"backendError"_s;
        QTest::newRow("404") << 404 << googleBody(404, "notFound", "Requested entity was not found.")
                             << int(GmailErrorKind::Rejected) << u"notFound"_s;
        QTest::newRow("500 not JSON") << 500 << QByteArray("<html>oops</html>") << int(GmailErrorKind::Retryable) << QString();
        QTest::newRow("400 empty") << 400 << QByteArray() << int(GmailErrorKind::Rejected) << QString();
    }
    void kinds()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, reason);
        const auto e = gmailApiError(status, body, 7000);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.googleCode, reason);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.retryAfterMs, qint64(7000));
        QVERIFY(!e.message.isEmpty());
        QVERIFY(!e.message.contains(u"HTTP"_s));  // the user's sentence; the status lives in detail
    }

    void missingScopeAsksToReconnect()
    {
        const auto e = gmailApiError(403, googleBody(403, "insufficientPermissions", "insufficient scopes"), -1);
        QVERIFY(e.message.contains(u"connect Gmail again"_s));
    }
};

QTEST_MAIN(TestGmailApiError)
#include "test_gmail_api_error.moc"
