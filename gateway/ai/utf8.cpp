#include "ai/utf8.h"

#include <cstdint>
#include <cstring>

namespace rapport::ai {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The WHATWG decoder's first-byte table: how many continuation bytes follow and the allowed range of
// the first one (narrowed for E0/ED/F0/F4 to exclude overlongs, surrogates and > U+10FFFF).
struct Lead {
    int needed = -1;  // -1: not a valid lead byte
    unsigned char lower = 0x80;
    unsigned char upper = 0xBF;
};

Lead leadOf(unsigned char b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return {1};
    if (b >= 0xE0 && b <= 0xEF)
        return {2, static_cast<unsigned char>(b == 0xE0 ? 0xA0 : 0x80), static_cast<unsigned char>(b == 0xED ? 0x9F : 0xBF)};
    if (b >= 0xF0 && b <= 0xF4)
        return {3, static_cast<unsigned char>(b == 0xF0 ? 0x90 : 0x80), static_cast<unsigned char>(b == 0xF4 ? 0x8F : 0xBF)};
    return {};
}
} // namespace

bool isValidUtf8(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *end = p + s.size();
    while (p < end) {
        // Most SSE payloads are JSON with ASCII escapes: skip eight ASCII bytes per step.
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        while (p < end && *p < 0x80)
            ++p;
        if (p == end)
            return true;
        const Lead lead = leadOf(*p);
        if (lead.needed < 0 || end - p <= lead.needed)
            return false;
        if (p[1] < lead.lower || p[1] > lead.upper)
            return false;
        for (int i = 2; i <= lead.needed; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
        }
        p += lead.needed + 1;
    }
    return true;
}

void appendUtf8Repaired(std::string &out, std::string_view s)
{
    out.reserve(out.size() + s.size() + 8);
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
            ++i;
            continue;
        }
        const Lead lead = leadOf(b);
        if (lead.needed < 0) {
            out.append(kReplacement);
            ++i;
            continue;
        }
        // Consume continuation bytes while they fit; the first misfit ends the maximal subpart and is
        // reprocessed as the start of something new.
        std::size_t j = i + 1;
        int seen = 0;
        while (seen < lead.needed && j < s.size()) {
            const auto c = static_cast<unsigned char>(s[j]);
            const unsigned char lower = seen == 0 ? lead.lower : 0x80;
            const unsigned char upper = seen == 0 ? lead.upper : 0xBF;
            if (c < lower || c > upper)
                break;
            ++j;
            ++seen;
        }
        if (seen == lead.needed)
            out.append(s.substr(i, j - i));
        else
            out.append(kReplacement);
        i = j;
    }
}

void appendUtf8CodePoint(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

} // namespace rapport::ai
