#include "crm/demo_text.h"

#include <array>

namespace rapport::demo {
namespace {

std::uint64_t mix(std::uint64_t z)
{
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// U+00C0..U+00FF folded to lower-case ASCII ("" for × and ÷).
constexpr std::array<std::string_view, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A (U+0100..U+017F) in runs that share one fold.
struct FoldRun {
    char32_t last;
    std::string_view ascii;
};
constexpr FoldRun kExtendedA[] = {{0x105, "a"}, {0x10D, "c"}, {0x111, "d"}, {0x11B, "e"}, {0x123, "g"},
    {0x127, "h"}, {0x131, "i"}, {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
    {0x151, "o"}, {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"}, {0x175, "w"},
    {0x178, "y"}, {0x17E, "z"}, {0x17F, "s"}};

// Decodes one UTF-8 sequence at text[i] and advances i; malformed input decodes as U+FFFD.
char32_t decode(std::string_view text, std::size_t &i)
{
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0x80)
        return lead;
    const std::size_t extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + extra > text.size())
        return U'\uFFFD';
    char32_t cp = lead & (0x3Fu >> extra);
    for (std::size_t k = 0; k < extra; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3Fu);
    return cp;
}

std::string_view fold(char32_t cp, bool germanUmlauts)
{
    static constexpr std::string_view kDigits = "0123456789";
    static constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
    if (cp >= U'0' && cp <= U'9')
        return kDigits.substr(cp - U'0', 1);
    if (cp >= U'a' && cp <= U'z')
        return kLower.substr(cp - U'a', 1);
    if (cp >= U'A' && cp <= U'Z')
        return kLower.substr(cp - U'A', 1);
    if (germanUmlauts) {
        switch (cp) {
        case U'ä': case U'Ä': return "ae";
        case U'ö': case U'Ö': return "oe";
        case U'ü': case U'Ü': return "ue";
        default: break;
        }
    }
    if (cp >= 0xC0 && cp <= 0xFF)
        return kLatin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) {
        for (const FoldRun &run : kExtendedA) {
            if (cp <= run.last)
                return run.ascii;
        }
    }
    return {};
}

std::string foldText(std::string_view utf8, bool germanUmlauts, bool separateWords)
{
    std::string out;
    out.reserve(utf8.size());
    bool gap = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::string_view ascii = fold(decode(utf8, i), germanUmlauts);
        if (ascii.empty()) {
            gap = true;
            continue;
        }
        if (separateWords && gap && !out.empty())
            out += '-';
        gap = false;
        out += ascii;
    }
    return out;
}

} // namespace

Rng Rng::forRecord(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
{
    return Rng(mix(mix(seed ^ (stream << 56)) ^ index));
}

std::uint64_t Rng::next()
{
    m_state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t Rng::below(std::uint64_t bound)
{
    // Reject the lowest 2^64 mod bound values so that every residue is equally likely.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold)
            return r % bound;
    }
}

std::string_view wordText(std::string_view entry)
{
    return entry.substr(0, entry.find('|'));
}

std::string_view wordLatin(std::string_view entry)
{
    const std::size_t bar = entry.find('|');
    return bar == std::string_view::npos ? entry : entry.substr(bar + 1);
}

std::string asciiWord(std::string_view utf8, bool germanUmlauts)
{
    return foldText(utf8, germanUmlauts, false);
}

std::string asciiLabel(std::string_view utf8, bool germanUmlauts)
{
    return foldText(utf8, germanUmlauts, true);
}

std::string fillPattern(std::string_view pattern, std::string_view area, Rng &rng)
{
    static constexpr std::string_view kArea = "{area}";
    std::string out;
    out.reserve(pattern.size() + area.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && pattern.compare(i, kArea.size(), kArea) == 0) {
            out += fillPattern(area, {}, rng);
            i += kArea.size() - 1;
            continue;
        }
        switch (pattern[i]) {
        case '#': out += static_cast<char>('0' + rng.below(10)); break;
        case '~': out += static_cast<char>('1' + rng.below(9)); break;
        case '@': out += static_cast<char>('A' + rng.below(26)); break;
        case '%': out += std::to_string(rng.between(1, 240)); break;
        default: out += pattern[i]; break;
        }
    }
    return out;
}

std::string replaceAll(std::string_view format, std::string_view key, std::string_view value)
{
    const std::string token = "{" + std::string(key) + "}";
    std::string out(format);
    for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at + value.size()))
        out.replace(at, token.size(), value);
    return out;
}

} // namespace rapport::demo
