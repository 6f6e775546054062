// The streaming half of HttpConnection: a Stream's events as Server-Sent Events, and its cancellation.

#include "server/http/http_sse_sink.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "server/http/http_wire.h"

namespace rapport::server {

void SseSink::event(const nlohmann::json &data)
{
    if (live())
        m_connection->writeStreamBytes(sseEvent(data, m_chunked));
}

void SseSink::end(const nlohmann::json &summary)
{
    if (live()) {
        m_done = true;
        m_connection->endStream(sseEnd(summary, m_chunked));
    }
}

void SseSink::fail(const Error &error)
{
    if (live()) {
        m_done = true;
        m_connection->endStream(sseError(error, m_chunked));
    }
}

void HttpConnection::startStream(std::shared_ptr<Stream> stream)
{
    const bool chunked = m_exchange.minorVersion >= 1;
    if (!chunked)
        m_exchange.keepAlive = false;  // without chunking only the close marks the end
    setPhase(Phase::Streaming);
    writeReply(sseHead(framing()));
    m_stream = stream;
    m_sink = std::make_shared<SseSink>(this, chunked);
    stream->start(m_sink);  // `stream` keeps it alive even if it ends (and is released) inside start()
}

void HttpConnection::writeStreamBytes(const QByteArray &bytes)
{
    if (!m_gone && m_phase == Phase::Streaming)
        writeReply(bytes);
}

void HttpConnection::endStream(const QByteArray &lastBytes)
{
    if (m_gone || m_phase != Phase::Streaming)
        return;
    writeReply(lastBytes);
    // We are inside the stream's own call: release it and its sink on a later turn, not under it.
    QMetaObject::invokeMethod(
        this, [stream = std::move(m_stream), sink = std::move(m_sink)] {}, Qt::QueuedConnection);
    finishExchange(200);
}

void HttpConnection::stopAtDeadline()
{
    m_shuttingDown = true;
    if (m_phase == Phase::Streaming && m_stream) {
        const std::shared_ptr<Stream> stream = m_stream;
        const std::shared_ptr<SseSink> sink = m_sink;
        stream->cancel();
        // A stream may stop without a word after cancel(); the client still gets a proper ending.
        if (!sink->isDone())
            sink->fail(Error::make(ErrorCode::Cancelled, "The server is shutting down"));
    } else if (m_phase != Phase::Closing) {
        abort();
    }
}

} // namespace rapport::server
