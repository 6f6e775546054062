#pragma once
// Runs a byte stream through SseParser in given reads and renders everything observable as one JSON
// text, so a failing comparison prints the whole outcome readably.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QByteArray>

#include <nlohmann/json.hpp>

#include "ai/sse_parser.h"
#include "unit/core/core_test_support.h"  // QCOMPARE on json and std::string

namespace sse_test {

using rapport::ai::SseEvent;
using rapport::ai::SseLimits;
using rapport::ai::SseParser;

struct Outcome {
    nlohmann::json events = nlohmann::json::array();  // [[type, id, data], ...]
    std::optional<int> retryMs;
    std::string lastEventId;
    std::optional<std::string> error;  // the error code name when a cap was hit
    bool clean = true;
    std::string discardedData;

    nlohmann::json toJson() const
    {
        return {{"events", events},
                {"retry", retryMs ? nlohmann::json(*retryMs) : nlohmann::json()},
                {"last_id", lastEventId},
                {"error", error ? nlohmann::json(*error) : nlohmann::json()},
                {"clean", clean},
                {"discarded", discardedData}};
    }
    // ensure_ascii: non-ASCII and control characters show as \uXXXX in failure output.
    std::string text() const { return toJson().dump(-1, ' ', true, nlohmann::json::error_handler_t::replace); }
    bool operator==(const Outcome &other) const { return toJson() == other.toJson(); }
};

inline nlohmann::json eventJson(const SseEvent &e)
{
    return nlohmann::json::array({e.type, e.id, e.data});
}

// Feeds stream in reads ending at the given cut offsets (ascending), then finishes the stream.
inline Outcome run(std::string_view stream, const std::vector<std::size_t> &cuts = {}, SseLimits limits = {})
{
    SseParser parser(limits);
    Outcome out;
    const auto onEvent = [&out](const SseEvent &e) { out.events.push_back(eventJson(e)); };
    std::size_t from = 0;
    std::vector<std::size_t> ends = cuts;
    ends.push_back(stream.size());
    for (std::size_t to : ends) {
        auto fed = parser.feed(stream.substr(from, to - from), onEvent);
        from = to;
        if (!fed) {
            out.error = std::string(rapport::codeName(fed.error().code));
            break;
        }
    }
    out.retryMs = parser.retryMs();
    out.lastEventId = parser.lastEventId();
    if (!out.error) {
        const auto end = parser.finish();
        out.clean = end.clean;
        out.discardedData = end.discardedData;
    }
    return out;
}

inline std::vector<std::size_t> everyByte(std::size_t size)
{
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < size; ++i)
        cuts.push_back(i);
    return cuts;
}

inline std::string toStd(const QByteArray &bytes)
{
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace sse_test
