#include "crm/contacts_service.h"

#include <QSqlQuery>
#include <QVariant>

#include "crm/contact_record.h"
#include "crm/list_cursor.h"
#include "crm/record_rows.h"
#include "store/outbox.h"
#include "store/search_index.h"
#include "store/store.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
QString fromContacts()
{
    return u" FROM contacts c LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL "_s;
}

struct Existing {
    qint64 seq = 0;
    bool deleted = false;
    std::int64_t createdAt = 0;
};

Result<std::optional<Existing>> findExisting(Connection &conn, const std::string &id)
{
    QSqlQuery &q = conn.prepare(u"SELECT seq, deleted_at IS NOT NULL, created_at FROM contacts WHERE id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto r = exec(q, "looking up a contact"); !r)
        return std::move(r).error();
    std::optional<Existing> found;
    if (q.next())
        found = Existing{q.value(0).toLongLong(), q.value(1).toBool(), q.value(2).toLongLong()};
    q.finish();
    return found;
}

Result<std::optional<ContactRecord>> loadLive(Connection &conn, std::string_view id)
{
    QSqlQuery &q = conn.prepare(u"SELECT "_s + contactColumns() + fromContacts() +
                                u"WHERE c.id = ? AND c.deleted_at IS NULL"_s);
    q.bindValue(0, qs(id));
    if (auto r = exec(q, "reading a contact"); !r)
        return std::move(r).error();
    std::optional<ContactRecord> found;
    if (q.next())
        found = readContactRow(q);
    q.finish();
    return found;
}

// Resolves company_id to the company's name; a missing or deleted company is a field error.
Result<void> resolveCompany(Connection &conn, ContactRecord &r, const std::string &fieldPrefix)
{
    r.companyName.clear();
    if (r.companyId.empty())
        return {};
    QSqlQuery &q = conn.prepare(u"SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL"_s);
    q.bindValue(0, qs(r.companyId));
    if (auto e = exec(q, "looking up a company"); !e)
        return e;
    const bool found = q.next();
    if (found)
        r.companyName = q.value(0).toString().toStdString();
    q.finish();
    if (!found)
        return Error::validation({{fieldPrefix.empty() ? "company_id" : fieldPrefix + ".company_id",
                                   "No company with this id"}});
    return {};
}

Result<void> reindex(Connection &conn, const ContactRecord &r, bool wasIndexed)
{
    if (wasIndexed) {
        if (auto e = unindexContact(conn, r.seq); !e)
            return e;
    }
    return indexContact(conn, r.seq, contactIndexText(qs(r.name), r.emails, qs(r.companyName), r.phones));
}

} // namespace

Result<void> saveContactRow(WriteTxn &txn, ContactRecord &r, bool insert)
{
    QSqlQuery &q = txn.conn.prepare(
        insert ? u"INSERT INTO contacts(name, sort_key, title, company_id, emails, phones, address, tags, notes, "
                 "owner, created_at, updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s
               : u"UPDATE contacts SET name=?, sort_key=?, title=?, company_id=?, emails=?, phones=?, address=?, "
                 "tags=?, notes=?, owner=?, created_at=?, updated_at=?, deleted_at=NULL WHERE id=?"_s);
    const QString name = qs(r.name);
    q.bindValue(0, name);
    q.bindValue(1, sortKey(name));
    q.bindValue(2, qs(r.title));
    q.bindValue(3, r.companyId.empty() ? QVariant() : QVariant(qs(r.companyId)));
    q.bindValue(4, qs(r.emails.dump()));
    q.bindValue(5, qs(r.phones.dump()));
    q.bindValue(6, qs(r.address.dump()));
    q.bindValue(7, qs(r.tags.dump()));
    q.bindValue(8, qs(r.notes));
    q.bindValue(9, qs(r.owner));
    q.bindValue(10, static_cast<qint64>(r.createdAt));
    q.bindValue(11, static_cast<qint64>(r.updatedAt));
    q.bindValue(12, qs(r.id));
    if (auto e = exec(q, "saving a contact"); !e)
        return e;
    if (insert)
        r.seq = q.lastInsertId().toLongLong();
    return {};
}

namespace {

Result<nlohmann::json> createIn(WriteTxn &txn, const ContactChanges &changes, const std::string &fieldPrefix)
{
    ContactRecord r;
    r.id = changes.id.value_or("");
    std::optional<Existing> existing;
    if (r.id.empty()) {
        r.id = newUuidV7();
    } else {
        auto found = findExisting(txn.conn, r.id);
        if (!found)
            return std::move(found).error();
        existing = *found;
        if (existing && !existing->deleted)
            return Error::make(ErrorCode::Conflict, "A contact with this id already exists",
                               fieldPrefix.empty() ? "id" : fieldPrefix + ".id");
    }
    applyContactChanges(r, changes);
    if (auto e = resolveCompany(txn.conn, r, fieldPrefix); !e)
        return std::move(e).error();
    r.createdAt = r.updatedAt = txn.nowMs;
    if (existing) {  // restoring a tombstone (undo of a delete) keeps its row, id and creation time
        r.seq = existing->seq;
        r.createdAt = existing->createdAt;
    }
    if (auto e = saveContactRow(txn, r, !existing); !e)
        return std::move(e).error();
    if (auto e = reindex(txn.conn, r, false); !e)
        return std::move(e).error();
    const MutationOp op = existing ? MutationOp::Restore : MutationOp::Create;
    if (auto e = recordMutation(txn, "contact", r.id, op, r.fieldsJson()); !e)
        return std::move(e).error();
    return std::move(r).toJson();
}
} // namespace

