#pragma once
// Small bridges between nlohmann::json (the gateway's wire shape, UTF-8) and Qt strings.

#include <string>

#include <QString>

#include <nlohmann/json.hpp>

namespace rapport::ui {

// The string at key, or "" when missing, null or not a string.
inline QString jsonString(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get_ref<const std::string &>());
}

inline std::string toStd(const QString &text) { return text.toStdString(); }

// A form field's value: trimmed text, or null when empty.
inline nlohmann::json textOrNull(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? nlohmann::json() : nlohmann::json(toStd(trimmed));
}

// An empty value is sent as null so that a PATCH clears the field.
inline bool isEmptyValue(const nlohmann::json &value)
{
    return value.is_null() || (value.is_string() && value.get_ref<const std::string &>().empty()) ||
           (value.is_array() && value.empty()) || (value.is_object() && value.empty());
}

// "/contacts?q=<encoded>&limit=200&cursor=<encoded>"
std::string listTarget(const std::string &resource, const QString &query, int limit, const std::string &cursor);

// The gateway's error message for a failed response, or a generic text with the status.
QString responseError(const nlohmann::json &body, int status);

// ISO 8601 UTC from the gateway -> short local date and time for tables and the editor footer.
QString formatTimestamp(const QString &iso);
QString formatDate(const QString &iso);  // the date part only

} // namespace rapport::ui
