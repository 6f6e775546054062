// Plain HTTP behaviour of rapport-server's HTTP layer: JSON in and out, limits, timeouts, concurrency,
// ordering, the access log, and the parser's refusals seen from a real socket.

#include <memory>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include "http_server_test.h"
#include "support/jcompare.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::test;
using rapport::server::HttpServer;
using rapport::server::HttpServerOptions;

namespace {

const QHostAddress kLoopback(QHostAddress::LocalHost);

nlohmann::json replyJson(QNetworkReply *reply)
{
    return nlohmann::json::parse(reply->readAll().toStdString(), nullptr, false);
}

} // namespace

void TestHttpServer::getAndPostJson()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    const QString base = u"http://127.0.0.1:"_s + QString::number(server.serverPort());
    QNetworkAccessManager nam;

    std::unique_ptr<QNetworkReply> get(nam.get(QNetworkRequest(QUrl(base + u"/echo?q=ann%20lee"_s))));
    QTRY_VERIFY(get->isFinished());
    QCOMPARE(get->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(get->rawHeader("Content-Type"), "application/json; charset=utf-8");
    const nlohmann::json got = replyJson(get.get());
    JCOMPARE(got["path"], "/echo");
    JCOMPARE(got["query"]["q"], "ann lee");
    JCOMPARE(got["identity"], "address:127.0.0.1");  // never the desktop's trusted "local"
    JCOMPARE(got["remote"], "127.0.0.1");
    JCOMPARE(got["has_token"], false);

    QNetworkRequest post(QUrl(base + u"/echo"_s));
    post.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    post.setRawHeader("Authorization", "Bearer abc123");
    std::unique_ptr<QNetworkReply> posted(nam.post(post, R"({"name":"Ann Lee","tags":["a"]})"));
    QTRY_VERIFY(posted->isFinished());
    QCOMPARE(posted->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const nlohmann::json echoed = replyJson(posted.get());
    JCOMPARE(echoed["json"], (nlohmann::json{{"name", "Ann Lee"}, {"tags", {"a"}}}));
    JCOMPARE(echoed["has_token"], true);
}

void TestHttpServer::malformedJsonGetsTheRoutersError()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient client(server.serverPort());
    client.send(requestBytes("POST", "/echo", "{\"name\": "));
    QTRY_COMPARE(parseResponses(client.received).size(), 1);
    const ParsedResponse r = parseResponses(client.received).first();
    QCOMPARE(r.status, 400);
    JCOMPARE(r.json()["error"]["code"], "invalid_json");
    QVERIFY(!client.closed);  // a well-framed request with a bad body keeps the connection
}

void TestHttpServer::bodyOverLimitIsRefusedBeforeItIsRead()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient client(server.serverPort());
    // Headers only: 100 MiB announced and never sent. The reply cannot wait for the body.
    client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 104857600\r\n\r\n{\"a\":");
    QTRY_COMPARE(parseResponses(client.received).size(), 1);
    const ParsedResponse r = parseResponses(client.received).first();
    QCOMPARE(r.status, 413);
    QCOMPARE(r.header("Connection"), "close");
    JCOMPARE(r.json()["error"]["code"], "payload_too_large");
    QTRY_VERIFY(client.closed);
}

void TestHttpServer::expectContinueOnlyForAnAcceptableLength()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));

    RawClient refused(server.serverPort());
    refused.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n");
    QTRY_COMPARE(parseResponses(refused.received).size(), 1);
    QCOMPARE(parseResponses(refused.received).first().status, 413);
    QVERIFY(!refused.received.contains("100 Continue"));

    RawClient accepted(server.serverPort());
    accepted.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 9\r\n\r\n");
    QTRY_VERIFY(accepted.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    QTest::qWait(50);
    QCOMPARE(parseResponses(accepted.received).size(), 1);  // only the 100 so far
    accepted.send(R"({"a":12})" "\n");
    QTRY_COMPARE(parseResponses(accepted.received).size(), 2);
    const ParsedResponse r = parseResponses(accepted.received).at(1);
    QCOMPARE(r.status, 200);
    JCOMPARE(r.json()["json"]["a"], 12);
}

