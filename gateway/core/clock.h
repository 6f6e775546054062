#pragma once
// Time as a seam: production code asks a Clock, tests inject a ManualClock.

#include <atomic>
#include <chrono>

namespace rapport {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::nanoseconds now() const = 0;  // monotonic
    static const Clock &steady();
};

class ManualClock final : public Clock {
public:
    std::chrono::nanoseconds now() const override { return std::chrono::nanoseconds(m_now.load()); }
    void advance(std::chrono::nanoseconds d) { m_now += d.count(); }

private:
    std::atomic<long long> m_now{1'000'000'000};
};

} // namespace rapport
