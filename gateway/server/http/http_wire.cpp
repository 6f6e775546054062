#include "server/http/http_wire.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport::server {

namespace {

// Untrusted text (paths, handler messages) reaches these replies; a throwing dump() would take the
// connection down with it.
QByteArray dumpJson(const nlohmann::json &value)
{
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray connectionHeader(Framing framing)
{
    if (!framing.keepAlive)
        return "Connection: close\r\n";
    return framing.minorVersion == 0 ? "Connection: keep-alive\r\n" : QByteArray();
}

QByteArray framed(const QByteArray &payload, bool chunked)
{
    return chunked ? encodeChunk(payload) : payload;
}

} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 499: return "Client Closed Request";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

QByteArray jsonReply(int status, const nlohmann::json &body, Framing framing)
{
    const bool noBody = status == 204 || status == 304;
    const QByteArray payload = noBody ? QByteArray() : dumpJson(body);
    // HTTP/1.1 even to a 1.0 client (RFC 9110 §6.2: the highest version we conform to); the framing
    // still follows the client's version.
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!noBody) {
        out += "Content-Type: application/json; charset=utf-8\r\n"
               "Content-Length: " + QByteArray::number(payload.size()) + "\r\n";
    }
    out += "Cache-Control: no-store\r\n" + connectionHeader(framing) + "\r\n";
    return out + payload;
}

nlohmann::json errorJson(QByteArrayView code, QByteArrayView message)
{
    return {{"error", {{"code", code.toByteArray().toStdString()}, {"message", message.toByteArray().toStdString()}}}};
}

QByteArray sseHead(Framing framing)
{
    // X-Accel-Buffering: a reverse proxy in front (nginx) would otherwise hold events back.
    QByteArray out = "HTTP/1.1 200 OK\r\n"
                     "Content-Type: text/event-stream\r\n"
                     "Cache-Control: no-store\r\n"
                     "X-Accel-Buffering: no\r\n";
    if (framing.minorVersion >= 1)
        out += "Transfer-Encoding: chunked\r\n";
    return out + connectionHeader(framing) + "\r\n";
}

QByteArray sseEvent(const nlohmann::json &data, bool chunked)
{
    return framed("data: " + dumpJson(data) + "\n\n", chunked);
}

QByteArray sseEnd(const nlohmann::json &summary, bool chunked)
{
    const QByteArray event = framed("event: end\ndata: " + dumpJson(summary) + "\n\n", chunked);
    return chunked ? event + kLastChunk.toByteArray() : event;
}

QByteArray sseError(const rapport::Error &error, bool chunked)
{
    const QByteArray event = framed("event: error\ndata: " + dumpJson(error.toJson()) + "\n\n", chunked);
    return chunked ? event + kLastChunk.toByteArray() : event;
}

QByteArray encodeChunk(QByteArrayView data)
{
    if (data.isEmpty())
        return {};  // a zero-length chunk would end the body
    return QByteArray::number(data.size(), 16) + "\r\n" + data.toByteArray() + "\r\n";
}

QByteArray accessLogLine(const AccessRecord &r)
{
    const nlohmann::json line = {
        {"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"remote", r.remote.toStdString()},
        {"method", r.method.toStdString()},
        {"path", r.path.toStdString()},
        {"status", r.status},
        {"bytes", r.bytes},
        {"duration_us", static_cast<std::int64_t>(r.duration.count())},
    };
    return dumpJson(line) + '\n';
}

QByteArray pathWithoutQuery(QByteArrayView target)
{
    const qsizetype q = target.indexOf('?');
    return (q < 0 ? target : target.first(q)).toByteArray();
}

} // namespace rapport::server
