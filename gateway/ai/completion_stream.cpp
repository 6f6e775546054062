#include "ai/completion_stream.h"

#include "thread_network.h"

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

CompletionStream::CompletionStream(ProviderConfig config, QList<ChatMessage> messages,
                                   std::chrono::steady_clock::time_point routeStart)
    : m_config(std::move(config))
    , m_messages(std::move(messages))
    , m_routeStart(routeStart)
{
}

CompletionStream::~CompletionStream()
{
    m_completion.reset();  // aborts a running request before the network manager goes
}

void CompletionStream::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    m_completion = std::make_unique<ChatCompletion>(threadNetwork(), m_config, m_messages);
    ChatCompletion *c = m_completion.get();
    QObject::connect(c, &ChatCompletion::tokens, c, [this](const QString &batch) { onTokens(batch); });
    QObject::connect(c, &ChatCompletion::finished, c, [this](const ChatOutcome &o) { onFinished(o); });
    QObject::connect(c, &ChatCompletion::failed, c, [this](const AiError &e) { onFailed(e); });
    c->start();
    // The gateway's own share: from the route being called to the request being handed to the network.
    m_gatewayUs = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_routeStart)
                      .count();
}

void CompletionStream::cancel()
{
    if (m_completion)
        m_completion->cancel();
}

nlohmann::json CompletionStream::timings(const ChatOutcome &o) const
{
    auto orNull = [](int v) { return v < 0 ? nlohmann::json() : nlohmann::json(v); };
    return {{"finish_reason", o.finishReason.toStdString()},
            {"usage", {{"prompt_tokens", orNull(o.promptTokens)}, {"completion_tokens", orNull(o.completionTokens)}}},
            {"ttft_ms", o.timeToFirstTokenMs},
            {"tokens_per_s", o.tokensPerSecond},
            {"gateway_us", m_gatewayUs}};
}

} // namespace rapport::ai
