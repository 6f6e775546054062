#pragma once
// Latency samples -> the "BENCH <name> key=value ..." line every figure is reported in.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace rapport::bench {

class Samples {
public:
    void reserve(std::size_t n) { m_ns.reserve(n); }
    void add(std::chrono::nanoseconds d) { m_ns.push_back(d.count()); }

    template <class F>
    void time(F &&f)
    {
        const auto start = std::chrono::steady_clock::now();
        f();
        add(std::chrono::steady_clock::now() - start);
    }

    // Nearest-rank percentile in microseconds.
    double percentileUs(double p)
    {
        if (m_ns.empty())
            return 0;
        std::sort(m_ns.begin(), m_ns.end());
        const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(m_ns.size() - 1) + 0.5);
        return static_cast<double>(m_ns[std::min(rank, m_ns.size() - 1)]) / 1000.0;
    }

    // BENCH name n=.. p50_us=.. p99_us=.. p999_us=.. max_us=.. <extra>
    void print(const std::string &name, const std::string &extra = {})
    {
        std::printf("BENCH %s n=%zu p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f%s%s\n", name.c_str(),
                    m_ns.size(), percentileUs(50), percentileUs(90), percentileUs(99), percentileUs(99.9),
                    percentileUs(100), extra.empty() ? "" : " ", extra.c_str());
        std::fflush(stdout);
    }

private:
    std::vector<std::int64_t> m_ns;
};

} // namespace rapport::bench