void TestHttpServer::headerTimeoutClosesASilentConnection()
{
    TestRoutes routes;
    HttpServerOptions options;
    options.headerTimeout = std::chrono::milliseconds(300);
    HttpServer server(routes.router, options);
    QVERIFY(!server.listen(kLoopback, 0));

    RawClient silent(server.serverPort());
    RawClient partial(server.serverPort());
    partial.send("GET /fast HTTP/1.1\r\nHost: x\r\n");  // never the empty line
    QTRY_VERIFY_WITH_TIMEOUT(silent.closed, 3000);
    QVERIFY(silent.received.isEmpty());  // nothing was asked, nothing is answered
    QTRY_VERIFY_WITH_TIMEOUT(partial.closed, 4000);
    QCOMPARE(parseResponses(partial.received).value(0).status, 408);
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestHttpServer::bodyAndIdleTimeouts()
{
    TestRoutes routes;
    HttpServerOptions options;
    options.bodyTimeout = std::chrono::milliseconds(300);
    options.idleTimeout = std::chrono::milliseconds(300);
    HttpServer server(routes.router, options);
    QVERIFY(!server.listen(kLoopback, 0));

    RawClient slowBody(server.serverPort());
    slowBody.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a\"");
    QTRY_VERIFY_WITH_TIMEOUT(slowBody.closed, 4000);
    QCOMPARE(parseResponses(slowBody.received).value(0).status, 408);

    RawClient idle(server.serverPort());
    idle.send(requestBytes("GET", "/fast"));
    QTRY_COMPARE(parseResponses(idle.received).size(), 1);
    QVERIFY(!idle.closed);
    QTRY_VERIFY_WITH_TIMEOUT(idle.closed, 3000);  // keep-alive ends quietly
    QCOMPARE(parseResponses(idle.received).size(), 1);
}

void TestHttpServer::slowRequestDoesNotDelayAnotherConnection()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient slow(server.serverPort());
    RawClient fast(server.serverPort());
    QElapsedTimer clock;
    clock.start();
    slow.send(requestBytes("GET", "/slow"));
    QTest::qWait(50);
    fast.send(requestBytes("GET", "/fast"));
    QTRY_COMPARE(parseResponses(fast.received).size(), 1);
    QVERIFY2(clock.elapsed() < 700, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(slow.received.isEmpty());
    QTRY_COMPARE(parseResponses(slow.received).size(), 1);
    QVERIFY(clock.elapsed() >= 1000);
}

void TestHttpServer::pipelinedRequestsAreAnsweredInOrder()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient client(server.serverPort());
    client.send(requestBytes("GET", "/slow") + requestBytes("GET", "/fast") + "\r\n"
                + requestBytes("POST", "/echo", R"({"third":3})"));
    QTRY_COMPARE_WITH_TIMEOUT(parseResponses(client.received).size(), 3, 5000);
    const QList<ParsedResponse> replies = parseResponses(client.received);
    JCOMPARE(replies[0].json(), (nlohmann::json{{"slow", true}}));
    JCOMPARE(replies[1].json(), (nlohmann::json{{"fast", true}}));
    JCOMPARE(replies[2].json()["json"]["third"], 3);
}

