#include "ai/chunk_scan.h"

#include <nlohmann/json.hpp>

#include "ai/chat_chunk.h"
#include "ai/json_cursor.h"
#include "ai/utf8.h"

namespace rapport::ai {

namespace {

using Verdict = JsonCursor::Verdict;

// Where a value sits, as far as the two extracted fields are concerned.
enum class Slot { None, Root, Choices, FirstChoice, Delta, Content, FinishReason };

constexpr int kMaxDepth = 64;  // deeper documents go to nlohmann, which does not recurse

// Recursive descent over the whole document (it must be valid JSON to count), tracking only the path
// root.choices[0].{delta.content, finish_reason}.
class Scanner {
public:
    Scanner(std::string_view text, ChunkDelta &out) : m_in(text), m_out(out) {}

    Verdict run()
    {
        m_in.skipWs();
        if (!value(Slot::Root, 0))
            return m_in.verdict();
        m_in.skipWs();
        return m_in.atEnd() ? Verdict::Ok : Verdict::Invalid;
    }

private:
    bool value(Slot slot, int depth)
    {
        if (m_in.atEnd())
            return m_in.fail(Verdict::Invalid);
        switch (m_in.peek()) {
        case '{':
            return object(slot, depth + 1);
        case '[':
            return array(slot, depth + 1);
        case '"': {
            std::string_view text;
            if (!m_in.string(slot == Slot::Content || slot == Slot::FinishReason, m_valueScratch, text))
                return false;
            if (slot == Slot::Content)
                m_out.content.emplace(text);
            else if (slot == Slot::FinishReason && !text.empty())
                m_out.finishReason.emplace(text);
            return true;
        }
        case 't':
            return m_in.literal("true");
        case 'f':
            return m_in.literal("false");
        case 'n':
            return m_in.literal("null");
        default:
            return m_in.number();
        }
    }

    // A later duplicate key replaces the earlier value (nlohmann's rule), so entering a slot clears it.
    Slot childSlot(Slot parent, std::string_view key)
    {
        if (parent == Slot::Root && key == "choices") {
            m_out = {};
            return Slot::Choices;
        }
        if (parent == Slot::FirstChoice && key == "delta") {
            m_out.content.reset();
            return Slot::Delta;
        }
        if (parent == Slot::FirstChoice && key == "finish_reason") {
            m_out.finishReason.reset();
            return Slot::FinishReason;
        }
        if (parent == Slot::Delta && key == "content") {
            m_out.content.reset();
            return Slot::Content;
        }
        return Slot::None;
    }

    bool object(Slot slot, int depth)
    {
        if (depth > kMaxDepth)
            return m_in.fail(Verdict::Unsure);
        const bool keysMatter = slot == Slot::Root || slot == Slot::FirstChoice || slot == Slot::Delta;
        m_in.take('{');
        m_in.skipWs();
        if (m_in.take('}'))
            return true;
        for (;;) {
            if (m_in.atEnd() || m_in.peek() != '"')
                return m_in.fail(Verdict::Invalid);
            std::string_view key;
            if (!m_in.string(keysMatter, m_keyScratch, key))
                return false;
            m_in.skipWs();
            if (!m_in.take(':'))
                return m_in.fail(Verdict::Invalid);
            m_in.skipWs();
            if (!value(keysMatter ? childSlot(slot, key) : Slot::None, depth))
                return false;
            if (const Next next = nextMember('}'); next != Next::More)
                return next == Next::Closed;
        }
    }

    bool array(Slot slot, int depth)
    {
        if (depth > kMaxDepth)
            return m_in.fail(Verdict::Unsure);
        m_in.take('[');
        m_in.skipWs();
        if (m_in.take(']'))
            return true;
        for (bool first = true;; first = false) {
            if (!value(slot == Slot::Choices && first ? Slot::FirstChoice : Slot::None, depth))
                return false;
            if (const Next next = nextMember(']'); next != Next::More)
                return next == Next::Closed;
        }
    }

    enum class Next { More, Closed, Error };

    // After a member: a ',' means another follows; the closing bracket is consumed.
    Next nextMember(char close)
    {
        m_in.skipWs();
        if (m_in.take(',')) {
            m_in.skipWs();
            return Next::More;
        }
        if (m_in.take(close))
            return Next::Closed;
        m_in.fail(Verdict::Invalid);
        return Next::Error;
    }

    JsonCursor m_in;
    ChunkDelta &m_out;
    std::string m_keyScratch;    // unescaped keys, reused
    std::string m_valueScratch;  // unescaped content / finish_reason, reused
};

} // namespace

std::optional<ChunkDelta> scanChunk(std::string_view data)
{
    if (data.substr(0, 3) == "\xEF\xBB\xBF")
        data.remove_prefix(3);  // nlohmann skips a leading BOM as well
    if (!isValidUtf8(data))
        return std::nullopt;  // nlohmann rejects invalid UTF-8 in strings, and any non-ASCII outside them
    ChunkDelta out;
    switch (Scanner(data, out).run()) {
    case Verdict::Ok:
        return out;
    case Verdict::Invalid:
        return std::nullopt;
    case Verdict::Unsure:
        break;
    }
    const auto chunk = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (chunk.is_discarded())
        return std::nullopt;
    return ChunkDelta{deltaContent(chunk), finishReason(chunk)};
}

} // namespace rapport::ai
