#include "core/metrics.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

namespace rapport {

namespace {

constexpr int kExact = 32;  // values below this get a bucket each

double toUs(std::uint64_t nanos)
{
    return static_cast<double>(nanos) / 1000.0;
}

double roundTenth(double value)
{
    return std::round(value * 10.0) / 10.0;
}

} // namespace

int LatencyHistogram::bucketIndex(std::uint64_t nanos)
{
    if (nanos < kExact)
        return static_cast<int>(nanos);
    // The highest set bit picks the power of two, the next four bits the sub-bucket within it.
    const int high = std::bit_width(nanos) - 1;
    const int index = (high - 3) * kSub + static_cast<int>((nanos >> (high - 4)) & (kSub - 1));
    return std::min(index, kBuckets - 1);
}

std::uint64_t LatencyHistogram::bucketUpperBound(int index)
{
    if (index < kExact)
        return static_cast<std::uint64_t>(index);
    if (index >= kBuckets - 1)
        return std::numeric_limits<std::uint64_t>::max();
    const int high = index / kSub + 3;
    const std::uint64_t width = std::uint64_t{1} << (high - 4);
    const std::uint64_t lower = static_cast<std::uint64_t>(kSub + index % kSub) * width;
    return lower + width - 1;
}

void LatencyHistogram::record(std::uint64_t nanos)
{
    m_buckets[static_cast<std::size_t>(bucketIndex(nanos))].fetch_add(1, std::memory_order_relaxed);
    std::uint64_t seen = m_max.load(std::memory_order_relaxed);
    while (nanos > seen && !m_max.compare_exchange_weak(seen, nanos, std::memory_order_relaxed)) {
    }
}

LatencySnapshot LatencyHistogram::snapshot() const
{
    std::array<std::uint64_t, kBuckets> counts{};
    LatencySnapshot snap;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        counts[i] = m_buckets[i].load(std::memory_order_relaxed);
        snap.count += counts[i];
    }
    if (snap.count == 0)
        return snap;
    // Relaxed loads: a snapshot racing record() may see a value's bucket before its max (or the reverse);
    // both are exact once recording is quiet, which is all /metrics needs.
    const std::uint64_t maxNs = m_max.load(std::memory_order_relaxed);

    const auto percentile = [&](double q) {
        const double exactRank = std::ceil(q * static_cast<double>(snap.count));
        const std::uint64_t rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(exactRank));
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            cumulative += counts[i];
            if (cumulative >= rank)
                return toUs(std::min(bucketUpperBound(static_cast<int>(i)), maxNs));
        }
        return toUs(maxNs);
    };
    snap.p50Us = percentile(0.50);
    snap.p90Us = percentile(0.90);
    snap.p99Us = percentile(0.99);
    snap.p999Us = percentile(0.999);
    snap.maxUs = toUs(maxNs);
    return snap;
}

LatencyHistogram &Metrics::histogram(const std::string &routeKey)
{
    std::lock_guard lock(m_mutex);
    for (auto &[key, histogram] : m_routes) {
        if (key == routeKey)
            return histogram;
    }
    return m_routes.emplace_back(std::piecewise_construct, std::forward_as_tuple(routeKey), std::forward_as_tuple())
        .second;
}

nlohmann::json Metrics::toJson() const
{
    auto routes = nlohmann::json::object();
    std::lock_guard lock(m_mutex);
    for (const auto &[key, histogram] : m_routes) {
        const LatencySnapshot s = histogram.snapshot();
        routes[key] = {{"count", s.count},
                       {"p50_us", roundTenth(s.p50Us)},
                       {"p90_us", roundTenth(s.p90Us)},
                       {"p99_us", roundTenth(s.p99Us)},
                       {"max_us", roundTenth(s.maxUs)}};
    }
    return {{"routes", std::move(routes)}};
}

} // namespace rapport
