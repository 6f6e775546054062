// Pulled contacts and companies (remote_apply.h). Kept apart from the services, which serve the user's
// own edits; both write rows with record_rows.h and index them with the same search-index helpers.

#include "crm/remote_apply.h"

#include <QSqlQuery>
#include <QVariant>

#include "crm/company_record.h"
#include "crm/contact_record.h"
#include "crm/record_rows.h"
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

// A row deleted or not, for pulls and restores (the services read live rows only).
template <class Record, class Read>
Result<std::optional<Record>> loadAnyRow(Connection &conn, const QString &sql, const std::string &id, Read read)
{
    QSqlQuery &q = conn.prepare(sql);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "reading a record"); !e)
        return std::move(e).error();
    std::optional<Record> out;
    if (q.next())
        out = read(q);
    q.finish();
    return out;
}

Result<std::optional<ContactRecord>> loadAnyContact(Connection &conn, const std::string &id)
{
    return loadAnyRow<ContactRecord>(conn,
                                     u"SELECT "_s + contactColumns() +
                                         u" FROM contacts c LEFT JOIN companies co ON co.id = c.company_id "
                                         u"WHERE c.id = ?"_s,
                                     id, readContactRow);
}

Result<std::optional<CompanyRecord>> loadAnyCompany(Connection &conn, const std::string &id)
{
    return loadAnyRow<CompanyRecord>(conn, u"SELECT "_s + companyColumns() + u" FROM companies co WHERE co.id = ?"_s,
                                     id, readCompanyRow);
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
        auto row = loadAnyContact(txn.conn, id);
        if (!row)
            return std::move(row).error();
        if (*row)
            r = std::move(**row);
    }
    applyContactChanges(r, *changes);
    if (auto e = ensureCompany(txn, r.companyId); !e)
        return e;
    if (!*found)
        r.createdAt = txn.nowMs;
    r.updatedAt = txn.nowMs;
    if (*found)
        r.seq = (*found)->seq;
    if (auto e = saveContactRow(txn, r, !*found); !e)
        return e;
    const QString name = qs(r.name);
    const qint64 seq = r.seq;
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
        auto row = loadAnyCompany(txn.conn, id);
        if (!row)
            return std::move(row).error();
        if (*row)
            r = std::move(**row);
    }
    applyCompanyChanges(r, *changes);
    if (!*found)
        r.createdAt = txn.nowMs;
    r.updatedAt = txn.nowMs;
    if (*found)
        r.seq = (*found)->seq;
    if (auto e = saveCompanyRow(txn, r, !*found); !e)
        return e;
    const QString name = qs(r.name);
    const qint64 seq = r.seq;
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
    if (entity == "contact") {
        auto row = loadAnyContact(conn, id);
        if (!row)
            return std::move(row).error();
        return *row ? std::optional<nlohmann::json>((*row)->fieldsJson()) : std::nullopt;
    }
    auto row = loadAnyCompany(conn, id);
    if (!row)
        return std::move(row).error();
    if (!*row)
        return std::optional<nlohmann::json>();
    nlohmann::json j = (*row)->toJson();
    for (const char *k : {"id", "created_at", "updated_at"})
        j.erase(k);
    return std::optional<nlohmann::json>(std::move(j));
}

} // namespace rapport
