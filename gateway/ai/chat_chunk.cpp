#include "ai/chat_chunk.h"

#include <nlohmann/json.hpp>

namespace rapport::ai {

namespace {
using json = nlohmann::json;

// find() and the is_* checks instead of at()/[] on keys: a malformed chunk must not throw.
const json *member(const json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const json *firstChoice(const json &chunk)
{
    const json *choices = member(chunk, "choices");
    if (!choices || !choices->is_array() || choices->empty())
        return nullptr;
    return &(*choices)[0];
}
} // namespace

std::optional<std::string> deltaContent(const json &chunk)
{
    const json *choice = firstChoice(chunk);
    const json *delta = choice ? member(*choice, "delta") : nullptr;
    const json *content = delta ? member(*delta, "content") : nullptr;
    if (!content || !content->is_string())
        return std::nullopt;
    return content->get<std::string>();
}

std::optional<std::string> finishReason(const json &chunk)
{
    const json *choice = firstChoice(chunk);
    const json *reason = choice ? member(*choice, "finish_reason") : nullptr;
    if (!reason || !reason->is_string() || reason->get_ref<const std::string &>().empty())
        return std::nullopt;
    return reason->get<std::string>();
}

bool isDone(std::string_view data)
{
    return data == "[DONE]";
}

} // namespace rapport::ai
