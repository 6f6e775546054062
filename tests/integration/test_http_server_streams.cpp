// Server-Sent Events, graceful shutdown and TLS of rapport-server's HTTP layer.

#include <memory>

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
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

} // namespace

void TestHttpServer::sseEventsArriveIncrementallyAndInOrder()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    RawClient client(server.serverPort());
    client.send(requestBytes("GET", "/stream"));

    // The first event is on the wire while the stream is still running (events are 100 ms apart).
    QTRY_VERIFY(client.received.contains(R"(data: {"n":1})"));
    QVERIFY(!client.received.contains("event: end"));
    QVERIFY(client.received.contains("Content-Type: text/event-stream\r\n"));
    QVERIFY(client.received.contains("Transfer-Encoding: chunked\r\n"));

    QTRY_COMPARE(parseResponses(client.received).size(), 1);
    const ParsedResponse r = parseResponses(client.received).first();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n"
                                "event: end\ndata: {\"events\":3}\n\n"));
    QCOMPARE(routes.cancels->load(), 0);

    // The connection stays usable after the terminating chunk.
    client.send(requestBytes("GET", "/fast"));
    QTRY_COMPARE(parseResponses(client.received).size(), 2);
    QCOMPARE(parseResponses(client.received).at(1).status, 200);
}

void TestHttpServer::clientLeavingMidStreamCancelsIt()
{
    TestRoutes routes;
    QByteArray log;
    HttpServerOptions options;
    options.accessLog = [&log](const QByteArray &line) { log += line; };
    HttpServer server(routes.router, options);
    QVERIFY(!server.listen(kLoopback, 0));
    {
        RawClient client(server.serverPort());
        client.send(requestBytes("GET", "/endless"));
        QTRY_VERIFY(client.received.contains(R"(data: {"n":2})"));
        client.socket.abort();
    }
    QTRY_COMPARE(routes.cancels->load(), 1);
    QTRY_COMPARE(server.connectionCount(), 0);
    QVERIFY2(log.contains(R"("status":499)"), log.constData());

    RawClient next(server.serverPort());
    next.send(requestBytes("GET", "/fast"));
    QTRY_COMPARE(parseResponses(next.received).size(), 1);
    QCOMPARE(parseResponses(next.received).first().status, 200);
    QCOMPARE(routes.cancels->load(), 1);
}

void TestHttpServer::gracefulShutdownFinishesInFlightRequests()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    const quint16 port = server.serverPort();
    QSignalSpy finished(&server, &HttpServer::finished);

    RawClient idle(port);
    idle.send(requestBytes("GET", "/fast"));
    QTRY_COMPARE(parseResponses(idle.received).size(), 1);  // now idle on keep-alive
    RawClient busy(port);
    busy.send(requestBytes("GET", "/slow"));
    QTest::qWait(200);  // the slow handler is running on the pool

    server.shutdown(std::chrono::seconds(5));
    QTRY_VERIFY(idle.closed);
    QVERIFY(!busy.closed);
    QCOMPARE(finished.count(), 0);

    RawClient late(port);  // no longer accepted
    QTRY_COMPARE(late.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(late.received.isEmpty());

    QTRY_COMPARE(parseResponses(busy.received).size(), 1);
    const ParsedResponse r = parseResponses(busy.received).first();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Connection"), "close");
    JCOMPARE(r.json(), (nlohmann::json{{"slow", true}}));
    QTRY_VERIFY(busy.closed);
    QTRY_COMPARE(finished.count(), 1);
}

void TestHttpServer::shutdownCancelsStreamsAtTheDeadline()
{
    TestRoutes routes;
    HttpServer server(routes.router);
    QVERIFY(!server.listen(kLoopback, 0));
    QSignalSpy finished(&server, &HttpServer::finished);
    RawClient client(server.serverPort());
    client.send(requestBytes("GET", "/endless"));
    QTRY_VERIFY(client.received.contains(R"(data: {"n":1})"));

    server.shutdown(std::chrono::milliseconds(300));
    QTRY_COMPARE(routes.cancels->load(), 1);
    QTRY_VERIFY(client.closed);
    QTRY_COMPARE(finished.count(), 1);
    // The stream ends properly: an error event, then the terminating chunk.
    QCOMPARE(parseResponses(client.received).size(), 1);
    const QByteArray body = parseResponses(client.received).first().body;
    QVERIFY2(body.contains("event: error\ndata: {\"error\":{\"code\":\"cancelled\""), body.right(200).constData());
}

void TestHttpServer::tlsWithASelfSignedCertificate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                 u"-keyout"_s, key, u"-out"_s, cert, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                 u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-days"_s, u"1"_s});
    QVERIFY2(openssl.waitForFinished(60000), "openssl did not finish");
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

    TestRoutes routes;
    HttpServerOptions options;
    options.certificateFile = cert;
    options.privateKeyFile = key;
    options.handshakeTimeout = std::chrono::milliseconds(500);
    HttpServer server(routes.router, options);
    const auto listening = server.listen(kLoopback, 0);
    QVERIFY2(!listening, listening ? qPrintable(listening->message) : "");
    QVERIFY(server.isTls());
    const QUrl url(u"https://127.0.0.1:"_s + QString::number(server.serverPort()) + u"/fast"_s);
    QNetworkAccessManager nam;

    // Clients verify by default: without the CA the handshake fails (and the server carries on).
    std::unique_ptr<QNetworkReply> untrusted(nam.get(QNetworkRequest(url)));
    QTRY_VERIFY(untrusted->isFinished());
    QCOMPARE(untrusted->error(), QNetworkReply::SslHandshakeFailedError);

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    QVERIFY(trusting.addCaCertificates(cert));
    QNetworkRequest request(url);
    request.setSslConfiguration(trusting);
    QNetworkAccessManager trustingNam;  // QNAM reuses a host's connection whatever the request's TLS settings
    std::unique_ptr<QNetworkReply> trusted(trustingNam.get(request));
    QTRY_VERIFY(trusted->isFinished());
    QCOMPARE(trusted->error(), QNetworkReply::NoError);
    QCOMPARE(trusted->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    JCOMPARE(nlohmann::json::parse(trusted->readAll().toStdString()), (nlohmann::json{{"fast", true}}));

    // SSE over TLS, on the same connection.
    QNetworkRequest streamRequest(QUrl(u"https://127.0.0.1:"_s + QString::number(server.serverPort()) + u"/stream"_s));
    streamRequest.setSslConfiguration(trusting);
    std::unique_ptr<QNetworkReply> stream(trustingNam.get(streamRequest));
    QTRY_VERIFY(stream->isFinished());
    QCOMPARE(stream->error(), QNetworkReply::NoError);
    QCOMPARE(stream->rawHeader("Content-Type"), "text/event-stream");
    QVERIFY(stream->readAll().endsWith("data: {\"n\":3}\n\nevent: end\ndata: {\"events\":3}\n\n"));

    // A client that never starts its handshake is dropped after the handshake timeout.
    RawClient silent(server.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(silent.closed, 4000);

    // A wrong key file is an error value, not a server that listens without TLS.
    HttpServerOptions broken = options;
    broken.privateKeyFile = cert;
    HttpServer refused(routes.router, broken);
    const auto error = refused.listen(kLoopback, 0);
    QVERIFY(error && error->kind == rapport::server::HttpServerError::Kind::Tls);
}
