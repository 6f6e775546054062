// The middleware chain around every route: body limit, JSON parsing, rate limit, error mapping, timing.

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <QtTest/QTest>

#include "router_fixture.h"

using namespace rapport;
using namespace rapport::test;
using namespace std::string_literals;

Q_DECLARE_METATYPE(rapport::ErrorCode)

class TestMiddleware : public QObject {
    Q_OBJECT

private slots:
    void bodyJson_data();
    void bodyJson();
    void bodyLimit();
    void handlerErrors_data();
    void handlerErrors();
    void exceptionsBecome500();
    void rateLimited();
    void malformedRequestsSpendTokens();
    void metricsPerRoute();
    void concurrentCallsAreCounted();
};

void TestMiddleware::bodyJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    QTest::newRow("empty")            << QByteArray()                      << 200;
    QTest::newRow("object")           << QByteArray(R"({"name":"Ann"})")   << 200;
    QTest::newRow("array")            << QByteArray(R"([1,2,3])")          << 200;
    QTest::newRow("spaces around")    << QByteArray(" \n{} \t")            << 200;
    QTest::newRow("truncated object") << QByteArray(R"({"name":"An)")      << 400;
    QTest::newRow("truncated array")  << QByteArray("[1,2")                << 400;
    QTest::newRow("open brace")       << QByteArray("{")                   << 400;
    QTest::newRow("single quotes")    << QByteArray("{'a':1}")             << 400;
    QTest::newRow("trailing comma")   << QByteArray(R"({"a":1,})")         << 400;
    QTest::newRow("trailing garbage") << QByteArray(R"({"a":1}x)")         << 400;
    QTest::newRow("two documents")    << QByteArray("{}{}")                << 400;
    QTest::newRow("bare string")      << QByteArray(R"("hello")")          << 400;
    QTest::newRow("number")           << QByteArray("42")                  << 400;
    QTest::newRow("null")             << QByteArray("null")                << 400;
    QTest::newRow("true")             << QByteArray("true")                << 400;
    QTest::newRow("whitespace only")  << QByteArray("   ")                 << 400;
    QTest::newRow("not json")         << QByteArray("name=Ann")            << 400;
    QTest::newRow("invalid utf-8")    << QByteArray("{\"a\":\"\xFF\"}")    << 400;
    QTest::newRow("lone utf-8 lead")  << QByteArray("\xC3")                << 400;
}

void TestMiddleware::bodyJson()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);

    Fixture f;
    f.router.post("/contacts", echo);
    const Response r = f.router.call(Method::Post, "/contacts", body.toStdString());
    QCOMPARE(r.status, status);
    if (status == 200) {
        const json expected = body.isEmpty() ? json() : json::parse(body.toStdString());
        QCOMPARE(r.body["json"], expected);
        return;
    }
    QCOMPARE(errorCode(r), "invalid_json"s);
    const std::string message = r.body["error"]["message"].get<std::string>();
    QVERIFY2(message.starts_with("Request body "), message.c_str());
    QVERIFY(!r.body.dump().empty());  // throws if the parser's echo of the body leaked invalid UTF-8
}

void TestMiddleware::bodyLimit()
{
    Fixture f(RateLimits::unlimited(), RouterOptions{64});
    f.router.post("/contacts", echo);

    const std::string atLimit = R"({"pad":")" + std::string(64 - 10, 'x') + R"("})";
    QCOMPARE(atLimit.size(), std::size_t(64));
    QCOMPARE(f.router.call(Method::Post, "/contacts", atLimit).status, 200);

    const std::string overLimit = R"({"pad":")" + std::string(64 - 9, 'x') + R"("})";
    const Response r = f.router.call(Method::Post, "/contacts", overLimit);
    QCOMPARE(r.status, 413);
    QCOMPARE(errorCode(r), "payload_too_large"s);
    QCOMPARE(r.body["error"]["message"], json("Request body is 65 bytes; the limit is 64"));

    // The size check comes before parsing: an oversized body is 413 whatever it contains.
    QCOMPARE(f.router.call(Method::Post, "/contacts", std::string(65, '{')).status, 413);
}

void TestMiddleware::handlerErrors_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("status");

    QTest::newRow("validation")  << ErrorCode::ValidationFailed << 422;
    QTest::newRow("not found")   << ErrorCode::NotFound         << 404;
    QTest::newRow("conflict")    << ErrorCode::Conflict         << 409;
    QTest::newRow("corrupt")     << ErrorCode::StoreCorrupt     << 500;
    QTest::newRow("unavailable") << ErrorCode::StoreUnavailable << 503;
}

void TestMiddleware::handlerErrors()
{
    QFETCH(ErrorCode, code);
    QFETCH(int, status);

    Error error = Error::make(code, "it failed", "email");
    error.details = {{"email", "it failed"}};
    Fixture f;
    f.router.patch("/contacts/:id", [error](const Request &) -> Result<Response> { return error; });

    const Response r = f.router.call(Method::Patch, "/contacts/7", "{}");
    QCOMPARE(r.status, status);
    QCOMPARE(r.body, error.toJson());
}

