#include "ai/sse_parser.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "ai/utf8.h"

namespace rapport::ai {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";

const char *findByte(const char *from, const char *end, char c)
{
    const void *hit = std::memchr(from, c, static_cast<std::size_t>(end - from));
    return hit ? static_cast<const char *>(hit) : end;
}

// WHATWG: the value counts only if it is all ASCII digits. Huge values saturate rather than wrap.
std::optional<int> parseRetry(std::string_view value)
{
    if (value.empty())
        return std::nullopt;
    long long ms = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        ms = std::min<long long>(ms * 10 + (c - '0'), INT_MAX);
    }
    return static_cast<int>(ms);
}
} // namespace

SseParser::SseParser(SseLimits limits) : m_limits(limits) {}

Result<void> SseParser::feed(std::string_view bytes, const EventHandler &onEvent)
{
    if (m_error)
        return *m_error;
    if (m_atStreamStart) {
        // The BOM may arrive split over reads: hold back bytes while they still match it.
        while (!bytes.empty() && m_bomPrefix.size() < kBom.size() && bytes.front() == kBom[m_bomPrefix.size()]) {
            m_bomPrefix.push_back(bytes.front());
            bytes.remove_prefix(1);
        }
        if (m_bomPrefix.size() < kBom.size() && bytes.empty())
            return {};
        m_atStreamStart = false;
        if (m_bomPrefix.size() < kBom.size()) {  // not a BOM after all: the held bytes are content
            auto held = feedLines(m_bomPrefix, onEvent);
            if (!held)
                return held;
        }
        m_bomPrefix.clear();
    }
    return feedLines(bytes, onEvent);
}

Result<void> SseParser::feedLines(std::string_view bytes, const EventHandler &onEvent)
{
    if (bytes.empty())
        return {};
    if (m_lastWasCr) {
        m_lastWasCr = false;
        if (bytes.front() == '\n')
            bytes.remove_prefix(1);
    }
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    // Remember the next LF and the next CR separately: each memchr then runs once per read for a
    // terminator the stream does not use, instead of once per line.
    const char *lf = findByte(p, end, '\n');
    const char *cr = findByte(p, end, '\r');
    for (;;) {
        if (lf < p)
            lf = findByte(p, end, '\n');
        if (cr < p)
            cr = findByte(p, end, '\r');
        const char *eol = std::min(lf, cr);
        if (eol == end)
            break;
        std::string_view line(p, static_cast<std::size_t>(eol - p));
        if (!m_partial.empty()) {  // the line began in an earlier read
            if (m_partial.size() + line.size() > m_limits.maxLineBytes)
                return fail("SSE line exceeds " + std::to_string(m_limits.maxLineBytes) + " bytes");
            m_partial.append(line);
            line = m_partial;
        } else if (line.size() > m_limits.maxLineBytes) {
            return fail("SSE line exceeds " + std::to_string(m_limits.maxLineBytes) + " bytes");
        }
        auto processed = processLine(line, onEvent);
        m_partial.clear();
        if (!processed)
            return processed;
        p = eol + 1;
        if (*eol == '\r') {
            if (p == end)
                m_lastWasCr = true;  // an LF opening the next read belongs to this break
            else if (*p == '\n')
                ++p;
        }
    }
    if (p < end) {
        if (m_partial.size() + static_cast<std::size_t>(end - p) > m_limits.maxLineBytes)
            return fail("SSE line exceeds " + std::to_string(m_limits.maxLineBytes) + " bytes");
        m_partial.append(p, end);
    }
    return {};
}

Result<void> SseParser::processLine(std::string_view line, const EventHandler &onEvent)
{
    if (line.empty()) {
        dispatch(onEvent);
        return {};
    }
    if (line.front() == ':')
        return {};  // comment, e.g. a `: ping` keep-alive
    std::string_view name = line;
    std::string_view value;
    if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        name = line.substr(0, colon);
        value = line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);  // exactly one space; more is content (resty#1044 trimmed all)
    }
    // Known names are ASCII, so comparing raw bytes equals comparing decoded text; only the values
    // that are kept need UTF-8 repair.
    if (name == "data")
        return appendData(value);
    if (name == "event") {
        m_typeBuffer.clear();
        appendUtf8(m_typeBuffer, value);
    } else if (name == "id") {
        if (value.find('\0') == std::string_view::npos) {
            m_idBuffer.clear();
            appendUtf8(m_idBuffer, value);
        }
    } else if (name == "retry") {
        if (auto ms = parseRetry(value))
            m_retryMs = ms;
    }
    return {};
}

Result<void> SseParser::appendData(std::string_view value)
{
    std::string &data = m_event.data;
    appendUtf8(data, value);
    data.push_back('\n');
    if (data.size() > m_limits.maxEventBytes)
        return fail("SSE event exceeds " + std::to_string(m_limits.maxEventBytes) + " bytes");
    return {};
}

void SseParser::dispatch(const EventHandler &onEvent)
{
    m_lastEventId = m_idBuffer;
    if (m_event.data.empty()) {  // e.g. an `event:`-only block: browsers fire nothing
        m_typeBuffer.clear();
        return;
    }
    m_event.data.pop_back();  // the "\n" the last data line added
    if (m_typeBuffer.empty())
        m_event.type = "message";
    else
        m_event.type = m_typeBuffer;
    m_event.id = m_lastEventId;
    onEvent(m_event);
    m_event.data.clear();  // keeps its capacity for the next event
    m_typeBuffer.clear();
}

Result<void> SseParser::fail(std::string message)
{
    m_error = Error::make(ErrorCode::PayloadTooLarge, std::move(message));
    return *m_error;
}

SseEnd SseParser::finish()
{
    SseEnd end;
    end.clean = m_partial.empty() && m_bomPrefix.empty() && m_event.data.empty();
    if (!m_event.data.empty()) {
        end.discardedData = std::move(m_event.data);
        end.discardedData.pop_back();
    }
    m_event.data.clear();
    m_typeBuffer.clear();
    m_idBuffer = m_lastEventId;  // an id never dispatched does not count
    m_partial.clear();
    m_bomPrefix.clear();
    m_error.reset();
    m_atStreamStart = true;
    m_lastWasCr = false;
    return end;
}

void SseParser::reset()
{
    *this = SseParser(m_limits);
}

} // namespace rapport::ai
