#include "http_server_test.h"

#include <thread>

#include <QHostAddress>

namespace rapport::test {

TestRoutes::TestRoutes()
{
    const auto echo = [](const Request &request) -> Result<Response> {
        nlohmann::json query = nlohmann::json::object();
        for (const auto &[key, value] : request.query)
            query[key] = value;
        return Response::ok({{"path", request.path},
                             {"query", query},
                             {"json", request.json},
                             {"identity", request.identity},
                             {"has_token", !request.bearerToken.empty()},
                             {"remote", request.remoteAddress}});
    };
    router.get("/echo", echo);
    router.post("/echo", echo);
    router.get("/slow", [](const Request &) -> Result<Response> {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        return Response::ok({{"slow", true}});
    });
    router.get("/fast", [](const Request &) -> Result<Response> { return Response::ok({{"fast", true}}); });
    router.get("/stream", [c = cancels](const Request &) -> Result<Response> {
        return Response::streaming(std::make_shared<TimerStream>(3, 100, c));
    });
    router.get("/endless", [c = cancels](const Request &) -> Result<Response> {
        return Response::streaming(std::make_shared<TimerStream>(100000, 50, c));
    });
}

RawClient::RawClient(quint16 port, QObject *parent) : QObject(parent)
{
    connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
    connect(&socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
}

QByteArray ParsedResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<ParsedResponse> parseResponses(QByteArray bytes)
{
    QList<ParsedResponse> out;
    while (true) {
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return out;
        const QList<QByteArray> lines = bytes.first(headEnd).split('\n');
        ParsedResponse r;
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
        }
        qsizetype pos = headEnd + 4;
        if (r.header("Transfer-Encoding") == "chunked") {
            while (true) {
                const qsizetype lineEnd = bytes.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return out;
                bool ok = false;
                const qsizetype size = bytes.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
                if (!ok || bytes.size() < lineEnd + 2 + size + 2)
                    return out;
                r.body += bytes.mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
                if (size == 0)
                    break;
            }
        } else {
            const qsizetype length = r.status < 200 ? 0 : r.header("Content-Length").toLongLong();
            if (bytes.size() < pos + length)
                return out;
            r.body = bytes.mid(pos, length);
            pos += length;
        }
        out.append(r);
        bytes.remove(0, pos);
    }
}

QByteArray requestBytes(QByteArrayView method, QByteArrayView target, QByteArrayView body, QByteArrayView extraHeaders)
{
    QByteArray out = method.toByteArray() + ' ' + target.toByteArray() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     + extraHeaders.toByteArray();
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body.toByteArray();
}

} // namespace rapport::test
