#pragma once
// Reading and validating record fields from a JSON body. Every reader collects field errors instead of
// stopping at the first, so the editor can show all inline messages at once. A reader returns nullopt
// when the key is absent (PATCH leaves the field alone); JSON null clears the field.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class FieldReader {
public:
    explicit FieldReader(const nlohmann::json &input, std::string prefix = {});

    // Keys not in `known` are errors; keys in `ignored` (read-only output fields) are accepted and skipped.
    void allowOnly(std::initializer_list<std::string_view> known, std::initializer_list<std::string_view> ignored);

    // Trimmed text of at most maxChars code points; single-line text rejects control characters.
    std::optional<std::string> text(std::string_view key, std::size_t maxChars, bool singleLine = true);
    std::optional<nlohmann::json> emails();   // [{"address","label","primary"}], exactly one primary
    std::optional<nlohmann::json> phones();   // [{"number","label"}]
    std::optional<nlohmann::json> address();  // {"street","city","postal_code","region","country"}
    std::optional<nlohmann::json> tags();     // ["customer", ...], trimmed, unique
    std::optional<std::string> uuid(std::string_view key);  // "" for null
    std::optional<nlohmann::json> addresses(std::string_view key);  // ["anna@example.com", ...], at most 50

    void fail(std::string field, std::string message);
    bool has(std::string_view key) const { return m_in.contains(key); }
    const std::vector<FieldError> &errors() const { return m_errors; }
    bool ok() const { return m_errors.empty(); }

private:
    std::string path(std::string_view key) const;
    const nlohmann::json &m_in;
    std::string m_prefix;
    std::vector<FieldError> m_errors;
};

bool looksLikeEmail(std::string_view address);
bool looksLikePhone(std::string_view number);
bool looksLikeDomain(std::string_view domain);
std::size_t codePoints(std::string_view utf8);

} // namespace rapport
