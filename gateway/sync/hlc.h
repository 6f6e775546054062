#pragma once
// Hybrid logical clock (Kulkarni et al., 2014) for the sync protocol's field-by-field merge: a
// timestamp is (physical ms, logical counter, node id). It never runs backwards on one node, it moves
// past every timestamp the node has seen from others, and it stays close to real time, so "the later
// edit wins" means what a person expects even when a laptop's clock is hours off (the clock of a fast
// laptop drags the others' timestamps forward instead of winning for ever). Ties between nodes are
// broken by node id.
//
// Timestamps travel and sort as text: "<15-digit ms>-<4 hex counter>-<node>", whose byte order is the
// clock order, so SQLite compares them with plain TEXT comparison.

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::sync {

struct HlcTimestamp {
    std::int64_t ms = 0;        // physical part, milliseconds since the epoch
    std::uint16_t counter = 0;  // logical part: events within one ms, or while catching up
    std::string node;           // the client or server id; non-empty, no '-'

    std::string encode() const;
    static std::optional<HlcTimestamp> decode(std::string_view text);  // nullopt when malformed
    friend auto operator<=>(const HlcTimestamp &a, const HlcTimestamp &b) = default;  // ms, counter, node
    friend bool operator==(const HlcTimestamp &, const HlcTimestamp &) = default;
};

class HybridClock {
public:
    using WallClock = std::function<std::int64_t()>;  // ms since the epoch

    explicit HybridClock(std::string node, WallClock wall = {});

    // A timestamp for a local event, later than every one this clock issued or observed.
    HlcTimestamp now();
    // Moves past a timestamp received from another node (push answers, pulled changes). A timestamp
    // more than `maxAheadMs` ahead of our wall clock is refused (false): one broken clock must not
    // drag the whole team years into the future.
    bool observe(const HlcTimestamp &remote);
    // Restores the last issued value after a restart (so a clock set back meanwhile cannot reorder).
    void restore(const HlcTimestamp &last);

    const std::string &node() const { return m_node; }
    static constexpr std::int64_t kMaxAheadMs = 24LL * 3600 * 1000;

private:
    std::string m_node;
    WallClock m_wall;
    std::mutex m_mutex;
    std::int64_t m_ms = 0;
    std::uint16_t m_counter = 0;
};

} // namespace rapport::sync
