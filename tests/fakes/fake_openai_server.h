#pragma once
// A real HTTP/1.1 server on 127.0.0.1:<ephemeral> that behaves like an OpenAI-compatible
// chat-completions endpoint (docs/protocols.md A, B and the fake-server checklist):
//  - checks what the client sends (path, method, Bearer key, JSON body with model, messages,
//    stream:true, Accept: text/event-stream) and answers 401/404/400 as a real provider would;
//  - records every request for assertions;
//  - plays scripted replies in order: status + headers, then body chunks each written separately
//    (optionally paced by a timer), chunked or connection-close delimited, optionally truncated;
//  - reports when the client disconnects, and whether that was in the middle of a reply.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include "fakes/fake_http.h"

namespace rapport::fakes {

struct FakeReply {
    int status = 200;
    HeaderList headers;           // extra headers, e.g. {"Retry-After", "1"}
    QList<QByteArray> chunks;     // body pieces; each is its own write()
    int pauseMs = 0;              // delay before each chunk after the first (a "slow tokens" stream)
    bool chunkedEncoding = true;  // false: `Connection: close` and EOF delimit the body
    bool truncate = false;        // close after the chunks without ending the body properly
    bool hang = false;            // after the chunks keep the connection open and silent
    bool dropConnection = false;  // close the connection without answering at all
    // Benchmarks: each kStampPlaceholder in a chunk becomes the steady-clock time (ns, zero-padded to
    // the same width) at which that chunk is written, so the receiver can measure its latency.
    bool stampChunks = false;
    static constexpr QByteArrayView kStampPlaceholder = "@@@@@@@@@@@@@@@@@@@@";

    // 200 text/event-stream with one chunk per element of `events`.
    static FakeReply stream(const QList<QByteArray> &events);
    // An error answer with a JSON body `{"error":{"message":...}}` (or `rawBody` when given).
    static FakeReply error(int status, const QString &message, const HeaderList &headers = {},
                           const QByteArray &rawBody = {});
    static FakeReply drop();

    // Re-cut the body: concatenate all chunks and split at these byte offsets (ascending).
    FakeReply &splitAt(const QList<qsizetype> &offsets);
    // Re-cut the body into pieces of n bytes.
    FakeReply &splitEvery(qsizetype n);
    QByteArray body() const;
};

class FakeOpenAiServer : public QObject {
    Q_OBJECT
public:
    explicit FakeOpenAiServer(QObject *parent = nullptr);
    ~FakeOpenAiServer() override;

    bool listen();          // 127.0.0.1, ephemeral port
    QUrl baseUrl() const;   // http://127.0.0.1:<port>/v1

    void setExpectedApiKey(const QByteArray &key) { m_apiKey = key; }
    void setExpectedModel(const QString &model) { m_model = model; }

    // Replies are consumed in order by requests that pass the checks; with none left the fake
    // answers 500 "no scripted reply".
    void enqueue(FakeReply reply) { m_script.append(std::move(reply)); }

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int connectionsAccepted() const { return m_connections; }
    int disconnectsMidReply() const { return m_disconnectsMidReply; }

signals:
    void requestReceived(int index);
    void clientDisconnected(bool midReply);

private:
    friend class FakeConnection;
    FakeReply answer(RecordedRequest &request);  // validates, records, picks the reply
    void noteDisconnect(bool midReply);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QByteArray m_apiKey = "test-key";
    QString m_model = QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct");
    QList<FakeReply> m_script;
    QList<RecordedRequest> m_requests;
    int m_connections = 0;
    int m_disconnectsMidReply = 0;
};

} // namespace rapport::fakes
