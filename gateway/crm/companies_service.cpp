#include "crm/companies_service.h"

#include <QSqlQuery>
#include <QVariant>

#include "crm/company_record.h"
#include "crm/record_rows.h"
#include "crm/list_cursor.h"
#include "store/outbox.h"
#include "store/search_index.h"
#include "store/store.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
nlohmann::json writableFields(const CompanyRecord &r)
{
    nlohmann::json j = r.toJson();
    for (const char *k : {"id", "created_at", "updated_at"})
        j.erase(k);
    return j;
}

// Reads a company by id; with includeDeleted a tombstone is returned too (flagged in `deleted`).
Result<std::optional<CompanyRecord>> load(Connection &conn, std::string_view id, bool includeDeleted,
                                          bool *deleted = nullptr)
{
    QSqlQuery &q = conn.prepare(u"SELECT "_s + companyColumns() +
                                u", co.deleted_at IS NOT NULL FROM companies co WHERE co.id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "reading a company"); !e)
        return std::move(e).error();
    std::optional<CompanyRecord> found;
    if (q.next() && (includeDeleted || !q.value(11).toBool())) {
        found = readCompanyRow(q);
        if (deleted)
            *deleted = q.value(11).toBool();
    }
    q.finish();
    return found;
}

} // namespace

Result<void> saveCompanyRow(WriteTxn &txn, CompanyRecord &r, bool insert)
{
    QSqlQuery &q = txn.conn.prepare(
        insert ? u"INSERT INTO companies(name, sort_key, domain, phone, address, tags, notes, owner, created_at, "
                 "updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"_s
               : u"UPDATE companies SET name=?, sort_key=?, domain=?, phone=?, address=?, tags=?, notes=?, owner=?, "
                 "created_at=?, updated_at=?, deleted_at=NULL WHERE id=?"_s);
    const QString name = qs(r.name);
    q.bindValue(0, name);
    q.bindValue(1, sortKey(name));
    q.bindValue(2, qs(r.domain));
    q.bindValue(3, qs(r.phone));
    q.bindValue(4, qs(r.address.dump()));
    q.bindValue(5, qs(r.tags.dump()));
    q.bindValue(6, qs(r.notes));
    q.bindValue(7, qs(r.owner));
    q.bindValue(8, static_cast<qint64>(r.createdAt));
    q.bindValue(9, static_cast<qint64>(r.updatedAt));
    q.bindValue(10, qs(r.id));
    if (auto e = exec(q, "saving a company"); !e)
        return e;
    if (insert)
        r.seq = q.lastInsertId().toLongLong();
    return {};
}

namespace {

Result<nlohmann::json> createIn(WriteTxn &txn, const CompanyChanges &changes, const std::string &fieldPrefix)
{
    CompanyRecord r;
    r.id = changes.id.value_or("");
    bool restoring = false;
    if (r.id.empty()) {
        r.id = newUuidV7();
    } else {
        bool deleted = false;
        auto found = load(txn.conn, r.id, true, &deleted);
        if (!found)
            return std::move(found).error();
        if (*found && !deleted)
            return Error::make(ErrorCode::Conflict, "A company with this id already exists",
                               fieldPrefix.empty() ? "id" : fieldPrefix + ".id");
        restoring = found->has_value();
        if (restoring) {  // keeps its row and creation time
            r.seq = (*found)->seq;
            r.createdAt = (*found)->createdAt;
        }
    }
    applyCompanyChanges(r, changes);
    r.updatedAt = txn.nowMs;
    if (!restoring)
        r.createdAt = txn.nowMs;
    if (auto e = saveCompanyRow(txn, r, !restoring); !e)
        return std::move(e).error();
    if (auto e = indexCompany(txn.conn, r.seq, qs(r.name), qs(r.domain)); !e)
        return std::move(e).error();
    if (restoring) {  // its contacts show the company again
        if (auto e = reindexContactsOfCompany(txn.conn, qs(r.id)); !e)
            return std::move(e).error();
    }
    const MutationOp op = restoring ? MutationOp::Restore : MutationOp::Create;
    if (auto e = recordMutation(txn, "company", r.id, op, writableFields(r)); !e)
        return std::move(e).error();
    return r.toJson();
}
} // namespace

CompaniesService::CompaniesService(Store &store) : m_store(store) {}

