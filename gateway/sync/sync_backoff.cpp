#include "sync/sync_backoff.h"

#include <algorithm>

namespace rapport::sync {

std::chrono::milliseconds syncRetryDelay(int failures, double randomUnit, const SyncBackoff &policy)
{
    const int exponent = std::clamp(failures - 1, 0, 30);  // 2^30 * base is far past any cap: no overflow
    const long long raw = policy.base.count() << exponent;
    const long long d = std::min<long long>(raw <= 0 ? policy.cap.count() : raw, policy.cap.count());
    const double unit = std::clamp(randomUnit, 0.0, 1.0);
    return std::chrono::milliseconds(d / 2 + static_cast<long long>((d - d / 2) * unit));
}

} // namespace rapport::sync
