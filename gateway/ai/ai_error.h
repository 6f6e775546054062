#pragma once
// Failures of a chat completion, as values. `message` is written for a sales person; `detail` keeps
// what the provider said, for logs and bug reports. Neither ever contains the API key.

#include <QByteArray>
#include <QString>

namespace rapport::ai {

enum class AiErrorKind {
    BadKey,         // 401
    OutOfCredit,    // 402
    Forbidden,      // 403 (Fireworks also answers 403 for a wrong model name)
    UnknownModel,   // 404
    TooLarge,       // 413
    RateLimited,    // 429, retryAfterMs set when the server said how long
    Overloaded,     // 5xx
    BadRequest,     // any other 4xx (400, 405, 412, ...)
    Network,        // could not connect, connection reset before any answer, TLS failure
    Timeout,        // the provider went silent for ProviderConfig::idleTimeoutMs (408 too)
    Truncated,      // the stream ended without finish_reason or [DONE]
    InStreamError,  // a `data: {"error":...}` chunk, or an error body at HTTP 200
    Protocol,       // a redirect, an unreadable chunk, or a response over the size cap
    Cancelled,      // ChatCompletion::cancel()
};

struct AiError {
    AiErrorKind kind = AiErrorKind::Network;
    QString message;         // user-facing sentence
    QString detail;          // the provider's own words or the transport error, may be empty
    int httpStatus = 0;      // 0 when no HTTP status was received
    qint64 retryAfterMs = -1;
    QString partialText;     // text received before the failure (kept for Truncated, InStreamError, ...)
};

// Stable identifier for logs and tests: "bad_key", "rate_limited", ...
const char *kindName(AiErrorKind kind);

// The typed error for a non-2xx answer. `body` is the (capped) error body; the provider's message is
// taken from error.message, a string `error`, `message`, fault.faultstring, then the raw text.
AiError errorFromHttp(int httpStatus, const QByteArray &body, qint64 retryAfterMs, const QString &model);

// The provider's message from an error body or an in-stream error chunk, trimmed to a sane length.
QString providerMessage(const QByteArray &body);

// An error of a kind that has no HTTP status (Network, Timeout, Truncated, InStreamError, Protocol,
// Cancelled) with its standard user message.
AiError makeError(AiErrorKind kind, QString detail = {});

} // namespace rapport::ai
