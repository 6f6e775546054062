#include "sync/hlc.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace rapport::sync {

std::string HlcTimestamp::encode() const
{
    char head[32];
    std::snprintf(head, sizeof head, "%015lld-%04x-", static_cast<long long>(ms), static_cast<unsigned>(counter));
    return head + node;
}

std::optional<HlcTimestamp> HlcTimestamp::decode(std::string_view text)
{
    // 15 digits, '-', 4 lowercase hex digits, '-', a non-empty node without '-'.
    if (text.size() < 22 || text[15] != '-' || text[20] != '-')
        return std::nullopt;
    HlcTimestamp t;
    for (std::size_t i = 0; i < 15; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        t.ms = t.ms * 10 + (text[i] - '0');
    }
    unsigned counter = 0;
    for (std::size_t i = 16; i < 20; ++i) {
        const char c = text[i];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0)
            return std::nullopt;
        counter = counter * 16 + unsigned(digit);
    }
    t.counter = static_cast<std::uint16_t>(counter);
    t.node = std::string(text.substr(21));
    if (t.node.find('-') != std::string::npos)
        return std::nullopt;
    return t;
}

HybridClock::HybridClock(std::string node, WallClock wall) : m_node(std::move(node)), m_wall(std::move(wall))
{
    if (!m_wall)
        m_wall = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
}

HlcTimestamp HybridClock::now()
{
    std::lock_guard lock(m_mutex);
    const std::int64_t wall = m_wall();
    if (wall > m_ms) {
        m_ms = wall;
        m_counter = 0;
    } else if (m_counter == 0xffff) {
        ++m_ms;  // 65,536 events in one ms: borrow the next ms rather than wrap
        m_counter = 0;
    } else {
        ++m_counter;
    }
    return {m_ms, m_counter, m_node};
}

bool HybridClock::observe(const HlcTimestamp &remote)
{
    std::lock_guard lock(m_mutex);
    const std::int64_t wall = m_wall();
    if (remote.ms > wall + kMaxAheadMs)
        return false;
    const std::int64_t top = std::max({m_ms, remote.ms, wall});
    std::uint16_t counter = 0;
    if (top == m_ms && top == remote.ms)
        counter = std::max(m_counter, remote.counter);
    else if (top == m_ms)
        counter = m_counter;
    else if (top == remote.ms)
        counter = remote.counter;
    if (top == wall && top != m_ms && top != remote.ms) {
        m_ms = top;
        m_counter = 0;
        return true;
    }
    // The next now() issues counter + 1 at this ms (or moves on with the wall clock).
    m_ms = top;
    m_counter = counter;
    return true;
}

void HybridClock::restore(const HlcTimestamp &last)
{
    std::lock_guard lock(m_mutex);
    if (last.ms > m_ms || (last.ms == m_ms && last.counter > m_counter)) {
        m_ms = last.ms;
        m_counter = last.counter;
    }
}

} // namespace rapport::sync
