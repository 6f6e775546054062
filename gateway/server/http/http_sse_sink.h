#pragma once
// The StreamSink an HttpConnection hands to a Stream: events become SSE on that connection.
// Streams deliver on the thread that started them, which is the connection's; after the connection has
// gone, or after the stream's end, everything is dropped.

#include <QPointer>

#include "core/stream.h"
#include "server/http/http_connection.h"

namespace rapport::server {

class SseSink : public StreamSink {
public:
    SseSink(HttpConnection *connection, bool chunked) : m_connection(connection), m_chunked(chunked) {}

    void event(const nlohmann::json &data) override;
    void end(const nlohmann::json &summary) override;
    void fail(const Error &error) override;
    void detach() { m_done = true; }  // the connection is going: drop whatever comes
    bool isDone() const { return m_done; }

private:
    bool live() const { return !m_done && m_connection; }

    QPointer<HttpConnection> m_connection;
    bool m_chunked;
    bool m_done = false;
};

} // namespace rapport::server
