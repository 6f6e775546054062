#pragma once
// An incremental HTTP/1.1 request parser for rapport-server: bytes in, one request out at a time.
//
// Promises:
//  - Request line and header fields may arrive split across any number of feed() calls; CRLF and bare
//    LF both end a line; empty lines before a request line are skipped (RFC 9112 §2.2).
//  - Limits are enforced as the bytes arrive, never after buffering everything: a request line longer
//    than maxRequestLine -> 414, a header section over maxHeaderBytes or more than maxHeaderFields
//    fields -> 431.
//  - Rejected with 400: obs-fold (a field line starting with a space or tab), a field name that is not
//    a token or has whitespace before the colon, control characters in a value, a method that is not a
//    token, a target that is not origin-form ("/..."), Content-Length that is not digits or repeats with
//    different values, Transfer-Encoding together with Content-Length (request smuggling), a missing or
//    repeated Host in HTTP/1.1. Other versions than HTTP/1.0 and 1.1 -> 505; a chunked body -> 411
//    (send Content-Length); any other transfer coding -> 501; an Expect other than 100-continue -> 417.
//  - The body is read by Content-Length only; a Content-Length over maxBodyBytes fails with 413 as soon
//    as the header section is complete, before a single body byte is read.
//  - Errors are values: state Failed with error(); the parser then accepts nothing more.
//  - Bytes after a complete request stay buffered: take() the request, then parse() again for the next
//    one (pipelining); the caller decides when.

#include <cstddef>
#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace rapport::server {

struct HttpParserLimits {
    qsizetype maxRequestLine = 8 * 1024;
    qsizetype maxHeaderBytes = 32 * 1024;  // all field lines together, line ends included
    int maxHeaderFields = 100;
    qint64 maxBodyBytes = 1024 * 1024;
};

// A status the server answers with before closing the connection, and why.
struct HttpError {
    int status = 400;
    QByteArray code;     // "bad_request", "payload_too_large", ... (the gateway's error shape)
    QByteArray message;  // for the client; never echoes header values
};

struct HttpRequestMessage {
    QByteArray method;  // as sent, case-sensitive ("GET")
    QByteArray target;  // origin-form: "/contacts?q=ann"
    int minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> headers;  // names as sent, values without surrounding whitespace
    QByteArray body;
    bool keepAlive = true;       // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "keep-alive"
    bool expectContinue = false; // "Expect: 100-continue" on a request with a body

    // The first field with this name (case-insensitive); nullopt when absent.
    std::optional<QByteArray> header(QByteArrayView name) const;
};

class HttpRequestParser {
public:
    enum class State {
        NeedMore,  // feed more bytes
        HeadReady, // reported once, when the header section is complete and a body is still to come
        Complete,  // a whole request is buffered: take() it
        Failed,    // see error(); the connection must answer it and close
    };

    explicit HttpRequestParser(HttpParserLimits limits = {}) : m_limits(limits) {}

    // Appends bytes and parses as far as they go.
    State feed(QByteArrayView bytes);
    // Parses what is already buffered (after take(), for a pipelined request).
    State parse();
    // The request once Complete; the parser then starts on the next one.
    HttpRequestMessage take();

    // The header section of the request being read, valid from HeadReady on.
    const HttpRequestMessage &head() const { return m_request; }
    const HttpError &error() const { return m_error; }
    // Bytes of the current (or next) request received so far: false means idle between requests.
    bool hasPartialRequest() const { return m_phase != Phase::RequestLine || !m_buffer.isEmpty(); }

private:
    enum class Phase { RequestLine, Headers, Body, Done, Failed };

    State fail(int status, QByteArray code, QByteArray message);
    State parseRequestLine(QByteArrayView line);
    State parseField(QByteArrayView line);
    State finishHead();
    // Returns the next line without its end (CRLF or LF) and consumes it; nullopt when incomplete.
    std::optional<QByteArray> nextLine();

    HttpParserLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_consumed = 0;  // bytes of m_buffer already parsed (compacted on take())
    Phase m_phase = Phase::RequestLine;
    HttpRequestMessage m_request;
    qsizetype m_headerBytes = 0;
    qint64 m_contentLength = 0;
    HttpError m_error;
};

} // namespace rapport::server
