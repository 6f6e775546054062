#include "crm/fields.h"

#include <algorithm>
#include <cctype>

#include "store/uuid.h"

namespace rapport {

namespace {
bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trim(std::string_view s)
{
    while (!s.empty() && isSpace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

bool hasControl(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}
} // namespace

std::size_t codePoints(std::string_view utf8)
{
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool looksLikeDomain(std::string_view d)
{
    if (d.empty() || d.size() > 253 || d.find('.') == std::string_view::npos)
        return false;
    std::size_t labelLen = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(d[i]);
        if (c == '.') {
            if (labelLen == 0 || d[i - 1] == '-')
                return false;
            labelLen = 0;
        } else if (std::isalnum(c) || c >= 0x80 || (c == '-' && labelLen > 0)) {  // >= 0x80: IDN labels
            if (++labelLen > 63)
                return false;
        } else {
            return false;
        }
    }
    return labelLen >= 2 || (labelLen > 0 && static_cast<unsigned char>(d.back()) >= 0x80);
}

bool looksLikeEmail(std::string_view a)
{
    const auto at = a.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || a.size() > 254)
        return false;
    const std::string_view local = a.substr(0, at);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    for (unsigned char c : local) {
        if (c <= 0x20 || c == 0x7F || c == '@' || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' ||
            c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\')
            return false;
    }
    return looksLikeDomain(a.substr(at + 1));
}

bool looksLikePhone(std::string_view n)
{
    int digits = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const char c = n[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c == 'x' || c == 'X' || (c == 'e' && n.substr(i, 3) == "ext"))
            i += (c == 'e') ? 2 : 0;  // extensions: "+1 555 0100 x23", "ext. 23"
        else if (std::string_view(" +-()./").find(c) == std::string_view::npos)
            return false;
    }
    return digits >= 3 && digits <= 20;
}

FieldReader::FieldReader(const nlohmann::json &input, std::string prefix) : m_in(input), m_prefix(std::move(prefix)) {}

std::string FieldReader::path(std::string_view key) const
{
    return m_prefix.empty() ? std::string(key) : m_prefix + "." + std::string(key);
}

void FieldReader::fail(std::string field, std::string message)
{
    m_errors.push_back({std::move(field), std::move(message)});
}

void FieldReader::allowOnly(std::initializer_list<std::string_view> known,
                            std::initializer_list<std::string_view> ignored)
{
    for (const auto &[key, value] : m_in.items()) {
        const bool listed = std::find(known.begin(), known.end(), key) != known.end() ||
                            std::find(ignored.begin(), ignored.end(), key) != ignored.end();
        if (!listed)
            fail(path(key), "Unknown field \"" + key + "\"");
    }
}

std::optional<std::string> FieldReader::text(std::string_view key, std::size_t maxChars, bool singleLine)
{
    const auto it = m_in.find(key);
    if (it == m_in.end())
        return std::nullopt;
    if (it->is_null())
        return std::string();
    if (!it->is_string()) {
        fail(path(key), "Must be text");
        return std::nullopt;
    }
    std::string value = trim(it->get_ref<const std::string &>());
    if (codePoints(value) > maxChars)
        fail(path(key), "Must be at most " + std::to_string(maxChars) + " characters");
    else if (singleLine && hasControl(value))
        fail(path(key), "Must be a single line without control characters");
    return value;
}

std::optional<std::string> FieldReader::uuid(std::string_view key)
{
    auto value = text(key, 36);
    if (value && !value->empty() && !isUuid(*value)) {
        fail(path(key), "Must be a record id (a UUID)");
        return std::nullopt;
    }
    return value;
}

} // namespace rapport
