#include "ai/chat_stream.h"

namespace rapport::ai {

ChatStream::ChatStream(Conversations &conversations, ProviderConfig config, QList<ChatMessage> messages,
                       std::string conversationId, std::chrono::steady_clock::time_point routeStart)
    : CompletionStream(std::move(config), std::move(messages), routeStart)
    , m_conversations(conversations)
    , m_conversationId(std::move(conversationId))
{
}

void ChatStream::onTokens(const QString &batch)
{
    sink().event({{"delta", batch.toStdString()}});
}

void ChatStream::onFinished(const ChatOutcome &o)
{
    AnswerRecord a{m_conversationId, o.text.toStdString(), "complete", {}, config().model.toStdString(),
                   o.promptTokens, o.completionTokens, o.timeToFirstTokenMs, o.tokensPerSecond};
    auto saved = m_conversations.addAnswer(a);
    if (!saved) {
        sink().fail(saved.error());
        return;
    }
    nlohmann::json summary = timings(o);
    summary["conversation_id"] = m_conversationId;
    summary["message_id"] = *saved;
    sink().end(summary);
}

void ChatStream::onFailed(const AiError &e)
{
    // A failed or stopped answer keeps what was written, with the reason, so the chat can show both.
    AnswerRecord a{m_conversationId, e.partialText.toStdString(), "partial", e.message.toStdString(),
                   config().model.toStdString(), -1, -1, -1, 0};
    if (auto saved = m_conversations.addAnswer(a); !saved)
        qWarning("could not store a partial answer: %s", saved.error().message.c_str());
    sink().fail(toGatewayError(e));
}

} // namespace rapport::ai
