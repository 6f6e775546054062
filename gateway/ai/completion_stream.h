#pragma once
// The part every AI route stream shares (POST /ai/chat, /ai/explain, /ai/draft-email): runs one
// ChatCompletion on the thread that starts it (that thread needs an event loop: rapportctl's main
// thread, the window's gateway worker), measures the gateway's own share, and hands the completion's
// signals to the subclass, which turns them into sink events and stores the result.

#include <chrono>
#include <cstdint>
#include <memory>

#include <QList>

#include <nlohmann/json.hpp>

#include "ai/chat_completion.h"
#include "ai/provider_config.h"
#include "core/error.h"
#include "core/stream.h"

namespace rapport::ai {

class CompletionStream : public Stream {
public:
    ~CompletionStream() override;

    void start(std::shared_ptr<StreamSink> sink) final;
    void cancel() final;  // the completion then fails with Cancelled: subclasses keep the partial text

protected:
    CompletionStream(ProviderConfig config, QList<ChatMessage> messages,
                     std::chrono::steady_clock::time_point routeStart);

    // Exactly one of onFinished / onFailed follows any number of onTokens; each must end the sink.
    virtual void onTokens(const QString &batch) = 0;
    virtual void onFinished(const ChatOutcome &outcome) = 0;
    virtual void onFailed(const AiError &error) = 0;

    StreamSink &sink() { return *m_sink; }
    const ProviderConfig &config() const { return m_config; }
    // The end-summary fields every AI stream reports: finish_reason, usage {prompt_tokens,
    // completion_tokens} (null when the provider sent none), ttft_ms, tokens_per_s, gateway_us.
    nlohmann::json timings(const ChatOutcome &outcome) const;

private:
    ProviderConfig m_config;
    QList<ChatMessage> m_messages;
    std::chrono::steady_clock::time_point m_routeStart;
    std::int64_t m_gatewayUs = 0;
    std::shared_ptr<StreamSink> m_sink;
    std::unique_ptr<ChatCompletion> m_completion;
};

// AiError -> the gateway's error shape: details carry {"kind", kindName} and, when something was
// written, {"partial_text", text}; retry_after_ms is kept.
Error toGatewayError(const AiError &error);

} // namespace rapport::ai
