#pragma once
// Minimal HTTP/1.1 pieces for fakes: an incremental request reader (request line and headers may
// arrive split across reads, body by Content-Length) and response framing helpers.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace rapport::fakes {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct RecordedRequest {
    QByteArray method;
    QByteArray target;      // e.g. "/v1/chat/completions"
    QByteArray version;     // "HTTP/1.1"
    HeaderList headers;     // in arrival order, names as sent
    QByteArray body;
    nlohmann::json json;    // the parsed body; discarded value when it was not JSON
    QStringList problems;   // protocol violations the fake noticed (empty for a correct client)
    qint64 receivedAtMs = 0;  // monotonic, from the server's clock

    // Case-insensitive lookup of the first header with this name; empty when absent.
    QByteArray header(QByteArrayView name) const;
};

class HttpRequestReader {
public:
    enum class Status { NeedMore, Complete, Bad };

    // Appends bytes; Complete when one whole request is buffered (take() it), Bad on garbage.
    Status feed(const QByteArray &bytes);
    // Removes the completed request; bytes after it stay buffered for the next one.
    RecordedRequest take();
    QString badReason() const { return m_badReason; }

private:
    Status parseHead();

    QByteArray m_buffer;
    RecordedRequest m_request;
    bool m_haveHead = false;
    qsizetype m_bodyLength = 0;
    QString m_badReason;
};

QByteArray reasonPhrase(int status);
// "HTTP/1.1 <status> <reason>\r\n" + headers + "\r\n".
QByteArray responseHead(int status, const HeaderList &headers);
// One chunk of Transfer-Encoding: chunked; empty input gives nothing (a zero chunk would end the body).
QByteArray encodeChunk(const QByteArray &data);
inline constexpr char lastChunk[] = "0\r\n\r\n";

} // namespace rapport::fakes