void TestMiddleware::exceptionsBecome500()
{
    Fixture f;
    f.router.get("/std", [](const Request &) -> Result<Response> { throw std::runtime_error("disk on fire"); });
    f.router.get("/other", [](const Request &) -> Result<Response> { throw 42; });
    f.router.get("/bad-utf8", [](const Request &) -> Result<Response> { throw std::runtime_error("x\xFFy"); });

    const Response r = f.router.call(Method::Get, "/std");
    QCOMPARE(r.status, 500);
    QCOMPARE(errorCode(r), "internal"s);
    QCOMPARE(r.body["error"]["message"], json("Internal error: disk on fire"));

    const Response other = f.router.call(Method::Get, "/other");
    QCOMPARE(other.status, 500);
    QCOMPARE(other.body["error"]["message"], json("Internal error"));

    const Response bad = f.router.call(Method::Get, "/bad-utf8");
    QCOMPARE(bad.body["error"]["message"], json("Internal error: x\xEF\xBF\xBDy"));
}

void TestMiddleware::rateLimited()
{
    RateLimits limits;
    limits[RouteClass::Write] = {2, 4, 0};  // 2 burst, one token back every 250 ms
    Fixture f(limits);
    f.router.post("/contacts", echo);
    f.router.get("/contacts", echo);  // reads stay unlimited

    QCOMPARE(f.router.call(Method::Post, "/contacts").status, 200);
    QCOMPARE(f.router.call(Method::Post, "/contacts").status, 200);
    const Response refused = f.router.call(Method::Post, "/contacts");
    QCOMPARE(refused.status, 429);
    QCOMPARE(errorCode(refused), "rate_limited"s);
    QCOMPARE(refused.body["error"]["retry_after_ms"], json(250));
    QCOMPARE(refused.body["error"]["message"], json("Too many requests; retry in 250 ms"));
    QCOMPARE(f.router.call(Method::Get, "/contacts").status, 200);

    Request other = Request::make(Method::Post, "/contacts");
    other.identity = "someone-else";
    QCOMPARE(f.router.handle(std::move(other)).status, 200);

    f.clock.advance(std::chrono::milliseconds(249));
    QCOMPARE(f.router.call(Method::Post, "/contacts").body["error"]["retry_after_ms"], json(1));
    f.clock.advance(std::chrono::milliseconds(1));
    QCOMPARE(f.router.call(Method::Post, "/contacts").status, 200);
}

void TestMiddleware::malformedRequestsSpendTokens()
{
    // A malformed or oversized request is still a request: it cannot be used to get past the limit,
    // and a refused caller's body is never parsed. Unknown paths take no token (no route class).
    RateLimits limits;
    limits[RouteClass::Write] = {2, 1, 0};
    Fixture f(limits, RouterOptions{16});
    f.router.post("/contacts", echo);

    QCOMPARE(f.router.call(Method::Post, "/nowhere").status, 404);
    QCOMPARE(f.router.call(Method::Post, "/contacts", "{").status, 400);
    QCOMPARE(f.router.call(Method::Post, "/contacts", std::string(17, ' ')).status, 413);
    QCOMPARE(f.router.call(Method::Post, "/contacts", "{}").status, 429);
    QCOMPARE(f.router.call(Method::Post, "/contacts", "{").status, 429);  // refused before parsing
}

void TestMiddleware::metricsPerRoute()
{
    Fixture f;
    f.router.get("/contacts/:id", [](const Request &r) -> Result<Response> {
        if (r.param("id") == "missing")
            return Error::notFound("contact");
        return Response::ok(json::object());
    });
    f.router.post("/contacts", echo);

    for (const char *target : {"/contacts/1", "/contacts/2", "/contacts/3/", "/contacts/missing"})
        (void)f.router.call(Method::Get, target);
    (void)f.router.call(Method::Post, "/contacts", "[");  // errors are timed too
    (void)f.router.call(Method::Get, "/unknown");        // no route, no histogram

    const json metrics = f.metrics.toJson();
    QCOMPARE(metrics["routes"].size(), std::size_t(2));
    const json &get = metrics["routes"]["GET /contacts/:id"];
    QCOMPARE(get["count"], json(4));
    QCOMPARE(metrics["routes"]["POST /contacts"]["count"], json(1));
    for (const char *key : {"p50_us", "p90_us", "p99_us", "max_us"}) {
        QVERIFY2(get[key].is_number(), key);
        QVERIFY2(get[key].get<double>() <= get["max_us"].get<double>(), key);
    }
    QCOMPARE(get.size(), std::size_t(5));
}

void TestMiddleware::concurrentCallsAreCounted()
{
    Fixture f;
    f.router.get("/contacts/:id", echo);
    constexpr int kThreads = 4;
    constexpr int kCalls = 2000;
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&f, &ok, t] {
            for (int i = 0; i < kCalls; ++i) {
                const std::string id = std::to_string(t) + "-" + std::to_string(i);
                const Response r = f.router.call(Method::Get, "/contacts/" + id);
                if (r.status == 200 && r.body["params"]["id"] == id)
                    ++ok;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(ok.load(), kThreads * kCalls);
    QCOMPARE(f.metrics.toJson()["routes"]["GET /contacts/:id"]["count"], json(kThreads * kCalls));
}

QTEST_GUILESS_MAIN(TestMiddleware)
#include "test_middleware.moc"
