#include "ai/chat_completion.h"

#include "ai/chunk_scan.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ai/chat_chunk.h"
#include "ai/retry_delay.h"

using namespace Qt::StringLiterals;

namespace rapport::ai {

namespace {
using json = nlohmann::json;

int intMember(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<int>() : -1;
}

bool isSuccess(int status) { return status >= 200 && status < 300; }
} // namespace

ChatCompletion::ChatCompletion(QNetworkAccessManager &network, ProviderConfig config, QList<ChatMessage> messages,
                               QObject *parent)
    : QObject(parent), m_network(network), m_config(std::move(config)), m_messages(std::move(messages)),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_idleTimer.setSingleShot(true);
    m_backoffTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &ChatCompletion::onIdleTimeout);
    connect(&m_backoffTimer, &QTimer::timeout, this, &ChatCompletion::sendRequest);
}

ChatCompletion::~ChatCompletion()
{
    detachReply(/*abortTransfer=*/true);
}

void ChatCompletion::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Requesting;
    sendRequest();
}

void ChatCompletion::cancel()
{
    if (m_state == State::Done)
        return;
    fail(makeError(AiErrorKind::Cancelled));
}

QByteArray ChatCompletion::requestBody() const
{
    json messages = json::array();
    for (const ChatMessage &m : m_messages)
        messages.push_back({{"role", m.role.toStdString()}, {"content", m.content.toStdString()}});
    const json body = {
        {"model", m_config.model.toStdString()},
        {"messages", std::move(messages)},
        {"stream", true},
        {"temperature", m_config.temperature},
        {"max_tokens", m_config.maxTokens},
        // OpenAI sends usage only when asked; Fireworks sends it anyway and ignores the option.
        {"stream_options", {{"include_usage", true}}},
    };
    return QByteArray::fromStdString(body.dump());
}

void ChatCompletion::sendRequest()
{
    m_state = State::Requesting;
    m_httpStatus = 0;
    m_streaming = false;
    m_bytes = 0;
    m_errorBody.clear();
    m_parser.reset();
    m_sawDone = false;
    m_sawEvent = false;
    m_streamError.reset();
    m_finishReason.clear();
    m_promptTokens = m_completionTokens = -1;

    QNetworkRequest request(m_config.chatCompletionsUrl());
    request.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Accept", "text/event-stream");
    // A redirected POST would either lose its body or be replayed somewhere unexpected.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    ++m_attempt;
    m_attemptClock.start();
    m_reply = m_network.post(request, requestBody());
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatCompletion::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatCompletion::onReplyFinished);
    m_idleTimer.start(m_config.idleTimeoutMs);
}

bool ChatCompletion::checkStatus()
{
    if (m_httpStatus == 0 && m_reply) {
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_streaming = isSuccess(m_httpStatus);
    }
    return m_streaming;
}

void ChatCompletion::onReadyRead()
{
    if (!m_reply || m_state != State::Requesting)
        return;
    m_idleTimer.start(m_config.idleTimeoutMs);
    const QByteArray chunk = m_reply->readAll();
    m_bytes += chunk.size();
    if (!checkStatus() || !m_sawEvent) {
        // Kept for the error message: a non-2xx body, or a 2xx body that turns out not to be SSE.
        m_errorBody.append(chunk.left(std::max<qsizetype>(0, m_config.maxErrorBodyBytes - m_errorBody.size())));
        if (!m_streaming)
            return;
    }
    if (m_bytes > m_config.maxResponseBytes) {
        fail(makeError(AiErrorKind::Protocol, u"response exceeded %1 bytes"_s.arg(m_config.maxResponseBytes)));
        return;
    }
    QString batch;
    const Result<void> parsed = m_parser.feed(std::string_view(chunk.constData(), size_t(chunk.size())),
                                              [this, &batch](const SseEvent &event) {
                                                  if (!m_streamError && !m_sawDone)
                                                      handleEvent(event, batch);
                                              });
    const QPointer<ChatCompletion> self(this);
    emitBatch(batch);
    if (!self || m_state != State::Requesting)
        return;  // a slot cancelled or deleted us
    if (!parsed.ok())
        fail(makeError(AiErrorKind::Protocol, QString::fromStdString(parsed.error().message)));
    else if (m_streamError)
        fail(*m_streamError);
    else if (m_sawDone)
        succeed();
}

void ChatCompletion::handleEvent(const SseEvent &event, QString &batch)
{
    m_sawEvent = true;
    if (event.type == "error") {
        m_streamError = makeError(AiErrorKind::InStreamError, providerMessage(QByteArray::fromStdString(event.data)));
        return;
    }
    if (event.type != "message")
        return;  // unknown event types are someone else's extension
    if (isDone(event.data)) {
        m_sawDone = true;
        return;
    }
    // Hot path: ordinary content chunks are read without building a JSON tree (several times faster
    // per token). Chunks that may carry an error or usage take the full parse below.
    const std::string_view data = event.data;
    const bool rare = data.find("\"error\"") != std::string_view::npos || data.find("\"usage\"") != std::string_view::npos;
    const std::size_t first = data.find_first_not_of(" \t\r\n");
    if (!rare && first != std::string_view::npos && data[first] == '{') {
        if (const std::optional<ChunkDelta> delta = scanChunk(data)) {
            if (delta->content && !delta->content->empty()) {
                batch += QString::fromStdString(*delta->content);
                ++m_contentChunks;
            }
            if (delta->finishReason)
                m_finishReason = QString::fromStdString(*delta->finishReason);
            return;
        }
    }
    const json chunk = json::parse(event.data, nullptr, /*allow_exceptions=*/false);
    if (!chunk.is_object()) {
        m_streamError = makeError(AiErrorKind::Protocol, u"unreadable stream chunk"_s);
        return;
    }
    if (const auto error = chunk.find("error"); error != chunk.end() && !error->is_null()) {
        m_streamError = makeError(AiErrorKind::InStreamError, providerMessage(QByteArray::fromStdString(event.data)));
        return;
    }
    if (const std::optional<std::string> content = deltaContent(chunk); content && !content->empty()) {
        batch += QString::fromStdString(*content);
        ++m_contentChunks;
    }
    if (const std::optional<std::string> reason = finishReason(chunk))
        m_finishReason = QString::fromStdString(*reason);
    // The last usage seen wins: it normally rides on a `choices: []` chunk after the finish chunk.
    if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
        m_promptTokens = intMember(*usage, "prompt_tokens");
        m_completionTokens = intMember(*usage, "completion_tokens");
    }
}

