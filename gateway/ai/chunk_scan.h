#pragma once
// A DOM-free reader for the hot path of a streamed chat completion: pulls choices[0].delta.content and
// choices[0].finish_reason out of one chunk's JSON text in a single validating pass, several times
// faster than building an nlohmann::json per token.

#include <optional>
#include <string>
#include <string_view>

namespace rapport::ai {

struct ChunkDelta {
    std::optional<std::string> content;       // as deltaContent() would return
    std::optional<std::string> finishReason;  // as finishReason() would return
};

// Same answers as deltaContent(json::parse(data)) and finishReason(json::parse(data)) (duplicate keys:
// the last wins, as in nlohmann), or nothing when data is not valid JSON. Never throws; rare shapes
// (exponents, very long numbers, deep nesting) are handed to nlohmann so the answers stay identical.
std::optional<ChunkDelta> scanChunk(std::string_view data);

} // namespace rapport::ai
