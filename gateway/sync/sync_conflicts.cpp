// The conflict log of SyncEngine: listing this profile's open conflicts and settling them. "Keep mine"
// is a new local edit (a fresh HLC, so it wins the next push); "keep theirs" only closes the entry.

#include <QSqlQuery>

#include "crm/companies_service.h"
#include "crm/contacts_service.h"
#include "crm/remote_apply.h"
#include "store/store.h"
#include "store/timefmt.h"
#include "sync/sync_engine.h"

using namespace Qt::StringLiterals;

namespace rapport::sync {

namespace {

nlohmann::json parsed(const QVariant &v)
{
    return nlohmann::json::parse(v.toString().toStdString(), nullptr, false);
}

QString conflictColumns()
{
    return u"k.id, k.entity, k.entity_id, k.field, k.kind, k.mine, k.theirs, k.message, k.created_at, k.status, "
           u"COALESCE(c.name, co.name, '') FROM sync_conflicts k "
           u"LEFT JOIN contacts c ON k.entity = 'contact' AND c.id = k.entity_id "
           u"LEFT JOIN companies co ON k.entity = 'company' AND co.id = k.entity_id "_s;
}

nlohmann::json readConflict(const QSqlQuery &q)
{
    return {{"id", q.value(0).toString().toStdString()},
            {"entity", q.value(1).toString().toStdString()},
            {"entity_id", q.value(2).toString().toStdString()},
            {"field", q.value(3).toString().toStdString()},
            {"kind", q.value(4).toString().toStdString()},
            {"mine", parsed(q.value(5))},
            {"theirs", parsed(q.value(6))},
            {"message", q.value(7).toString().toStdString()},
            {"created_at", isoFromMs(q.value(8).toLongLong())},
            {"status", q.value(9).toString().toStdString()},
            {"record_name", q.value(10).toString().toStdString()}};
}

} // namespace

Result<nlohmann::json> SyncEngine::conflicts() const
{
    QSqlQuery &q = m_store.reader().prepare(u"SELECT "_s + conflictColumns() +
                                            u"WHERE k.status = 'open' ORDER BY k.created_at, k.id"_s);
    if (auto e = exec(q, "listing conflicts"); !e)
        return std::move(e).error();
    nlohmann::json items = nlohmann::json::array();
    while (q.next())
        items.push_back(readConflict(q));
    q.finish();
    return nlohmann::json{{"items", std::move(items)}};
}

Result<nlohmann::json> SyncEngine::resolve(const std::string &id, const std::string &keep)
{
    if (keep != "mine" && keep != "theirs")
        return Error::validation({{"keep", "keep must be \"mine\" or \"theirs\""}});
    QSqlQuery &q = m_store.reader().prepare(u"SELECT "_s + conflictColumns() + u"WHERE k.id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "reading a conflict"); !e)
        return std::move(e).error();
    std::optional<nlohmann::json> conflict;
    if (q.next())
        conflict = readConflict(q);
    q.finish();
    if (!conflict)
        return Error::notFound("conflict");
    if ((*conflict)["status"] != "open")
        return Error::make(ErrorCode::Conflict, "this conflict is already settled");
    if (keep == "mine") {
        if ((*conflict)["kind"] == "rejected")
            return Error::validation({{"keep", "the server refused this change; edit the record instead"}});
        if (auto e = keepMine(*conflict); !e)
            return std::move(e).error();
    }
    auto closed = m_store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        QSqlQuery &u = txn.conn.prepare(u"UPDATE sync_conflicts SET status = ?, resolved_at = ? WHERE id = ?"_s);
        u.bindValue(0, keep == "mine" ? u"kept_mine"_s : u"kept_theirs"_s);
        u.bindValue(1, txn.nowMs);
        u.bindValue(2, qs(id));
        if (auto e = exec(u, "settling a conflict"); !e)
            return std::move(e).error();
        return true;
    });
    if (!closed)
        return std::move(closed).error();
    return nlohmann::json{{"id", id}, {"status", "resolved"}, {"kept", keep}};
}

Result<void> SyncEngine::keepMine(const nlohmann::json &conflict)
{
    const std::string entity = conflict["entity"];
    const std::string entityId = conflict["entity_id"];
    const nlohmann::json mine = conflict["mine"].value("value", nlohmann::json(nullptr));
    nlohmann::json patch = nlohmann::json::object();
    if (conflict["kind"] == "field")
        patch[conflict["field"].get<std::string>()] = mine;
    else if (mine.is_object())
        patch = mine;
    Result<nlohmann::json> done = nlohmann::json();
    if (conflict["kind"] == "deleted") {  // bring the record back with the edit that lost
        auto fields = storedFields(m_store.reader(), entity, entityId);
        if (!fields)
            return std::move(fields).error();
        nlohmann::json body = fields->value_or(nlohmann::json::object());
        body.erase("company_name");
        body.update(patch);
        body["id"] = entityId;
        done = entity == "contact" ? m_contacts.create(body) : m_companies.create(body);
        if (!done && done.error().code == ErrorCode::Conflict)  // already alive again: just re-apply the edit
            done = entity == "contact" ? m_contacts.update(entityId, patch) : m_companies.update(entityId, patch);
    } else {
        done = entity == "contact" ? m_contacts.update(entityId, patch) : m_companies.update(entityId, patch);
    }
    if (!done)
        return std::move(done).error();
    return {};
}

} // namespace rapport::sync
