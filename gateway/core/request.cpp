#include "core/request.h"

#include <array>

namespace rapport {

namespace {

constexpr std::array<std::string_view, 5> kMethodNames = {"GET", "POST", "PUT", "PATCH", "DELETE"};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char asciiUpper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

} // namespace

std::optional<Method> parseMethod(std::string_view name)
{
    for (std::size_t i = 0; i < kMethodNames.size(); ++i) {
        const std::string_view candidate = kMethodNames[i];
        if (candidate.size() != name.size())
            continue;
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k)
            same = asciiUpper(name[k]) == candidate[k];
        if (same)
            return static_cast<Method>(i);
    }
    return std::nullopt;
}

std::string_view methodName(Method method)
{
    return kMethodNames[static_cast<std::size_t>(method)];
}

std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const int high = c == '%' && i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
        const int low = high >= 0 ? hexValue(text[i + 2]) : -1;
        if (low >= 0) {
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Unicode table 3-7)
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            extra = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            extra = 2;
            lo = b0 == 0xE0 ? 0xA0 : 0x80;
            hi = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            extra = 3;
            lo = b0 == 0xF0 ? 0x90 : 0x80;
            hi = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (text.size() - i <= static_cast<std::size_t>(extra))
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if (b < (k == 1 ? lo : 0x80u) || b > (k == 1 ? hi : 0xBFu))
                return false;
        }
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

Request Request::make(Method method, std::string_view target, std::string body)
{
    Request r;
    r.method = method;
    r.body = std::move(body);
    const std::size_t qmark = target.find('?');
    r.path = std::string(target.substr(0, qmark));
    if (qmark == std::string_view::npos)
        return r;

    std::string_view rest = target.substr(qmark + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty())
            continue;  // "a=1&&b=2"
        const std::size_t eq = pair.find('=');
        std::string key = percentDecode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
        r.query.emplace_back(std::move(key), std::move(value));
    }
    return r;
}

std::string_view Request::param(std::string_view name) const
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

std::optional<std::string_view> Request::queryValue(std::string_view key) const
{
    for (const auto &[k, value] : query) {
        if (k == key)
            return std::string_view(value);
    }
    return std::nullopt;
}

} // namespace rapport
