// Pulled contacts and companies (remote_apply.h). Kept apart from the services, which serve the user's
// own edits; both write the same columns through the same search-index helpers.

#include "crm/remote_apply.h"

#include <QSqlQuery>
#include <QVariant>

#include "crm/company_record.h"
#include "crm/contact_record.h"
#include "store/search_index.h"
#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {

struct Row {
    qint64 seq = 0;
    bool deleted = false;
};

Result<std::optional<Row>> findRow(Connection &conn, const QString &table, const std::string &id)
{
    QSqlQuery &q = conn.prepare(u"SELECT seq, deleted_at IS NOT NULL FROM "_s + table + u" WHERE id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "looking up a pulled record"); !e)
        return std::move(e).error();
    std::optional<Row> out;
    if (q.next())
        out = Row{q.value(0).toLongLong(), q.value(1).toBool()};
    q.finish();
    return out;
}

Result<void> setDeleted(WriteTxn &txn, const QString &table, qint64 seq, bool deleted)
{
    QSqlQuery &q = txn.conn.prepare(u"UPDATE "_s + table + u" SET deleted_at = ? WHERE seq = ?"_s);
    q.bindValue(0, deleted ? QVariant(static_cast<qint64>(txn.nowMs)) : QVariant());
    q.bindValue(1, seq);
    return exec(q, "marking a pulled record");
}

// A company row that a pulled contact refers to before the company itself arrives.
Result<void> ensureCompany(WriteTxn &txn, const std::string &companyId)
{
    if (companyId.empty())
        return {};
    auto found = findRow(txn.conn, u"companies"_s, companyId);
    if (!found)
        return std::move(found).error();
    if (*found)
        return {};
    QSqlQuery &q = txn.conn.prepare(u"INSERT INTO companies(id, name, sort_key, created_at, updated_at, deleted_at) "
                                    u"VALUES (?, '', '', ?, ?, ?)"_s);
    q.bindValue(0, qs(companyId));
    q.bindValue(1, txn.nowMs);
    q.bindValue(2, txn.nowMs);
    q.bindValue(3, txn.nowMs);
    return exec(q, "keeping a pulled contact's company");
}

QString contactIndexName(Connection &conn, const ContactRecord &r)
{
    if (r.companyId.empty())
        return {};
    QSqlQuery &q = conn.prepare(u"SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL"_s);
    q.bindValue(0, qs(r.companyId));
    QString name;
    if (q.exec() && q.next())
        name = q.value(0).toString();
    q.finish();
    return name;
}

} // namespace

Result<void> applyRemoteContact(WriteTxn &txn, const std::string &id, const nlohmann::json &values,
                                std::optional<bool> deletedState)
{
    auto changes = parseContactInput(values, false);
    if (!changes)
        return std::move(changes).error();
    auto found = findRow(txn.conn, u"contacts"_s, id);
    if (!found)
        return std::move(found).error();
    const bool deleted = deletedState.value_or(*found && (*found)->deleted);
    if (!*found && deleted)
        return {};  // never seen here and already gone: nothing to show
    ContactRecord r;
    r.id = id;
    if (*found) {
        QSqlQuery &q = txn.conn.prepare(u"SELECT "_s + contactColumns() +
                                        u" FROM contacts c LEFT JOIN companies co ON co.id = c.company_id "
                                        u"WHERE c.id = ?"_s);
        q.bindValue(0, qs(id));
        if (auto e = exec(q, "reading a contact"); !e)
            return e;
        if (q.next())
            r = readContactRow(q);
        q.finish();
    }
    applyContactChanges(r, *changes);
    if (auto e = ensureCompany(txn, r.companyId); !e)
        return e;
    if (!*found)
        r.createdAt = txn.nowMs;
    r.updatedAt = txn.nowMs;
    QSqlQuery &q = txn.conn.prepare(
        *found ? u"UPDATE contacts SET name=?, sort_key=?, title=?, company_id=?, emails=?, phones=?, address=?, "
                 "tags=?, notes=?, owner=?, created_at=?, updated_at=? WHERE id=?"_s
               : u"INSERT INTO contacts(name, sort_key, title, company_id, emails, phones, address, tags, notes, "
                 "owner, created_at, updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    const QString name = qs(r.name);
    const QVariantList binds{name, sortKey(name), qs(r.title),
                             r.companyId.empty() ? QVariant() : QVariant(qs(r.companyId)),
                             qs(r.emails.dump()), qs(r.phones.dump()), qs(r.address.dump()), qs(r.tags.dump()),
                             qs(r.notes), qs(r.owner), static_cast<qint64>(r.createdAt),
                             static_cast<qint64>(r.updatedAt), qs(r.id)};
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto e = exec(q, "saving a pulled contact"); !e)
        return e;
    const qint64 seq = *found ? (*found)->seq : q.lastInsertId().toLongLong();
    const bool wasIndexed = *found && !(*found)->deleted;
    if (auto e = setDeleted(txn, u"contacts"_s, seq, deleted); !e)
        return e;
    if (wasIndexed) {
        if (auto e = unindexContact(txn.conn, seq); !e)
            return e;
    }
    if (deleted)
        return {};
    return indexContact(txn.conn, seq, contactIndexText(name, r.emails, contactIndexName(txn.conn, r), r.phones));
}

