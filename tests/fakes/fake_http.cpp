#include "fakes/fake_http.h"

using namespace Qt::StringLiterals;

namespace rapport::fakes {

namespace {
constexpr qsizetype maxHeadBytes = 64 * 1024;
constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;
} // namespace

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpRequestReader::Status HttpRequestReader::feed(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    if (!m_haveHead) {
        const Status head = parseHead();
        if (head != Status::Complete)
            return head;
    }
    return m_buffer.size() >= m_bodyLength ? Status::Complete : Status::NeedMore;
}

HttpRequestReader::Status HttpRequestReader::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > maxHeadBytes) {
            m_badReason = u"request head too large"_s;
            return Status::Bad;
        }
        return Status::NeedMore;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        m_badReason = u"malformed request line"_s;
        return Status::Bad;
    }
    m_request = {};
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.version = requestLine[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (i + 1 < lines.size() && !lines[i].endsWith('\r'))
            m_request.problems << u"header line not terminated by CRLF"_s;
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            m_badReason = u"malformed header line"_s;
            return Status::Bad;
        }
        m_request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    if (!m_request.header("Transfer-Encoding").isEmpty()) {
        m_badReason = u"chunked request bodies are not supported by the fake"_s;
        return Status::Bad;
    }
    bool ok = true;
    const QByteArray length = m_request.header("Content-Length");
    m_bodyLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
    if (!ok || m_bodyLength < 0 || m_bodyLength > maxBodyBytes) {
        m_badReason = u"bad Content-Length"_s;
        return Status::Bad;
    }
    m_haveHead = true;
    return Status::Complete;
}

RecordedRequest HttpRequestReader::take()
{
    RecordedRequest request = std::move(m_request);
    request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    request.json = nlohmann::json::parse(request.body.begin(), request.body.end(), nullptr, false);
    m_request = {};
    m_haveHead = false;
    m_bodyLength = 0;
    return request;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Overloaded";  // Fireworks' wording for load shedding
    default: return "Status";
    }
}

QByteArray responseHead(int status, const HeaderList &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    return head + "\r\n";
}

QByteArray encodeChunk(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace rapport::fakes
