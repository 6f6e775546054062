#include "crm/draft_record.h"

#include <QSqlQuery>
#include <QVariant>

#include "crm/fields.h"
#include "store/timefmt.h"

using namespace Qt::StringLiterals;

namespace rapport {

nlohmann::json DraftRecord::fieldsJson() const
{
    return {{"contact_id", contactId.empty() ? nlohmann::json() : nlohmann::json(contactId)},
            {"to", to}, {"cc", cc}, {"subject", subject}, {"body", body}};
}

nlohmann::json DraftRecord::toJson() const
{
    nlohmann::json j = fieldsJson();
    j["id"] = id;
    j["status"] = status;
    j["created_at"] = isoFromMs(createdAt);
    j["updated_at"] = isoFromMs(updatedAt);
    return j;
}

QString draftColumns()
{
    return u"seq, id, contact_id, to_addrs, cc_addrs, subject, body, status, created_at, updated_at"_s;
}

DraftRecord readDraftRow(const QSqlQuery &q)
{
    auto list = [&q](int i) {
        auto parsed = nlohmann::json::parse(q.value(i).toString().toStdString(), nullptr, false);
        return parsed.is_array() ? parsed : nlohmann::json::array();
    };
    DraftRecord r;
    r.seq = q.value(0).toLongLong();
    r.id = q.value(1).toString().toStdString();
    r.contactId = q.value(2).toString().toStdString();
    r.to = list(3);
    r.cc = list(4);
    r.subject = q.value(5).toString().toStdString();
    r.body = q.value(6).toString().toStdString();
    r.status = q.value(7).toString().toStdString();
    r.createdAt = q.value(8).toLongLong();
    r.updatedAt = q.value(9).toLongLong();
    return r;
}

Result<DraftChanges> parseDraftInput(const nlohmann::json &body, bool creating)
{
    if (!body.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object");
    FieldReader in(body);
    in.allowOnly({"id", "contact_id", "to", "cc", "subject", "body"}, {"status", "created_at", "updated_at"});
    DraftChanges c;
    if (creating)
        c.id = in.uuid("id");
    c.contactId = in.uuid("contact_id");
    c.to = in.addresses("to");
    c.cc = in.addresses("cc");
    c.subject = in.text("subject", 998);  // RFC 5322's line limit: a subject is one header line
    c.body = in.text("body", 1000000, false);
    if (!in.ok())
        return Error::validation(in.errors());
    return c;
}

nlohmann::json applyDraftChanges(DraftRecord &r, const DraftChanges &c)
{
    nlohmann::json changed = nlohmann::json::object();
    auto set = [&changed](const char *key, auto &field, const auto &value) {
        if (value && field != *value) {
            field = *value;
            changed[key] = *value;
        }
    };
    set("contact_id", r.contactId, c.contactId);
    set("to", r.to, c.to);
    set("cc", r.cc, c.cc);
    set("subject", r.subject, c.subject);
    set("body", r.body, c.body);
    if (changed.contains("contact_id") && changed["contact_id"] == "")
        changed["contact_id"] = nullptr;
    return changed;
}

} // namespace rapport
