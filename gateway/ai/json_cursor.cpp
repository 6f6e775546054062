#include "ai/json_cursor.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "ai/utf8.h"

namespace rapport::ai {

namespace {
constexpr std::ptrdiff_t kMaxNumberChars = 300;  // without an exponent, shorter numbers are finite doubles

// Bytes that need no attention inside a string: not '"', not '\\', not a control character. Bytes >= 0x80
// are fine because the whole text was UTF-8-validated first.
constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return t;
}();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
} // namespace

bool JsonCursor::string(bool decode, std::string &scratch, std::string_view &text)
{
    const char *start = ++m_p;
    const char *segment = start;
    bool escaped = false;
    for (;;) {
        skipPlain();
        if (m_p == m_end || (*m_p != '"' && *m_p != '\\'))
            return fail(Verdict::Invalid);  // unterminated, or a raw control character
        if (*m_p == '"')
            break;
        if (decode) {
            if (!escaped)
                scratch.clear();
            scratch.append(segment, m_p);
        }
        escaped = true;
        if (!escape(decode ? &scratch : nullptr))
            return false;
        segment = m_p;
    }
    if (decode && escaped) {
        scratch.append(segment, m_p);
        text = scratch;
    } else {
        text = std::string_view(start, static_cast<std::size_t>(m_p - start));
    }
    ++m_p;
    return true;
}

// Skips string bytes that need no attention, eight at a time where possible (SWAR: a byte equal to
// '"' or '\\', or below 0x20, sets its high bit in `special`; the lowest such bit is exact).
void JsonCursor::skipPlain()
{
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t high = 0x8080808080808080ULL;
        while (m_end - m_p >= 8) {
            std::uint64_t x;
            std::memcpy(&x, m_p, 8);
            const std::uint64_t quote = x ^ (ones * '"');
            const std::uint64_t backslash = x ^ (ones * '\\');
            const std::uint64_t special =
                (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((x - ones * 0x20) & ~x)) & high;
            if (special) {
                m_p += std::countr_zero(special) / 8;
                return;
            }
            m_p += 8;
        }
    }
    while (m_p < m_end && kPlain[static_cast<unsigned char>(*m_p)])
        ++m_p;
}

int JsonCursor::hex4()
{
    if (m_end - m_p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = *m_p++;
        const int d = c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f'         ? c - 'a' + 10
            : c >= 'A' && c <= 'F'         ? c - 'A' + 10
                                           : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

bool JsonCursor::escape(std::string *out)
{
    ++m_p;  // the backslash
    if (m_p == m_end)
        return fail(Verdict::Invalid);
    const char c = *m_p++;
    char plain = 0;
    switch (c) {
    case '"': case '\\': case '/': plain = c; break;
    case 'b': plain = '\b'; break;
    case 'f': plain = '\f'; break;
    case 'n': plain = '\n'; break;
    case 'r': plain = '\r'; break;
    case 't': plain = '\t'; break;
    case 'u': {
        int cp = hex4();
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
            return fail(Verdict::Invalid);
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // must be followed by an escaped low surrogate
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return fail(Verdict::Invalid);
            m_p += 2;
            const int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(Verdict::Invalid);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out)
            appendUtf8CodePoint(*out, static_cast<char32_t>(cp));
        return true;
    }
    default:
        return fail(Verdict::Invalid);
    }
    if (out)
        out->push_back(plain);
    return true;
}

bool JsonCursor::literal(std::string_view word)
{
    if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0)
        return fail(Verdict::Invalid);
    m_p += word.size();
    return true;
}

bool JsonCursor::number()
{
    const char *start = m_p;
    if (*m_p == '-')
        ++m_p;
    if (m_p < m_end && *m_p == '0') {
        ++m_p;
    } else if (m_p < m_end && *m_p >= '1' && *m_p <= '9') {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    } else {
        return fail(Verdict::Invalid);
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail(Verdict::Invalid);
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if ((m_p < m_end && (*m_p == 'e' || *m_p == 'E')) || m_p - start > kMaxNumberChars)
        return fail(Verdict::Unsure);  // may overflow to infinity, which nlohmann rejects
    return true;
}

} // namespace rapport::ai
