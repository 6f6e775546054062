#include "core/ratelimiter.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <stdexcept>

namespace rapport {

namespace {

constexpr std::int64_t kUnitsPerToken = 60'000'000'000;  // see Bucket
constexpr std::int64_t kMaxCapacity = 100'000'000;       // keeps capacity * kUnitsPerToken far from overflow
constexpr std::int64_t kMaxRatePerMinute = 1'000'000'000'000;
constexpr std::size_t kMinPruneSize = 4096;

std::int64_t ratePerMinute(const RateLimit &limit)
{
    return limit.refillPerSecond * 60 + limit.refillPerMinute;
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return a / b + (a % b != 0 ? 1 : 0);
}

} // namespace

std::string_view routeClassName(RouteClass cls)
{
    switch (cls) {
    case RouteClass::Read: return "read";
    case RouteClass::Write: return "write";
    case RouteClass::Ai: return "ai";
    case RouteClass::Auth: return "auth";
    }
    return "read";
}

RateLimits RateLimits::defaults()
{
    RateLimits limits;
    // Local reads and writes only stop a runaway script; AI and auth calls cost money or guard secrets.
    limits[RouteClass::Read] = {10'000, 5'000, 0};
    limits[RouteClass::Write] = {4'000, 2'000, 0};
    limits[RouteClass::Ai] = {10, 0, 10};
    limits[RouteClass::Auth] = {5, 0, 10};
    return limits;
}

RateLimits RateLimits::unlimited()
{
    return {};
}

RateLimiter::RateLimiter(RateLimits limits, const Clock &clock)
    : m_limits(limits)
    , m_clock(clock)
{
    for (const RateLimit &limit : m_limits.byClass) {
        if (limit.capacity < 0 || limit.refillPerSecond < 0 || limit.refillPerMinute < 0)
            throw std::invalid_argument("rate limit values must not be negative");
        if (limit.capacity > kMaxCapacity)
            throw std::invalid_argument("rate limit capacity above 100 million");
        if (limit.refillPerSecond > kMaxRatePerMinute / 60 || limit.refillPerMinute > kMaxRatePerMinute
            || ratePerMinute(limit) > kMaxRatePerMinute)
            throw std::invalid_argument("rate limit refill too large");
        if (limit.capacity > 0 && ratePerMinute(limit) == 0)
            throw std::invalid_argument("a limited route class must refill");
    }
    m_pruneAt.fill(kMinPruneSize);
}

void RateLimiter::refill(Bucket &bucket, std::int64_t capacityUnits, std::int64_t rate, std::int64_t nowNs)
{
    const std::int64_t elapsed = nowNs - bucket.lastNs;
    if (elapsed <= 0)
        return;  // never move lastNs backwards
    bucket.lastNs = nowNs;
    const std::int64_t missing = capacityUnits - bucket.units;
    // Compare before multiplying: a bucket idle for years must not overflow elapsed * rate.
    if (elapsed >= ceilDiv(missing, rate))
        bucket.units = capacityUnits;
    else
        bucket.units += elapsed * rate;
}

void RateLimiter::prune(RouteClass cls, std::int64_t nowNs)
{
    // A full bucket behaves exactly like a new one, so dropping it changes no decision; it bounds memory
    // when many identities (rapport-server clients) come and go.
    const RateLimit &limit = m_limits[cls];
    const std::int64_t capacityUnits = limit.capacity * kUnitsPerToken;
    BucketMap &map = m_buckets[static_cast<std::size_t>(cls)];
    for (auto it = map.begin(); it != map.end();) {
        refill(it->second, capacityUnits, ratePerMinute(limit), nowNs);
        it = it->second.units == capacityUnits ? map.erase(it) : std::next(it);
    }
    m_pruneAt[static_cast<std::size_t>(cls)] = std::max(kMinPruneSize, map.size() * 2);
}

RateLimiter::Decision RateLimiter::take(RouteClass cls, std::string_view identity)
{
    const RateLimit &limit = m_limits[cls];
    if (limit.capacity == 0)
        return {true, 0, std::numeric_limits<std::int64_t>::max()};

    const std::int64_t capacityUnits = limit.capacity * kUnitsPerToken;
    const std::int64_t rate = ratePerMinute(limit);
    const auto index = static_cast<std::size_t>(cls);

    std::lock_guard lock(m_mutex);
    // Read the clock under the lock so each bucket sees time in the order its takes are serialized.
    const std::int64_t nowNs = m_clock.now().count();
    BucketMap &map = m_buckets[index];
    auto it = map.find(std::string(identity));
    if (it == map.end()) {
        if (map.size() >= m_pruneAt[index])
            prune(cls, nowNs);
        it = map.try_emplace(std::string(identity), Bucket{capacityUnits, nowNs}).first;
    }
    Bucket &bucket = it->second;
    refill(bucket, capacityUnits, rate, nowNs);

    if (bucket.units >= kUnitsPerToken) {
        bucket.units -= kUnitsPerToken;
        return {true, 0, bucket.units / kUnitsPerToken};
    }
    const std::int64_t waitNs = ceilDiv(kUnitsPerToken - bucket.units, rate);
    return {false, ceilDiv(waitNs, 1'000'000), 0};
}

} // namespace rapport
