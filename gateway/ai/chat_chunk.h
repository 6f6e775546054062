#pragma once
// Reading OpenAI-compatible `chat.completion.chunk` objects defensively (docs/protocols.md section B):
// servers differ in which members they send, so every accessor checks shape and never throws.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace rapport::ai {

// choices[0].delta.content when `choices` is a non-empty array and content is a string ("" included;
// " " is real content). Nothing for a usage-only chunk (`choices: []`), a null content or a
// tool-call delta.
std::optional<std::string> deltaContent(const nlohmann::json &chunk);

// choices[0].finish_reason when it is a non-empty string ("stop", "length", "tool_calls", ...).
// Ollama sends "" on ordinary chunks, which counts as no reason.
std::optional<std::string> finishReason(const nlohmann::json &chunk);

// The end-of-stream sentinel: the event data is exactly `[DONE]`.
bool isDone(std::string_view data);

} // namespace rapport::ai