Result<nlohmann::json> CompaniesService::get(std::string_view id) const
{
    if (!isUuid(id))
        return Error::notFound("company");
    auto found = load(m_store.reader(), id, false);
    if (!found)
        return std::move(found).error();
    if (!*found)
        return Error::notFound("company");
    return (*found)->toJson();
}

Result<nlohmann::json> CompaniesService::create(const nlohmann::json &input)
{
    auto changes = parseCompanyInput(input, true);
    if (!changes)
        return std::move(changes).error();
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) { return createIn(txn, *changes, {}); });
}

Result<std::vector<std::string>> CompaniesService::createMany(const std::vector<nlohmann::json> &inputs)
{
    std::vector<CompanyChanges> parsed;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < inputs.size() && errors.size() < 100; ++i) {
        auto c = parseCompanyInput(inputs[i], true, "items[" + std::to_string(i) + "]");
        if (c)
            parsed.push_back(std::move(*c));
        else if (c.error().details.empty())
            errors.push_back({c.error().field, c.error().message});
        else
            errors.insert(errors.end(), c.error().details.begin(), c.error().details.end());
    }
    if (!errors.empty())
        return Error::validation(std::move(errors));
    return m_store.write<std::vector<std::string>>([&](WriteTxn &txn) -> Result<std::vector<std::string>> {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            auto created = createIn(txn, parsed[i], "items[" + std::to_string(i) + "]");
            if (!created)
                return std::move(created).error();
            ids.push_back((*created)["id"].get<std::string>());
        }
        return ids;
    });
}

Result<nlohmann::json> CompaniesService::update(std::string_view id, const nlohmann::json &patch)
{
    if (!isUuid(id))
        return Error::notFound("company");
    if (patch.is_object() && patch.contains("id") && patch["id"] != id)
        return Error::validation({{"id", "The id of a company cannot change"}});
    nlohmann::json body = patch;
    if (body.is_object())
        body.erase("id");
    auto changes = parseCompanyInput(body, false);
    if (!changes)
        return std::move(changes).error();
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        auto found = load(txn.conn, id, false);
        if (!found)
            return std::move(found).error();
        if (!*found)
            return Error::notFound("company");
        CompanyRecord r = std::move(**found);
        const nlohmann::json changed = applyCompanyChanges(r, *changes);
        if (changed.empty())
            return r.toJson();
        r.updatedAt = txn.nowMs;
        if (auto e = saveCompanyRow(txn, r, false); !e)
            return std::move(e).error();
        if (changed.contains("name") || changed.contains("domain")) {
            if (auto e = unindexCompany(txn.conn, r.seq); !e)
                return std::move(e).error();
            if (auto e = indexCompany(txn.conn, r.seq, qs(r.name), qs(r.domain)); !e)
                return std::move(e).error();
        }
        if (changed.contains("name")) {  // contacts are found by their company's name
            if (auto e = reindexContactsOfCompany(txn.conn, qs(r.id)); !e)
                return std::move(e).error();
        }
        if (auto e = recordMutation(txn, "company", r.id, MutationOp::Update, changed); !e)
            return std::move(e).error();
        return r.toJson();
    });
}

Result<nlohmann::json> CompaniesService::remove(std::string_view id)
{
    if (!isUuid(id))
        return Error::notFound("company");
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        auto found = load(txn.conn, id, false);
        if (!found)
            return std::move(found).error();
        if (!*found)
            return Error::notFound("company");
        QSqlQuery &q = txn.conn.prepare(u"UPDATE companies SET deleted_at = ?, updated_at = ? WHERE seq = ?"_s);
        q.bindValue(0, static_cast<qint64>(txn.nowMs));
        q.bindValue(1, static_cast<qint64>(txn.nowMs));
        q.bindValue(2, (*found)->seq);
        if (auto e = exec(q, "deleting a company"); !e)
            return std::move(e).error();
        if (auto e = unindexCompany(txn.conn, (*found)->seq); !e)
            return std::move(e).error();
        if (auto e = reindexContactsOfCompany(txn.conn, qs(id)); !e)
            return std::move(e).error();
        if (auto e = recordMutation(txn, "company", id, MutationOp::Delete, nlohmann::json::object()); !e)
            return std::move(e).error();
        return nlohmann::json{{"id", id}, {"deleted", true}};
    });
}

} // namespace rapport
