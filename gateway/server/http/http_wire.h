#pragma once
// The bytes rapport-server writes: status lines, JSON replies, SSE events in chunked framing, and the
// access-log line. Pure functions, so the framing is tested without sockets.

#include <chrono>
#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>

#include <nlohmann/json_fwd.hpp>

namespace rapport {
struct Error;
}

namespace rapport::server {

QByteArray reasonPhrase(int status);  // "Not Found"; "Unknown" for a status without one

// How the connection continues after this reply; decides the Connection header.
struct Framing {
    int minorVersion = 1;   // of the request: HTTP/1.0 gets "Connection: keep-alive" when it stays open
    bool keepAlive = true;  // false: "Connection: close", and the server closes after writing
};

// A complete reply: Content-Type application/json; charset=utf-8, Content-Length, Cache-Control:
// no-store (replies may hold session tokens). No body for 204 and 304. Invalid UTF-8 in strings is
// replaced, never thrown.
QByteArray jsonReply(int status, const nlohmann::json &body, Framing framing);
// The gateway's error shape for protocol errors the router never sees (400, 408, 413, 431, ...).
nlohmann::json errorJson(QByteArrayView code, QByteArrayView message);

// The head of an SSE reply. Chunked for HTTP/1.1; HTTP/1.0 has no chunking, so its stream ends by
// closing the connection (the caller then passes chunked = false to the functions below).
QByteArray sseHead(Framing framing);
QByteArray sseEvent(const nlohmann::json &data, bool chunked);            // "data: <json>\n\n"
QByteArray sseEnd(const nlohmann::json &summary, bool chunked);           // "event: end\n..." + last chunk
QByteArray sseError(const rapport::Error &error, bool chunked);           // "event: error\n..." + last chunk
QByteArray encodeChunk(QByteArrayView data);                              // "<hex>\r\n<data>\r\n"
inline constexpr QByteArrayView kLastChunk = "0\r\n\r\n";
inline constexpr QByteArrayView kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// One access-log record. Only what is here is logged: no header ever, no query string (its values can
// be secrets: OAuth codes, search terms), so `path` must already be without it.
struct AccessRecord {
    QByteArray remote;
    QByteArray method;
    QByteArray path;
    int status = 0;
    std::int64_t bytes = 0;  // reply bytes written, status line and headers included
    std::chrono::microseconds duration{0};
};
QByteArray accessLogLine(const AccessRecord &record);  // one JSON object and '\n'

// "/contacts?q=x" -> "/contacts".
QByteArray pathWithoutQuery(QByteArrayView target);

} // namespace rapport::server