void ChatCompletion::emitBatch(const QString &batch)
{
    if (batch.isEmpty())
        return;
    const bool first = m_text.isEmpty();
    m_text += batch;
    const qint64 now = m_attemptClock.nsecsElapsed();
    if (first) {
        m_firstTokenNs = now;
        m_ttftMs = now / 1000000;
        const QPointer<ChatCompletion> self(this);
        emit firstToken();
        if (!self || m_state != State::Requesting)
            return;
    }
    emit tokens(batch);
}

void ChatCompletion::onReplyFinished()
{
    if (!m_reply || m_state != State::Requesting)
        return;
    if (m_reply->bytesAvailable() > 0) {
        const QPointer<ChatCompletion> self(this);
        onReadyRead();
        if (!self || m_state != State::Requesting)
            return;
    }
    m_idleTimer.stop();
    checkStatus();
    const QNetworkReply::NetworkError networkError = m_reply->error();
    const QString transportError = m_reply->errorString();
    const QByteArray retryAfter = m_reply->rawHeader("Retry-After");
    detachReply(/*abortTransfer=*/false);

    if (m_httpStatus == 0) {
        // No HTTP answer at all: refused, reset, DNS or TLS failure. Safe to retry: nothing was generated.
        retryOrFail(makeError(AiErrorKind::Network, transportError), {});
        return;
    }
    if (!m_streaming) {
        handleHttpError(m_httpStatus, retryAfter);
        return;
    }
    const SseEnd end = m_parser.finish();
    // llama-server ends with `data: [DONE]` and no blank line; the parser hands us that dropped event.
    if (m_sawDone || isDone(end.discardedData) || !m_finishReason.isEmpty()) {
        succeed();
        return;
    }
    if (!m_sawEvent && !m_errorBody.trimmed().isEmpty()) {
        const bool jsonError = m_errorBody.trimmed().startsWith('{') && m_errorBody.contains("\"error\"");
        fail(makeError(jsonError ? AiErrorKind::InStreamError : AiErrorKind::Protocol, providerMessage(m_errorBody)));
        return;
    }
    fail(makeError(AiErrorKind::Truncated, networkError == QNetworkReply::NoError ? QString() : transportError));
}

void ChatCompletion::handleHttpError(int status, const QByteArray &retryAfter)
{
    const std::optional<qint64> retryAfterMs = parseRetryAfterMs(retryAfter, QDateTime::currentDateTimeUtc());
    AiError error = errorFromHttp(status, m_errorBody, retryAfterMs.value_or(-1), m_config.model);
    if (isRetryableStatus(status))
        retryOrFail(std::move(error), retryAfter);
    else
        fail(std::move(error));
}

bool ChatCompletion::retryOrFail(AiError error, const QByteArray &retryAfter)
{
    // Never after a token: a second request would generate, and bill, the answer again.
    const std::optional<int> delay = m_text.isEmpty()
                                         ? retryDelayMs(m_attempt, retryAfter, m_random(), m_config.backoff)
                                         : std::nullopt;
    if (!delay) {
        fail(std::move(error));
        return false;
    }
    m_state = State::Waiting;
    m_backoffTimer.start(*delay);
    return true;
}

void ChatCompletion::onIdleTimeout()
{
    if (m_state != State::Requesting)
        return;
    fail(makeError(AiErrorKind::Timeout, u"no data for %1 ms"_s.arg(m_config.idleTimeoutMs)));
}

void ChatCompletion::succeed()
{
    m_state = State::Done;
    m_idleTimer.stop();
    detachReply(/*abortTransfer=*/false);
    ChatOutcome outcome;
    outcome.text = m_text;
    outcome.finishReason = m_finishReason;
    outcome.promptTokens = m_promptTokens;
    outcome.completionTokens = m_completionTokens;
    outcome.timeToFirstTokenMs = m_ttftMs;
    outcome.attempts = m_attempt;
    const int generated = m_completionTokens >= 0 ? m_completionTokens : m_contentChunks;
    const qint64 spanNs = m_attemptClock.nsecsElapsed() - m_firstTokenNs;
    if (!m_text.isEmpty() && spanNs > 0)
        outcome.tokensPerSecond = double(generated) * 1e9 / double(spanNs);
    emit finished(outcome);
}

void ChatCompletion::fail(AiError error)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_idleTimer.stop();
    m_backoffTimer.stop();
    detachReply(/*abortTransfer=*/true);
    error.partialText = m_text;
    emit failed(error);
}

void ChatCompletion::detachReply(bool abortTransfer)
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isFinished()) {
        reply->deleteLater();
    } else if (abortTransfer) {
        reply->abort();  // closes the connection now, so the provider stops generating
        reply->deleteLater();
    } else {
        // Success at [DONE]: let the terminating chunk arrive so the connection can be reused.
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
}

} // namespace rapport::ai
