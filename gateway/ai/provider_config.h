#pragma once
// Where and how to reach an OpenAI-compatible chat-completions endpoint (docs/protocols.md section B).
// The API key lives here only in memory: nothing in gateway/ai logs or prints it.

#include <QString>
#include <QUrl>

namespace rapport::ai {

// Retry and timing knobs; tests shrink them so a retry test takes milliseconds.
struct BackoffPolicy {
    int baseMs = 500;    // first retry waits about this long (with jitter)
    int capMs = 8000;    // no computed wait, and no honoured Retry-After, exceeds this
    int maxRetries = 3;  // retries after the first attempt, only before the first token
};

struct ProviderConfig {
    QUrl baseUrl = QUrl(QStringLiteral("https://api.fireworks.ai/inference/v1"));
    QString model = QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct");
    double temperature = 0.7;
    int maxTokens = 1024;  // sent explicitly: Fireworks' default (2000) differs from OpenAI's
    QString apiKey;        // secret: never log, never put in an error message

    BackoffPolicy backoff;
    int idleTimeoutMs = 60000;                   // no bytes for this long (before or during the stream)
    qint64 maxResponseBytes = qint64{32} << 20;  // a runaway stream is cut off here
    int maxErrorBodyBytes = 64 * 1024;           // error bodies are read for their message only

    // The endpoint for one call: {baseUrl}/chat/completions, tolerant of a trailing slash.
    QUrl chatCompletionsUrl() const;

    // Returns `base` with RAPPORT_AI_BASE_URL, RAPPORT_AI_MODEL and RAPPORT_AI_API_KEY applied when set
    // and non-empty; an unparseable base URL is ignored.
    static ProviderConfig withEnvironment(ProviderConfig base);
    static ProviderConfig withEnvironment() { return withEnvironment(ProviderConfig()); }
};

} // namespace rapport::ai
