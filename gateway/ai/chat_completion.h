#pragma once
// One streamed chat completion against an OpenAI-compatible endpoint (docs/protocols.md A and B),
// as an object: build it, connect its signals, start(), optionally cancel().
//
// Promises:
//  - Exactly one terminal signal: finished() or failed(). Nothing is emitted after it; cancel() emits
//    failed(Cancelled) synchronously (unless already terminal) and aborts the upstream request at once.
//  - firstToken() once, immediately before the first tokens(); tokens() at most once per network read,
//    carrying every content delta of that read concatenated.
//  - Retries (408, 429, 5xx, connection failures) happen only before any token arrived, with capped
//    exponential backoff or the server's Retry-After; never after a token, which would re-bill.
//  - Redirects are not followed; responses beyond ProviderConfig::maxResponseBytes fail.
//  - Success is `[DONE]`, or end of stream after a chunk carrying finish_reason. Any other end of
//    stream is Truncated; a `data: {"error":...}` chunk is InStreamError. Both keep partialText.
//  - The API key goes into the Authorization header and nowhere else.

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

#include "ai/ai_error.h"
#include "ai/provider_config.h"
#include "ai/sse_parser.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace rapport::ai {

struct ChatMessage {
    QString role;  // "system", "user" or "assistant"
    QString content;
};

struct ChatOutcome {
    QString text;
    QString finishReason;           // "stop", "length", ...; empty when the stream ended at [DONE] without one
    int promptTokens = -1;          // from the usage chunk; -1 when the server sent none
    int completionTokens = -1;
    qint64 timeToFirstTokenMs = -1; // from sending the successful attempt to its first token
    double tokensPerSecond = 0;     // completion tokens (or content chunks) over the generation time
    int attempts = 1;               // requests sent, retries included
};

class ChatCompletion : public QObject {
    Q_OBJECT
public:
    // `network` must outlive this object. The random source (for backoff jitter) returns [0, 1).
    ChatCompletion(QNetworkAccessManager &network, ProviderConfig config, QList<ChatMessage> messages,
                   QObject *parent = nullptr);
    ~ChatCompletion() override;

    void start();   // once; a second call is ignored
    void cancel();  // aborts now; emits failed(Cancelled) unless a terminal signal was already sent

    bool isRunning() const { return m_state == State::Requesting || m_state == State::Waiting; }
    // For tests: replace the jitter source.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

signals:
    void firstToken();
    void tokens(const QString &batch);
    void finished(const rapport::ai::ChatOutcome &outcome);
    void failed(const rapport::ai::AiError &error);

private:
    enum class State { Idle, Requesting, Waiting, Done };

    void sendRequest();
    QByteArray requestBody() const;
    void onReadyRead();
    void onReplyFinished();
    void onIdleTimeout();
    bool checkStatus();  // false when the answer is not a 2xx stream (its body is then only buffered)
    void handleEvent(const SseEvent &event, QString &batch);  // sets m_streamError on an in-stream error
    void handleHttpError(int status, const QByteArray &retryAfter);
    bool retryOrFail(AiError error, const QByteArray &retryAfter);
    void succeed();
    void fail(AiError error);
    void detachReply(bool abortTransfer);
    void emitBatch(const QString &batch);

    QNetworkAccessManager &m_network;
    ProviderConfig m_config;
    QList<ChatMessage> m_messages;
    std::function<double()> m_random;

    State m_state = State::Idle;
    QPointer<QNetworkReply> m_reply;
    QTimer m_idleTimer;
    QTimer m_backoffTimer;
    SseParser m_parser;
    int m_attempt = 0;          // requests sent so far
    int m_httpStatus = 0;       // status of the current attempt once headers arrived
    bool m_streaming = false;   // current attempt answered 2xx and is being parsed as SSE
    qint64 m_bytes = 0;
    QByteArray m_errorBody;     // capped body of a non-2xx answer, or raw text of a 2xx non-SSE answer

    QString m_text;
    QString m_finishReason;
    bool m_sawDone = false;
    bool m_sawEvent = false;
    std::optional<AiError> m_streamError;  // set while parsing a read, acted on after it
    int m_contentChunks = 0;
    int m_promptTokens = -1;
    int m_completionTokens = -1;
    QElapsedTimer m_attemptClock;
    qint64 m_ttftMs = -1;
    qint64 m_firstTokenNs = 0;
};

} // namespace rapport::ai
