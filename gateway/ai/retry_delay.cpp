#include "ai/retry_delay.h"

#include <algorithm>

#include <QLocale>

using namespace Qt::StringLiterals;

namespace rapport::ai {

namespace {
std::optional<QDateTime> parseHttpDate(QByteArrayView header)
{
    const QString text = QString::fromLatin1(header).trimmed();
    // IMF-fixdate is what servers send; RFC 850 and asctime are obsolete but still legal to receive.
    static const QString formats[] = {u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s, u"dddd, dd-MMM-yy HH:mm:ss 'GMT'"_s,
                                      u"ddd MMM d HH:mm:ss yyyy"_s};
    const QLocale c = QLocale::c();
    for (const QString &format : formats) {
        QDateTime t = c.toDateTime(text, format);
        if (t.isValid()) {
            t.setTimeSpec(Qt::UTC);  // the text named GMT; the parser assumed local time
            return t;
        }
    }
    return std::nullopt;
}
} // namespace

std::optional<qint64> parseRetryAfterMs(QByteArrayView header, const QDateTime &now)
{
    const QByteArrayView trimmed = header.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qint64 seconds = trimmed.toLongLong(&ok);
        // An absurd value (over a day) is treated as malformed rather than overflowing.
        if (!ok || seconds > 86400)
            return std::nullopt;
        return seconds * 1000;
    }
    const std::optional<QDateTime> when = parseHttpDate(trimmed);
    if (!when)
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(*when));
}

std::optional<int> retryDelayMs(int attempt, QByteArrayView retryAfterHeader, double randomUnit,
                                const BackoffPolicy &policy, const QDateTime &now)
{
    if (attempt < 1 || attempt > policy.maxRetries)
        return std::nullopt;
    const int cap = std::max(0, policy.capMs);
    if (const std::optional<qint64> serverMs = parseRetryAfterMs(retryAfterHeader, now)) {
        if (*serverMs > cap)
            return std::nullopt;
        return static_cast<int>(*serverMs);
    }
    // Shift in 64 bits and clamp the exponent: 2^(attempt-1) must not overflow for large attempts.
    const qint64 exponential = qint64{std::max(0, policy.baseMs)} << std::min(attempt - 1, 30);
    const qint64 ceiling = std::min<qint64>(cap, exponential);
    const double unit = std::clamp(randomUnit, 0.0, 1.0);
    const qint64 half = ceiling / 2;
    return static_cast<int>(std::min<qint64>(ceiling, half + static_cast<qint64>(unit * double(ceiling - half))));
}

bool isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599);
}

} // namespace rapport::ai
