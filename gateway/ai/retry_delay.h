#pragma once
// Backoff arithmetic for chat-completion retries, kept pure so it can be tested exhaustively
// (docs/style.md: libkgapi's `interval ^ 2` was XOR and cycled 1, 2, 0).

#include <optional>

#include <QByteArrayView>
#include <QDateTime>

#include "ai/provider_config.h"

namespace rapport::ai {

// Retry-After as milliseconds from `now`: delay-seconds ("12") or an HTTP-date
// ("Sun, 06 Nov 1994 08:49:37 GMT"; a date in the past gives 0). Nothing when absent or malformed.
std::optional<qint64> parseRetryAfterMs(QByteArrayView header, const QDateTime &now);

// The wait before retry number `attempt` (1 = the first retry).
//  - Retry-After present and valid: exactly that (no jitter: the server named the time), or nothing
//    when it exceeds policy.capMs — the caller should then fail with the wait in the error instead.
//  - Otherwise capped exponential backoff with "equal jitter": d = min(cap, base * 2^(attempt-1)),
//    result in [d/2, d] chosen by randomUnit in [0, 1).
// Nothing when attempt is outside 1..policy.maxRetries.
std::optional<int> retryDelayMs(int attempt, QByteArrayView retryAfterHeader, double randomUnit,
                                const BackoffPolicy &policy = {},
                                const QDateTime &now = QDateTime::currentDateTimeUtc());

// 408, 429 and 5xx are worth another attempt (before the first token only); other statuses are not.
bool isRetryableStatus(int httpStatus);

} // namespace rapport::ai
