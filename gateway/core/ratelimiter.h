#pragma once
// Exact in-process token buckets, one per (route class, identity). The predecessor's limiter lived in
// an eventually consistent KV store and could be bypassed; this one holds its counters under a mutex.

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace rapport {

enum class RouteClass { Read, Write, Ai, Auth };
inline constexpr int kRouteClassCount = 4;
std::string_view routeClassName(RouteClass cls);

struct RateLimit {
    std::int64_t capacity = 0;         // bucket size (burst); 0 means unlimited
    std::int64_t refillPerSecond = 0;  // tokens added per second
    std::int64_t refillPerMinute = 0;  // added on top of refillPerSecond, for rates below 1/s ("10 per minute")
};

struct RateLimits {
    std::array<RateLimit, kRouteClassCount> byClass{};  // indexed by RouteClass
    RateLimit &operator[](RouteClass c) { return byClass[static_cast<int>(c)]; }
    const RateLimit &operator[](RouteClass c) const { return byClass[static_cast<int>(c)]; }
    static RateLimits defaults();   // generous for local reads/writes, tight for AI and auth
    static RateLimits unlimited();
};

class RateLimiter {
public:
    struct Decision {
        bool allowed = true;
        std::int64_t retryAfterMs = 0;  // when refused: time until one token is back (rounded up)
        std::int64_t remaining = 0;     // whole tokens left after this call; INT64_MAX when unlimited
    };

    // Throws std::invalid_argument for a negative value, a capacity above 100 million, or a limited
    // class (capacity > 0) that never refills.
    explicit RateLimiter(RateLimits limits, const Clock &clock = Clock::steady());
    Decision take(RouteClass cls, std::string_view identity);

private:
    // Tokens are counted in units of 1/(60 * 1e9): a rate of r tokens per minute then adds exactly r units
    // per nanosecond, so refills are integer and never drift.
    struct Bucket {
        std::int64_t units = 0;
        std::int64_t lastNs = 0;
    };
    using BucketMap = std::unordered_map<std::string, Bucket>;
    static void refill(Bucket &bucket, std::int64_t capacityUnits, std::int64_t ratePerMinute, std::int64_t nowNs);
    void prune(RouteClass cls, std::int64_t nowNs);

    RateLimits m_limits;
    const Clock &m_clock;
    std::mutex m_mutex;
    std::array<BucketMap, kRouteClassCount> m_buckets;
    std::array<std::size_t, kRouteClassCount> m_pruneAt{};  // map size that triggers dropping full buckets
};

} // namespace rapport
