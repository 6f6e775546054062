#pragma once
// A deliberately naive, spec-literal model of WHATWG event-stream parsing for differential tests: decode
// the whole stream to code points first (UTF-8 decode with BOM sniffing, U+FFFD per maximal subpart),
// then split lines and interpret fields on code points. Slow and simple; shares no code with SseParser.

#include <climits>
#include <string>
#include <string_view>

#include "sse_test_support.h"

namespace sse_test {

// The WHATWG "UTF-8 decoder" state machine, byte by byte, with its "prepend the byte" step.
inline std::u32string decodeUtf8(std::string_view in)
{
    if (in.substr(0, 3) == "\xEF\xBB\xBF")
        in.remove_prefix(3);
    std::u32string out;
    char32_t cp = 0;
    int needed = 0, seen = 0;
    unsigned lower = 0x80, upper = 0xBF;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const unsigned b = static_cast<unsigned char>(in[i]);
        if (needed == 0) {
            if (b <= 0x7F) {
                out.push_back(b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1, cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80, upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2, cp = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80, upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3, cp = b & 0x7;
            } else {
                out.push_back(0xFFFD);
            }
            continue;
        }
        if (b < lower || b > upper) {
            cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xBF;
            out.push_back(0xFFFD);
            --i;  // prepend: look at this byte again
            continue;
        }
        lower = 0x80, upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (++seen == needed) {
            out.push_back(cp);
            cp = 0, needed = 0, seen = 0;
        }
    }
    if (needed != 0)
        out.push_back(0xFFFD);
    return out;
}

inline std::string encodeUtf8(const std::u32string &in)
{
    std::string out;
    for (char32_t c : in) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

// Events, retry and last event id per the spec; caps and finish() details are not modelled.
inline Outcome referenceParse(std::string_view stream)
{
    const std::u32string text = decodeUtf8(stream);
    Outcome out;
    std::u32string data, type, idBuffer;
    std::size_t pos = 0;
    for (;;) {
        std::size_t eol = pos;
        while (eol < text.size() && text[eol] != U'\r' && text[eol] != U'\n')
            ++eol;
        if (eol == text.size())
            break;  // an unterminated line is not a line
        const std::u32string line = text.substr(pos, eol - pos);
        pos = eol + ((text[eol] == U'\r' && eol + 1 < text.size() && text[eol + 1] == U'\n') ? 2 : 1);

        if (line.empty()) {
            out.lastEventId = encodeUtf8(idBuffer);
            if (!data.empty()) {
                data.pop_back();
                out.events.push_back(nlohmann::json::array(
                    {type.empty() ? std::string("message") : encodeUtf8(type), out.lastEventId, encodeUtf8(data)}));
            }
            data.clear(), type.clear();
            continue;
        }
        if (line[0] == U':')
            continue;
        const auto colon = line.find(U':');
        const std::u32string name = line.substr(0, colon);
        std::u32string value = colon == std::u32string::npos ? U"" : line.substr(colon + 1);
        if (!value.empty() && value[0] == U' ')
            value.erase(0, 1);
        if (name == U"event") {
            type = value;
        } else if (name == U"data") {
            data += value + U"\n";
        } else if (name == U"id") {
            if (value.find(U'\0') == std::u32string::npos)
                idBuffer = value;
        } else if (name == U"retry" && !value.empty()
                   && value.find_first_not_of(U"0123456789") == std::u32string::npos) {
            long long ms = 0;
            for (char32_t c : value)
                ms = std::min<long long>(ms * 10 + (c - U'0'), INT_MAX);
            out.retryMs = static_cast<int>(ms);
        }
    }
    return out;
}

} // namespace sse_test