void TestHttpServer::accessLogHasNoSecrets()
{
    TestRoutes routes;
    QByteArray log;
    HttpServerOptions options;
    options.accessLog = [&log](const QByteArray &line) { log += line; };
    HttpServer server(routes.router, options);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient client(server.serverPort());
    client.send(requestBytes("GET", "/echo?code=hunter2&q=x", {}, "Authorization: Bearer s3cr3t-token\r\n")
                + requestBytes("GET", "/nowhere"));
    QTRY_COMPARE(parseResponses(client.received).size(), 2);
    QTRY_COMPARE(log.count('\n'), 2);

    QVERIFY2(!log.contains("s3cr3t") && !log.contains("hunter2") && !log.contains("code="), log.constData());
    QVERIFY(!log.contains("Authorization") && !log.contains("Bearer"));
    const QList<QByteArray> lines = log.trimmed().split('\n');
    const nlohmann::json first = nlohmann::json::parse(lines[0].toStdString());
    JCOMPARE(first["method"], "GET");
    JCOMPARE(first["path"], "/echo");
    JCOMPARE(first["status"], 200);
    JCOMPARE(first["remote"], "127.0.0.1");
    QVERIFY(first["bytes"].get<int>() > 0);
    QVERIFY(first["duration_us"].get<std::int64_t>() >= 0);
    QVERIFY(first["time"].get<std::string>().ends_with("Z"));
    JCOMPARE(nlohmann::json::parse(lines[1].toStdString())["status"], 404);
}

void TestHttpServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray longLine = "GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
    QByteArray manyFields = "GET /fast HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 101; ++i)
        manyFields += "X-F" + QByteArray::number(i) + ": v\r\n";
    const QByteArray bigField = "GET /fast HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(33 * 1024, 'b') + "\r\n\r\n";

    QTest::newRow("obs-fold")            << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  more\r\n\r\n") << 400;
    QTest::newRow("space before colon")  << QByteArray("GET /fast HTTP/1.1\r\nHost : x\r\n\r\n")                    << 400;
    QTest::newRow("lengths differ")      << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}") << 400;
    QTest::newRow("length list differs") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 3\r\n\r\n{}") << 400;
    QTest::newRow("length not digits")   << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}") << 400;
    QTest::newRow("length and chunked")  << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}") << 400;
    QTest::newRow("chunked body")        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n") << 411;
    QTest::newRow("gzip coding")         << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("no host")             << QByteArray("GET /fast HTTP/1.1\r\n\r\n")                                << 400;
    QTest::newRow("two hosts")           << QByteArray("GET /fast HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")         << 400;
    QTest::newRow("HTTP/2.0")            << QByteArray("GET /fast HTTP/2.0\r\nHost: x\r\n\r\n")                     << 505;
    QTest::newRow("absolute target")     << QByteArray("GET http://x/fast HTTP/1.1\r\nHost: x\r\n\r\n")            << 400;
    QTest::newRow("two spaces")          << QByteArray("GET  /fast HTTP/1.1\r\nHost: x\r\n\r\n")                    << 400;
    QTest::newRow("nul in value")        << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX-A: a") + '\0' + "b\r\n\r\n" << 400;
    QTest::newRow("odd expectation")     << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: tea\r\nContent-Length: 2\r\n\r\n{}") << 417;
    QTest::newRow("request line 9 KiB")  << longLine                                                                << 414;
    QTest::newRow("101 fields")          << manyFields + "\r\n"                                                      << 431;
    QTest::newRow("33 KiB of headers")   << bigField                                                                 << 431;
    QTest::newRow("unknown method")      << QByteArray("BREW /fast HTTP/1.1\r\nHost: x\r\n\r\n")                    << 501;
    QTest::newRow("lower-case method")   << QByteArray("get /fast HTTP/1.1\r\nHost: x\r\n\r\n")                     << 501;
    QTest::newRow("bare LF is fine")     << QByteArray("GET /fast HTTP/1.1\nHost: x\n\n")                           << 200;
    QTest::newRow("same length twice")   << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}") << 200;
    QTest::newRow("HTTP/1.0 no host")    << QByteArray("GET /fast HTTP/1.0\r\n\r\n")                                << 200;
}

void TestHttpServer::badRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient client(server.serverPort());
    client.send(request);
    QTRY_COMPARE(parseResponses(client.received).size(), 1);
    QCOMPARE(parseResponses(client.received).first().status, status);
    if (status == 400 || (status >= 411 && status != 501))
        QTRY_VERIFY(client.closed);  // framing is no longer trusted
}

QTEST_MAIN(TestHttpServer)
