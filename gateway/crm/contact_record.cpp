#include "crm/contact_record.h"

#include <QSqlQuery>
#include <QVariant>

#include "crm/fields.h"
#include "store/timefmt.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
std::string str(const QSqlQuery &q, int i)
{
    return q.value(i).toString().toStdString();
}

nlohmann::json jsonColumn(const QSqlQuery &q, int i, nlohmann::json fallback)
{
    const QByteArray utf8 = q.value(i).toString().toUtf8();
    if (utf8.size() == 2)  // "[]" or "{}": skip the parser
        return fallback;
    auto parsed = nlohmann::json::parse(utf8.begin(), utf8.end(), nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}
} // namespace

nlohmann::json ContactRecord::fieldsJson() const
{
    return ContactRecord(*this).fieldsOnly();
}

nlohmann::json ContactRecord::toJson() const &
{
    return ContactRecord(*this).toJson();
}

nlohmann::json ContactRecord::toJson() &&
{
    nlohmann::json j = fieldsOnly();
    j["id"] = std::move(id);
    j["company_name"] = companyName.empty() ? nlohmann::json() : nlohmann::json(std::move(companyName));
    j["created_at"] = isoFromMs(createdAt);
    j["updated_at"] = isoFromMs(updatedAt);
    return j;
}

// Moves the writable fields out (the record is spent afterwards): building the wire JSON is the
// largest cost of a read, so nothing is copied twice.
nlohmann::json ContactRecord::fieldsOnly()
{
    nlohmann::json j = nlohmann::json::object();
    j["name"] = std::move(name);
    j["title"] = std::move(title);
    j["company_id"] = companyId.empty() ? nlohmann::json() : nlohmann::json(companyId);
    j["emails"] = std::move(emails);
    j["phones"] = std::move(phones);
    j["address"] = std::move(address);
    j["tags"] = std::move(tags);
    j["notes"] = std::move(notes);
    j["owner"] = std::move(owner);
    return j;
}

QString contactColumns()
{
    return u"c.seq, c.id, c.name, c.title, c.company_id, co.name, c.emails, c.phones, c.address, c.tags, "
           "c.notes, c.owner, c.created_at, c.updated_at"_s;
}

ContactRecord readContactRow(const QSqlQuery &q)
{
    ContactRecord r;
    r.seq = q.value(0).toLongLong();
    r.id = str(q, 1);
    r.name = str(q, 2);
    r.title = str(q, 3);
    r.companyId = str(q, 4);
    r.companyName = r.companyId.empty() ? std::string() : str(q, 5);
    r.emails = jsonColumn(q, 6, nlohmann::json::array());
    r.phones = jsonColumn(q, 7, nlohmann::json::array());
    r.address = jsonColumn(q, 8, nlohmann::json::object());
    r.tags = jsonColumn(q, 9, nlohmann::json::array());
    r.notes = str(q, 10);
    r.owner = str(q, 11);
    r.createdAt = q.value(12).toLongLong();
    r.updatedAt = q.value(13).toLongLong();
    return r;
}

Result<ContactChanges> parseContactInput(const nlohmann::json &body, bool creating, const std::string &fieldPrefix)
{
    if (!body.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object", fieldPrefix);
    FieldReader in(body, fieldPrefix);
    // Output-only fields are accepted and ignored, so a client can send back what it read.
    in.allowOnly({"id", "name", "title", "company_id", "emails", "phones", "address", "tags", "notes", "owner"},
                 {"company_name", "created_at", "updated_at"});
    ContactChanges c;
    if (creating)
        c.id = in.uuid("id");
    c.name = in.text("name", 200);
    c.title = in.text("title", 200);
    c.companyId = in.uuid("company_id");
    c.emails = in.emails();
    c.phones = in.phones();
    c.address = in.address();
    c.tags = in.tags();
    c.notes = in.text("notes", 100000, false);
    c.owner = in.text("owner", 200);
    const std::string nameField = fieldPrefix.empty() ? "name" : fieldPrefix + ".name";
    const bool nameMissing = creating ? (!c.name || c.name->empty()) : (c.name && c.name->empty());
    const bool nameAlreadyFailed = in.has("name") && !c.name;  // e.g. not text: that error says enough
    if (nameMissing && !nameAlreadyFailed)
        in.fail(nameField, "A name is required");
    if (!in.ok())
        return Error::validation(in.errors());
    return c;
}

nlohmann::json applyContactChanges(ContactRecord &r, const ContactChanges &c)
{
    nlohmann::json changed = nlohmann::json::object();
    auto set = [&changed](const char *key, auto &field, const auto &value) {
        if (value && field != *value) {
            field = *value;
            changed[key] = *value;
        }
    };
    set("name", r.name, c.name);
    set("title", r.title, c.title);
    set("company_id", r.companyId, c.companyId);
    set("emails", r.emails, c.emails);
    set("phones", r.phones, c.phones);
    set("address", r.address, c.address);
    set("tags", r.tags, c.tags);
    set("notes", r.notes, c.notes);
    set("owner", r.owner, c.owner);
    if (changed.contains("company_id") && changed["company_id"] == "")
        changed["company_id"] = nullptr;
    return changed;
}

} // namespace rapport
