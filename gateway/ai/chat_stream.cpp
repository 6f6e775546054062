#include "ai/chat_stream.h"

#include <QNetworkAccessManager>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace rapport::ai {

Error toGatewayError(const AiError &e)
{
    Error out = Error::make(e.kind == AiErrorKind::Cancelled ? ErrorCode::Cancelled : ErrorCode::Upstream,
                            e.message.toStdString());
    out.details.push_back({"kind", kindName(e.kind)});
    if (!e.partialText.isEmpty())
        out.details.push_back({"partial_text", e.partialText.toStdString()});
    if (e.retryAfterMs >= 0)
        out.retryAfterMs = e.retryAfterMs;
    return out;
}

ChatStream::ChatStream(Conversations &conversations, ProviderConfig config, QList<ChatMessage> messages,
                       std::string conversationId, std::chrono::steady_clock::time_point routeStart)
    : m_conversations(conversations)
    , m_config(std::move(config))
    , m_messages(std::move(messages))
    , m_conversationId(std::move(conversationId))
    , m_routeStart(routeStart)
{
}

ChatStream::~ChatStream()
{
    m_completion.reset();  // aborts a running request before the network manager goes
}

void ChatStream::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_completion = std::make_unique<ChatCompletion>(*m_network, m_config, m_messages);
    ChatCompletion *c = m_completion.get();
    QObject::connect(c, &ChatCompletion::tokens, c,
                     [this](const QString &batch) { m_sink->event({{"delta", batch.toStdString()}}); });
    QObject::connect(c, &ChatCompletion::finished, c, [this](const ChatOutcome &o) { onFinished(o); });
    QObject::connect(c, &ChatCompletion::failed, c, [this](const AiError &e) { onFailed(e); });
    // The gateway's own share: from the route being called to the request being handed to the network.
    m_gatewayUs = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_routeStart)
                      .count();
    c->start();
}

void ChatStream::cancel()
{
    if (m_completion)
        m_completion->cancel();  // emits failed(Cancelled): the partial answer is stored too
}

void ChatStream::onFinished(const ChatOutcome &o)
{
    AnswerRecord a{m_conversationId, o.text.toStdString(), "complete", {}, m_config.model.toStdString(),
                   o.promptTokens, o.completionTokens, o.timeToFirstTokenMs, o.tokensPerSecond};
    auto saved = m_conversations.addAnswer(a);
    if (!saved) {
        m_sink->fail(saved.error());
        return;
    }
    auto orNull = [](int v) { return v < 0 ? nlohmann::json() : nlohmann::json(v); };
    m_sink->end({{"conversation_id", m_conversationId}, {"message_id", *saved},
                 {"finish_reason", o.finishReason.toStdString()},
                 {"usage", {{"prompt_tokens", orNull(o.promptTokens)}, {"completion_tokens", orNull(o.completionTokens)}}},
                 {"ttft_ms", o.timeToFirstTokenMs}, {"tokens_per_s", o.tokensPerSecond}, {"gateway_us", m_gatewayUs}});
}

void ChatStream::onFailed(const AiError &e)
{
    // A failed or stopped answer keeps what was written, with the reason, so the chat can show both.
    AnswerRecord a{m_conversationId, e.partialText.toStdString(), "partial", e.message.toStdString(),
                   m_config.model.toStdString(), -1, -1, -1, 0};
    if (auto saved = m_conversations.addAnswer(a); !saved)
        qWarning("could not store a partial answer: %s", saved.error().message.c_str());
    m_sink->fail(toGatewayError(e));
}

} // namespace rapport::ai