Result<void> applyRemoteCompany(WriteTxn &txn, const std::string &id, const nlohmann::json &values,
                                std::optional<bool> deletedState)
{
    auto changes = parseCompanyInput(values, false);
    if (!changes)
        return std::move(changes).error();
    auto found = findRow(txn.conn, u"companies"_s, id);
    if (!found)
        return std::move(found).error();
    const bool deleted = deletedState.value_or(*found && (*found)->deleted);
    if (!*found && deleted)
        return {};
    CompanyRecord r;
    r.id = id;
    if (*found) {
        QSqlQuery &q = txn.conn.prepare(u"SELECT "_s + companyColumns() + u" FROM companies co WHERE co.id = ?"_s);
        q.bindValue(0, qs(id));
        if (auto e = exec(q, "reading a company"); !e)
            return e;
        if (q.next())
            r = readCompanyRow(q);
        q.finish();
    }
    applyCompanyChanges(r, *changes);
    if (!*found)
        r.createdAt = txn.nowMs;
    r.updatedAt = txn.nowMs;
    QSqlQuery &q = txn.conn.prepare(
        *found ? u"UPDATE companies SET name=?, sort_key=?, domain=?, phone=?, address=?, tags=?, notes=?, owner=?, "
                 "created_at=?, updated_at=? WHERE id=?"_s
               : u"INSERT INTO companies(name, sort_key, domain, phone, address, tags, notes, owner, created_at, "
                 "updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"_s);
    const QString name = qs(r.name);
    const QVariantList binds{name, sortKey(name), qs(r.domain), qs(r.phone), qs(r.address.dump()), qs(r.tags.dump()),
                             qs(r.notes), qs(r.owner), static_cast<qint64>(r.createdAt),
                             static_cast<qint64>(r.updatedAt), qs(r.id)};
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto e = exec(q, "saving a pulled company"); !e)
        return e;
    const qint64 seq = *found ? (*found)->seq : q.lastInsertId().toLongLong();
    if (auto e = setDeleted(txn, u"companies"_s, seq, deleted); !e)
        return e;
    if (*found && !(*found)->deleted) {
        if (auto e = unindexCompany(txn.conn, seq); !e)
            return e;
    }
    if (!deleted) {
        if (auto e = indexCompany(txn.conn, seq, name, qs(r.domain)); !e)
            return e;
    }
    return reindexContactsOfCompany(txn.conn, qs(id));  // contacts are found by their company's name
}

Result<std::optional<nlohmann::json>> storedFields(Connection &conn, const std::string &entity, const std::string &id)
{
    const bool contact = entity == "contact";
    QSqlQuery &q = conn.prepare(contact ? u"SELECT "_s + contactColumns() +
                                              u" FROM contacts c LEFT JOIN companies co ON co.id = c.company_id "
                                              u"WHERE c.id = ?"_s
                                        : u"SELECT "_s + companyColumns() + u" FROM companies co WHERE co.id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "reading a record"); !e)
        return std::move(e).error();
    std::optional<nlohmann::json> out;
    if (q.next()) {
        if (contact) {
            out = readContactRow(q).fieldsJson();
        } else {
            nlohmann::json j = readCompanyRow(q).toJson();
            for (const char *k : {"id", "created_at", "updated_at"})
                j.erase(k);
            out = std::move(j);
        }
    }
    q.finish();
    return out;
}

} // namespace rapport
