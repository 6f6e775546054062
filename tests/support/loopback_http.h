#pragma once
// A blocking HTTP/1.1 client for tests of rapport-server as another process: one request on its own
// connection (Connection: close), read to the end. Raw bytes on purpose: the tests also send what a
// well-behaved client library would refuse to.

#include <QByteArray>
#include <QTcpSocket>

#include <nlohmann/json.hpp>

namespace loopback {

struct HttpReply {
    int status = 0;  // 0: no answer
    nlohmann::json body;
};

inline HttpReply callRaw(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &payload,
                         const QByteArray &token = {})
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!payload.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
    socket.write(request);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(30000))
        received += socket.readAll();
    received += socket.readAll();
    HttpReply reply;
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return reply;
    reply.status = received.mid(received.indexOf(' ') + 1, 3).toInt();  // "HTTP/1.1 200 OK"
    reply.body = nlohmann::json::parse(received.sliced(headEnd + 4).toStdString(), nullptr, false);
    return reply;
}

inline HttpReply call(quint16 port, const QByteArray &method, const QByteArray &path,
                      const nlohmann::json &body = nullptr, const QByteArray &token = {})
{
    return callRaw(port, method, path, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()), token);
}

} // namespace loopback
