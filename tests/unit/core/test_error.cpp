// Error codes, their one status mapping, and the JSON shape every error response has.

#include "core/error.h"

#include <QtTest/QTest>

#include "core_test_support.h"

using namespace rapport;
using json = nlohmann::json;

Q_DECLARE_METATYPE(rapport::ErrorCode)

class TestError : public QObject {
    Q_OBJECT

private slots:
    void codeAndStatus_data();
    void codeAndStatus();
    void minimalJson();
    void fullJson();
    void validationTakesFirstField();
    void notFoundMessage();
};

void TestError::codeAndStatus_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("status");

    QTest::newRow("bad_request")        << ErrorCode::BadRequest       << QByteArray("bad_request")        << 400;
    QTest::newRow("invalid_json")       << ErrorCode::InvalidJson      << QByteArray("invalid_json")       << 400;
    QTest::newRow("validation_failed")  << ErrorCode::ValidationFailed << QByteArray("validation_failed")  << 422;
    QTest::newRow("unauthenticated")    << ErrorCode::Unauthenticated  << QByteArray("unauthenticated")    << 401;
    QTest::newRow("not_found")          << ErrorCode::NotFound         << QByteArray("not_found")          << 404;
    QTest::newRow("method_not_allowed") << ErrorCode::MethodNotAllowed << QByteArray("method_not_allowed") << 405;
    QTest::newRow("conflict")           << ErrorCode::Conflict         << QByteArray("conflict")           << 409;
    QTest::newRow("payload_too_large")  << ErrorCode::PayloadTooLarge  << QByteArray("payload_too_large")  << 413;
    QTest::newRow("rate_limited")       << ErrorCode::RateLimited      << QByteArray("rate_limited")       << 429;
    QTest::newRow("store_corrupt")      << ErrorCode::StoreCorrupt     << QByteArray("store_corrupt")      << 500;
    QTest::newRow("store_too_new")      << ErrorCode::StoreTooNew      << QByteArray("store_too_new")      << 500;
    QTest::newRow("store_unavailable")  << ErrorCode::StoreUnavailable << QByteArray("store_unavailable")  << 503;
    QTest::newRow("upstream_error")     << ErrorCode::Upstream         << QByteArray("upstream_error")     << 502;
    QTest::newRow("cancelled")          << ErrorCode::Cancelled        << QByteArray("cancelled")          << 499;
    QTest::newRow("internal")           << ErrorCode::Internal         << QByteArray("internal")           << 500;
}

void TestError::codeAndStatus()
{
    QFETCH(ErrorCode, code);
    QFETCH(QByteArray, name);
    QFETCH(int, status);

    QCOMPARE(codeName(code), std::string_view(name.constData()));
    QCOMPARE(httpStatus(code), status);
    QCOMPARE(Error::make(code, "m").status(), status);
}

void TestError::minimalJson()
{
    const json expected = {{"error", {{"code", "conflict"}, {"message", "id already exists"}}}};
    QCOMPARE(Error::make(ErrorCode::Conflict, "id already exists").toJson(), expected);
}

void TestError::fullJson()
{
    Error e = Error::make(ErrorCode::RateLimited, "slow down", "name");
    e.details = {{"name", "too long"}, {"email", "missing @"}};
    e.retryAfterMs = 0;  // zero is a real value, only negative means "not set"

    const json expected = {{"error",
                            {{"code", "rate_limited"},
                             {"message", "slow down"},
                             {"field", "name"},
                             {"details", {{{"field", "name"}, {"message", "too long"}},
                                          {{"field", "email"}, {"message", "missing @"}}}},
                             {"retry_after_ms", 0}}}};
    QCOMPARE(e.toJson(), expected);
}

void TestError::validationTakesFirstField()
{
    const Error e = Error::validation({{"email", "must contain @"}, {"name", "required"}});
    QCOMPARE(e.code, ErrorCode::ValidationFailed);
    QCOMPARE(e.field, std::string("email"));
    QCOMPARE(e.message, std::string("must contain @"));
    QCOMPARE(e.details.size(), std::size_t(2));
    QCOMPARE(e.status(), 422);
    QCOMPARE(e.toJson()["error"]["details"][1]["field"], json("name"));
}

void TestError::notFoundMessage()
{
    const Error e = Error::notFound("contact");
    QCOMPARE(e.code, ErrorCode::NotFound);
    QCOMPARE(e.message, std::string("contact not found"));
    QVERIFY(!e.toJson()["error"].contains("field"));
    QVERIFY(!e.toJson()["error"].contains("retry_after_ms"));
}

QTEST_GUILESS_MAIN(TestError)
#include "test_error.moc"
