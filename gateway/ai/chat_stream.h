#pragma once
// POST /ai/chat as a Stream: runs one ChatCompletion on the thread that starts it (that thread needs an
// event loop: rapportctl's main thread, the window's gateway worker) and turns its signals into sink
// events, storing the answer (complete, or partial with the reason) when it ends.
//
// Events: {"delta":"text"} per network read; end: {"conversation_id","message_id","finish_reason",
// "usage":{"prompt_tokens","completion_tokens"},"ttft_ms","tokens_per_s","gateway_us"};
// fail: Error Upstream (details: kind, partial_text) or Cancelled.

#include <chrono>
#include <memory>
#include <string>

#include <QList>

#include "ai/chat_completion.h"
#include "ai/conversations.h"
#include "ai/provider_config.h"
#include "core/stream.h"

class QNetworkAccessManager;

namespace rapport::ai {

class ChatStream final : public Stream {
public:
    ChatStream(Conversations &conversations, ProviderConfig config, QList<ChatMessage> messages,
               std::string conversationId, std::chrono::steady_clock::time_point routeStart);
    ~ChatStream() override;

    void start(std::shared_ptr<StreamSink> sink) override;
    void cancel() override;

private:
    void onFinished(const ChatOutcome &outcome);
    void onFailed(const AiError &error);

    Conversations &m_conversations;
    ProviderConfig m_config;
    QList<ChatMessage> m_messages;
    std::string m_conversationId;
    std::chrono::steady_clock::time_point m_routeStart;
    std::int64_t m_gatewayUs = 0;
    std::shared_ptr<StreamSink> m_sink;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ChatCompletion> m_completion;
};

// AiError -> the gateway's error shape, keeping the kind and the partial answer for the caller.
Error toGatewayError(const AiError &error);

} // namespace rapport::ai