ContactsService::ContactsService(Store &store) : m_store(store) {}

Result<nlohmann::json> ContactsService::get(std::string_view id) const
{
    if (!isUuid(id))
        return Error::notFound("contact");
    auto found = loadLive(m_store.reader(), id);
    if (!found)
        return std::move(found).error();
    if (!*found)
        return Error::notFound("contact");
    return std::move(**found).toJson();
}

Result<nlohmann::json> ContactsService::create(const nlohmann::json &input)
{
    auto changes = parseContactInput(input, true);
    if (!changes)
        return std::move(changes).error();
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) { return createIn(txn, *changes, {}); });
}

Result<std::vector<std::string>> ContactsService::createMany(const std::vector<nlohmann::json> &inputs)
{
    std::vector<ContactChanges> parsed;
    parsed.reserve(inputs.size());
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < inputs.size() && errors.size() < 100; ++i) {
        auto c = parseContactInput(inputs[i], true, "items[" + std::to_string(i) + "]");
        if (!c) {
            const Error &e = c.error();
            if (e.details.empty())
                errors.push_back({e.field, e.message});
            errors.insert(errors.end(), e.details.begin(), e.details.end());
        } else {
            parsed.push_back(std::move(*c));
        }
    }
    if (!errors.empty())
        return Error::validation(std::move(errors));
    return m_store.write<std::vector<std::string>>([&](WriteTxn &txn) -> Result<std::vector<std::string>> {
        std::vector<std::string> ids;
        ids.reserve(parsed.size());
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            auto created = createIn(txn, parsed[i], "items[" + std::to_string(i) + "]");
            if (!created)
                return std::move(created).error();
            ids.push_back((*created)["id"].get<std::string>());
        }
        return ids;
    });
}

Result<nlohmann::json> ContactsService::update(std::string_view id, const nlohmann::json &patch)
{
    if (!isUuid(id))
        return Error::notFound("contact");
    if (patch.is_object() && patch.contains("id") && patch["id"] != id)
        return Error::validation({{"id", "The id of a contact cannot change"}});
    nlohmann::json body = patch;
    if (body.is_object())
        body.erase("id");
    auto changes = parseContactInput(body, false);
    if (!changes)
        return std::move(changes).error();
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        auto found = loadLive(txn.conn, id);
        if (!found)
            return std::move(found).error();
        if (!*found)
            return Error::notFound("contact");
        ContactRecord r = std::move(**found);
        nlohmann::json changed = applyContactChanges(r, *changes);
        if (changed.empty())
            return std::move(r).toJson();  // nothing to record: no new timestamp, no outbox entry
        if (changed.contains("company_id")) {
            if (auto e = resolveCompany(txn.conn, r, {}); !e)
                return std::move(e).error();
        }
        r.updatedAt = txn.nowMs;
        if (auto e = saveContactRow(txn, r, false); !e)
            return std::move(e).error();
        if (changed.contains("name") || changed.contains("emails") || changed.contains("phones") ||
            changed.contains("company_id")) {
            if (auto e = reindex(txn.conn, r, true); !e)
                return std::move(e).error();
        }
        if (auto e = recordMutation(txn, "contact", r.id, MutationOp::Update, changed); !e)
            return std::move(e).error();
        return std::move(r).toJson();
    });
}

Result<nlohmann::json> ContactsService::remove(std::string_view id)
{
    if (!isUuid(id))
        return Error::notFound("contact");
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        auto found = findExisting(txn.conn, std::string(id));
        if (!found)
            return std::move(found).error();
        if (!*found || (*found)->deleted)
            return Error::notFound("contact");
        QSqlQuery &q = txn.conn.prepare(u"UPDATE contacts SET deleted_at = ?, updated_at = ? WHERE seq = ?"_s);
        q.bindValue(0, static_cast<qint64>(txn.nowMs));
        q.bindValue(1, static_cast<qint64>(txn.nowMs));
        q.bindValue(2, (*found)->seq);
        if (auto e = exec(q, "deleting a contact"); !e)
            return std::move(e).error();
        if (auto e = unindexContact(txn.conn, (*found)->seq); !e)
            return std::move(e).error();
        if (auto e = recordMutation(txn, "contact", id, MutationOp::Delete, nlohmann::json::object()); !e)
            return std::move(e).error();
        return nlohmann::json{{"id", id}, {"deleted", true}};
    });
}

Result<std::int64_t> ContactsService::count() const
{
    QSqlQuery &q = m_store.reader().prepare(u"SELECT count(*) FROM contacts WHERE deleted_at IS NULL"_s);
    if (auto e = exec(q, "counting contacts"); !e)
        return std::move(e).error();
    const std::int64_t n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

} // namespace rapport
