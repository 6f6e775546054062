#include "crm/company_record.h"

#include <algorithm>
#include <cctype>

#include <QSqlQuery>
#include <QVariant>

#include "crm/fields.h"
#include "store/timefmt.h"

using namespace Qt::StringLiterals;

namespace rapport {

nlohmann::json CompanyRecord::toJson() const
{
    return {{"id", id},       {"name", name},   {"domain", domain}, {"phone", phone},
            {"address", address}, {"tags", tags}, {"notes", notes},   {"owner", owner},
            {"created_at", isoFromMs(createdAt)}, {"updated_at", isoFromMs(updatedAt)}};
}

QString companyColumns()
{
    return u"co.seq, co.id, co.name, co.domain, co.phone, co.address, co.tags, co.notes, co.owner, "
           "co.created_at, co.updated_at"_s;
}

CompanyRecord readCompanyRow(const QSqlQuery &q)
{
    auto str = [&q](int i) { return q.value(i).toString().toStdString(); };
    auto js = [&q](int i, nlohmann::json fallback) {
        auto parsed = nlohmann::json::parse(q.value(i).toString().toStdString(), nullptr, false);
        return parsed.is_discarded() ? fallback : parsed;
    };
    CompanyRecord r;
    r.seq = q.value(0).toLongLong();
    r.id = str(1);
    r.name = str(2);
    r.domain = str(3);
    r.phone = str(4);
    r.address = js(5, nlohmann::json::object());
    r.tags = js(6, nlohmann::json::array());
    r.notes = str(7);
    r.owner = str(8);
    r.createdAt = q.value(9).toLongLong();
    r.updatedAt = q.value(10).toLongLong();
    return r;
}

Result<CompanyChanges> parseCompanyInput(const nlohmann::json &body, bool creating, const std::string &fieldPrefix)
{
    if (!body.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object", fieldPrefix);
    const auto field = [&fieldPrefix](const char *name) {
        return fieldPrefix.empty() ? std::string(name) : fieldPrefix + "." + name;
    };
    FieldReader in(body, fieldPrefix);
    in.allowOnly({"id", "name", "domain", "phone", "address", "tags", "notes", "owner"}, {"created_at", "updated_at"});
    CompanyChanges c;
    if (creating)
        c.id = in.uuid("id");
    c.name = in.text("name", 200);
    c.domain = in.text("domain", 253);
    c.phone = in.text("phone", 40);
    c.address = in.address();
    c.tags = in.tags();
    c.notes = in.text("notes", 100000, false);
    c.owner = in.text("owner", 200);
    if (c.domain) {
        std::transform(c.domain->begin(), c.domain->end(), c.domain->begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (!c.domain->empty() && !looksLikeDomain(*c.domain))
            in.fail(field("domain"), "\"" + *c.domain + "\" is not a domain name (like example.com)");
    }
    if (c.phone && !c.phone->empty() && !looksLikePhone(*c.phone))
        in.fail(field("phone"), "\"" + *c.phone + "\" is not a phone number");
    const bool nameMissing = creating ? (!c.name || c.name->empty()) : (c.name && c.name->empty());
    if (nameMissing && !(in.has("name") && !c.name))
        in.fail(field("name"), "A name is required");
    if (!in.ok())
        return Error::validation(in.errors());
    return c;
}

nlohmann::json applyCompanyChanges(CompanyRecord &r, const CompanyChanges &c)
{
    nlohmann::json changed = nlohmann::json::object();
    auto set = [&changed](const char *key, auto &field, const auto &value) {
        if (value && field != *value) {
            field = *value;
            changed[key] = *value;
        }
    };
    set("name", r.name, c.name);
    set("domain", r.domain, c.domain);
    set("phone", r.phone, c.phone);
    set("address", r.address, c.address);
    set("tags", r.tags, c.tags);
    set("notes", r.notes, c.notes);
    set("owner", r.owner, c.owner);
    return changed;
}

} // namespace rapport
