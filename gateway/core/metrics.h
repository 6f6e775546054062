#pragma once
// Per-route latency histograms, lock-free on the recording side, served at GET /metrics.

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rapport {

struct LatencySnapshot {
    std::uint64_t count = 0;
    double p50Us = 0, p90Us = 0, p99Us = 0, p999Us = 0, maxUs = 0;
};

// Log-linear buckets (16 per power of two, 3-6 % resolution): values below 32 ns are exact, the last
// bucket starts at ~9.5 h and also holds anything longer.
// Percentiles report the upper bound of the bucket holding the rank, capped at the exact max: never
// below the true percentile, at most one bucket width (6.25 %) above it.
class LatencyHistogram {
public:
    void record(std::uint64_t nanos);
    LatencySnapshot snapshot() const;  // count is the sum of the buckets read, so it matches the percentiles

    static int bucketIndex(std::uint64_t nanos);
    static std::uint64_t bucketUpperBound(int index);  // largest value that lands in the bucket

private:
    static constexpr int kSub = 16;
    static constexpr int kBuckets = 42 * kSub;
    std::array<std::atomic<std::uint64_t>, kBuckets> m_buckets{};
    std::atomic<std::uint64_t> m_max{0};
};

class Metrics {
public:
    // Stable reference; call at route registration, record from any thread afterwards.
    LatencyHistogram &histogram(const std::string &routeKey);
    // {"routes":{"GET /contacts/:id":{"count":N,"p50_us":..,"p90_us":..,"p99_us":..,"max_us":..}}}
    nlohmann::json toJson() const;

private:
    mutable std::mutex m_mutex;
    std::deque<std::pair<std::string, LatencyHistogram>> m_routes;  // deque: stable addresses
};

} // namespace rapport
