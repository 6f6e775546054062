#pragma once
// POST /ai/chat (and the answer of /ai/explain) as a Stream: one ChatCompletion whose answer is stored
// in its conversation when it ends (complete, or partial with the reason).
//
// Events: {"delta":"text"} per network read; end: {"conversation_id","message_id","finish_reason",
// "usage":{"prompt_tokens","completion_tokens"},"ttft_ms","tokens_per_s","gateway_us"};
// fail: Error Upstream (details: kind, partial_text) or Cancelled.

#include <string>

#include "ai/completion_stream.h"
#include "ai/conversations.h"

namespace rapport::ai {

class ChatStream final : public CompletionStream {
public:
    ChatStream(Conversations &conversations, ProviderConfig config, QList<ChatMessage> messages,
               std::string conversationId, std::chrono::steady_clock::time_point routeStart);

private:
    void onTokens(const QString &batch) override;
    void onFinished(const ChatOutcome &outcome) override;
    void onFailed(const AiError &error) override;

    Conversations &m_conversations;
    std::string m_conversationId;
};

} // namespace rapport::ai
