// List- and object-valued fields of FieldReader (declared in fields.h).

#include <algorithm>
#include <set>

#include "crm/fields.h"

namespace rapport {

namespace {
constexpr std::size_t kMaxItems = 20;

std::string indexed(const std::string &base, std::size_t i)
{
    return base + "[" + std::to_string(i) + "]";
}

std::string lowerAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Items may be objects or, as a shorthand, plain strings ("anna@example.com").
nlohmann::json asObject(const nlohmann::json &item, const char *mainKey)
{
    if (item.is_string())
        return nlohmann::json{{mainKey, item}};
    return item;
}
} // namespace

std::optional<nlohmann::json> FieldReader::emails()
{
    const auto it = m_in.find("emails");
    if (it == m_in.end())
        return std::nullopt;
    if (it->is_null())
        return nlohmann::json::array();
    const std::string base = path("emails");
    if (!it->is_array() || it->size() > kMaxItems) {
        fail(base, "Must be a list of at most 20 e-mail addresses");
        return std::nullopt;
    }
    nlohmann::json out = nlohmann::json::array();
    std::set<std::string> seen;
    int primaries = 0;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json item = asObject((*it)[i], "address");
        if (!item.is_object()) {
            fail(indexed(base, i), "Must be an e-mail address");
            continue;
        }
        FieldReader r(item, indexed(base, i));
        r.allowOnly({"address", "label", "primary"}, {});
        const auto address = r.text("address", 254);
        const auto label = r.text("label", 50);
        bool primary = false;
        if (auto p = item.find("primary"); p != item.end() && !p->is_null()) {
            if (!p->is_boolean())
                r.fail(indexed(base, i) + ".primary", "Must be true or false");
            else
                primary = p->get<bool>();
        }
        if (!address || address->empty())
            r.fail(indexed(base, i) + ".address", "An e-mail address is required");
        else if (!looksLikeEmail(*address))
            r.fail(indexed(base, i) + ".address", "\"" + *address + "\" is not an e-mail address");
        else if (!seen.insert(lowerAscii(*address)).second)
            r.fail(indexed(base, i) + ".address", "This address is listed twice");
        m_errors.insert(m_errors.end(), r.errors().begin(), r.errors().end());
        primaries += primary ? 1 : 0;
        out.push_back({{"address", address.value_or("")}, {"label", label.value_or("")}, {"primary", primary}});
    }
    if (primaries > 1)
        fail(base, "Only one e-mail address can be primary");
    else if (primaries == 0 && !out.empty())
        out[0]["primary"] = true;  // a list always has its primary address: the first unless chosen
    return out;
}

std::optional<nlohmann::json> FieldReader::phones()
{
    const auto it = m_in.find("phones");
    if (it == m_in.end())
        return std::nullopt;
    if (it->is_null())
        return nlohmann::json::array();
    const std::string base = path("phones");
    if (!it->is_array() || it->size() > kMaxItems) {
        fail(base, "Must be a list of at most 20 phone numbers");
        return std::nullopt;
    }
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json item = asObject((*it)[i], "number");
        if (!item.is_object()) {
            fail(indexed(base, i), "Must be a phone number");
            continue;
        }
        FieldReader r(item, indexed(base, i));
        r.allowOnly({"number", "label"}, {});
        const auto number = r.text("number", 40);
        const auto label = r.text("label", 50);
        if (!number || number->empty())
            r.fail(indexed(base, i) + ".number", "A phone number is required");
        else if (!looksLikePhone(*number))
            r.fail(indexed(base, i) + ".number", "\"" + *number + "\" is not a phone number");
        m_errors.insert(m_errors.end(), r.errors().begin(), r.errors().end());
        out.push_back({{"number", number.value_or("")}, {"label", label.value_or("")}});
    }
    return out;
}

std::optional<nlohmann::json> FieldReader::address()
{
    const auto it = m_in.find("address");
    if (it == m_in.end())
        return std::nullopt;
    if (it->is_null())
        return nlohmann::json::object();
    if (!it->is_object()) {
        fail(path("address"), "Must be an address object");
        return std::nullopt;
    }
    FieldReader r(*it, path("address"));
    r.allowOnly({"street", "city", "postal_code", "region", "country"}, {});
    nlohmann::json out = nlohmann::json::object();
    for (const char *key : {"street", "city", "postal_code", "region", "country"}) {
        if (auto v = r.text(key, 200); v && !v->empty())
            out[key] = *v;
    }
    m_errors.insert(m_errors.end(), r.errors().begin(), r.errors().end());
    return out;
}

std::optional<nlohmann::json> FieldReader::addresses(std::string_view key)
{
    const auto it = m_in.find(key);
    if (it == m_in.end())
        return std::nullopt;
    if (it->is_null())
        return nlohmann::json::array();
    const std::string base = path(key);
    if (!it->is_array() || it->size() > 50) {
        fail(base, "Must be a list of at most 50 e-mail addresses");
        return std::nullopt;
    }
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto &item = (*it)[i];
        if (!item.is_string() || !looksLikeEmail(item.get_ref<const std::string &>()))
            fail(indexed(base, i), item.is_string() ? "\"" + item.get<std::string>() + "\" is not an e-mail address"
                                                    : std::string("Must be an e-mail address"));
        else
            out.push_back(item);
    }
    return out;
}

std::optional<nlohmann::json> FieldReader::tags()
{
    const auto it = m_in.find("tags");
    if (it == m_in.end())
        return std::nullopt;
    if (it->is_null())
        return nlohmann::json::array();
    if (!it->is_array() || it->size() > 50) {
        fail(path("tags"), "Must be a list of at most 50 tags");
        return std::nullopt;
    }
    nlohmann::json out = nlohmann::json::array();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto &tag = (*it)[i];
        const std::string field = indexed(path("tags"), i);
        if (!tag.is_string()) {
            fail(field, "Must be text");
            continue;
        }
        const nlohmann::json wrapped{{"t", tag}};  // the reader keeps a reference: keep it alive
        FieldReader r(wrapped);
        const std::string value = r.text("t", 50).value_or("");
        if (!r.ok() || value.empty())
            fail(field, "A tag is 1 to 50 characters on one line");
        else if (seen.insert(value).second)
            out.push_back(value);
    }
    return out;
}

} // namespace rapport
