#include "server/http/http_request_parser.h"

namespace rapport::server {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// field-value = *( SP / HTAB / VCHAR / obs-text ): a bare CR, NUL or other control is refused, since
// proxies disagree on what they mean.
bool isFieldValue(QByteArrayView text)
{
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c != '\t' && (c < 0x20 || c == 0x7F))
            return false;
    }
    return true;
}

// "5" or "5, 5" (a list some proxies produce when merging fields); nullopt for anything else, including
// values too long to be a body size we would ever accept.
std::optional<qint64> parseContentLength(QByteArrayView value)
{
    std::optional<qint64> result;
    for (QByteArrayView part : QByteArray(value.data(), value.size()).split(',')) {
        part = part.trimmed();
        if (part.isEmpty() || part.size() > 15)
            return std::nullopt;
        qint64 n = 0;
        for (char c : part) {
            if (c < '0' || c > '9')
                return std::nullopt;
            n = n * 10 + (c - '0');
        }
        if (result && *result != n)
            return std::nullopt;
        result = n;
    }
    return result;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &part : QByteArray(list.data(), list.size()).split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

std::optional<QByteArray> HttpRequestMessage::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_phase == Phase::Failed)
        return State::Failed;
    m_buffer.append(bytes);
    return parse();
}

HttpRequestParser::State HttpRequestParser::parse()
{
    while (true) {
        switch (m_phase) {
        case Phase::Failed:
            return State::Failed;
        case Phase::Done:
            return State::Complete;
        case Phase::RequestLine: {
            const auto line = nextLine();
            if (!line) {
                if (m_buffer.size() - m_consumed > m_limits.maxRequestLine)
                    return fail(414, "uri_too_long", "Request line is longer than the limit");
                return State::NeedMore;
            }
            if (line->isEmpty())
                continue;  // stray line ends between pipelined requests
            if (line->size() > m_limits.maxRequestLine)
                return fail(414, "uri_too_long", "Request line is longer than the limit");
            if (const State s = parseRequestLine(*line); s == State::Failed)
                return s;
            m_phase = Phase::Headers;
            continue;
        }
        case Phase::Headers: {
            const qsizetype before = m_consumed;
            const auto line = nextLine();
            if (!line) {
                if (m_headerBytes + (m_buffer.size() - m_consumed) > m_limits.maxHeaderBytes)
                    return fail(431, "header_fields_too_large", "Header section is larger than the limit");
                return State::NeedMore;
            }
            m_headerBytes += m_consumed - before;
            if (m_headerBytes > m_limits.maxHeaderBytes)
                return fail(431, "header_fields_too_large", "Header section is larger than the limit");
            if (line->isEmpty())
                return finishHead();
            if (const State s = parseField(*line); s == State::Failed)
                return s;
            continue;
        }
        case Phase::Body:
            if (m_buffer.size() - m_consumed < m_contentLength)
                return State::NeedMore;
            m_request.body = m_buffer.mid(m_consumed, m_contentLength);
            m_consumed += m_contentLength;
            m_phase = Phase::Done;
            return State::Complete;
        }
    }
}

HttpRequestMessage HttpRequestParser::take()
{
    HttpRequestMessage out = std::move(m_request);
    m_request = {};
    m_buffer.remove(0, m_consumed);
    m_consumed = 0;
    m_headerBytes = 0;
    m_contentLength = 0;
    m_phase = Phase::RequestLine;
    return out;
}

HttpRequestParser::State HttpRequestParser::fail(int status, QByteArray code, QByteArray message)
{
    m_phase = Phase::Failed;
    m_error = {status, std::move(code), std::move(message)};
    m_buffer.clear();  // nothing after a protocol error can be trusted to be a request
    m_consumed = 0;
    return State::Failed;
}

std::optional<QByteArray> HttpRequestParser::nextLine()
{
    const qsizetype lf = m_buffer.indexOf('\n', m_consumed);
    if (lf < 0)
        return std::nullopt;
    qsizetype end = lf;
    if (end > m_consumed && m_buffer.at(end - 1) == '\r')
        --end;
    QByteArray line = m_buffer.mid(m_consumed, end - m_consumed);
    m_consumed = lf + 1;
    return line;
}

HttpRequestParser::State HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    // Exactly "METHOD SP target SP HTTP/x.y": extra spaces are how smuggling payloads hide a second target.
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "bad_request", "Malformed request line");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, "bad_request", "Method is not a token");
    if (target.isEmpty() || target.front() != '/')
        return fail(400, "bad_request", "Request target must be a path starting with '/'");
    for (char ch : target) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F)
            return fail(400, "bad_request", "Request target has characters that must be percent-encoded");
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0'
        || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return fail(400, "bad_request", "Malformed HTTP version");
    if (version[5] != '1')
        return fail(505, "http_version_not_supported", "Only HTTP/1.0 and HTTP/1.1 are supported");
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.minorVersion = version[7] == '0' ? 0 : 1;
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::parseField(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, "bad_request", "Folded header lines (obs-fold) are not accepted");
    if (m_request.headers.size() >= m_limits.maxHeaderFields)
        return fail(431, "header_fields_too_large", "Too many header fields");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, "bad_request", "Malformed header field name");
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    if (!isFieldValue(value))
        return fail(400, "bad_request", "Header field value has control characters");
    m_request.headers.append({line.first(colon).toByteArray(), value.toByteArray()});
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::finishHead()
{
    HttpRequestMessage &r = m_request;
    std::optional<qint64> length;
    bool transferEncoding = false;
    int hosts = 0;
    bool close = false, keepAlive = false;
    for (const auto &[name, value] : r.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const auto n = parseContentLength(value);
            if (!n || (length && *length != *n))
                return fail(400, "bad_request", "Invalid or conflicting Content-Length");
            length = n;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            transferEncoding = true;
        } else if (name.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            close = close || hasToken(value, "close");
            keepAlive = keepAlive || hasToken(value, "keep-alive");
        } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return fail(417, "expectation_failed", "Only 'Expect: 100-continue' is supported");
            r.expectContinue = true;
        }
    }
    if (r.minorVersion == 1 && hosts != 1)
        return fail(400, "bad_request", "HTTP/1.1 needs exactly one Host header");
    if (transferEncoding) {
        // With both framings a proxy and this server could disagree on where the request ends.
        if (length || r.minorVersion == 0)
            return fail(400, "bad_request", "Transfer-Encoding is not accepted here with Content-Length or HTTP/1.0");
        const auto te = r.header("Transfer-Encoding").value_or(QByteArray()).trimmed();
        if (te.compare("chunked", Qt::CaseInsensitive) == 0)
            return fail(411, "length_required", "Chunked request bodies are not accepted; send Content-Length");
        return fail(501, "not_implemented", "Unsupported Transfer-Encoding");
    }
    r.keepAlive = r.minorVersion == 1 ? !close : (keepAlive && !close);
    m_contentLength = length.value_or(0);
    if (m_contentLength > m_limits.maxBodyBytes) {
        return fail(413, "payload_too_large",
                    "Request body is " + QByteArray::number(m_contentLength) + " bytes; the limit is "
                        + QByteArray::number(m_limits.maxBodyBytes));
    }
    r.expectContinue = r.expectContinue && m_contentLength > 0;
    if (m_contentLength == 0) {
        m_phase = Phase::Done;
        return State::Complete;
    }
    m_phase = Phase::Body;
    return State::HeadReady;
}

} // namespace rapport::server
