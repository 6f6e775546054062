#include "store/outbox.h"

#include <nlohmann/json.hpp>

#include "store/field_clocks.h"
#include "store/store.h"
#include "store/uuid.h"
#include "sync/hlc.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
QString opName(MutationOp op)
{
    switch (op) {
    case MutationOp::Create: return u"create"_s;
    case MutationOp::Update: return u"update"_s;
    case MutationOp::Delete: return u"delete"_s;
    case MutationOp::Restore: return u"restore"_s;
    }
    return {};
}

// Team records (contact, company) carry field clocks for the server's merge; drafts stay local.
bool syncsFields(std::string_view entity)
{
    return entity == "contact" || entity == "company";
}

// The clocks the changed fields had before this edit (the "bases" the server compares), and the new
// clocks after it. A delete's base is the newest clock of the record: what the deleting user had seen.
Result<nlohmann::json> advanceClocks(WriteTxn &txn, std::string_view entityId, MutationOp op,
                                     const nlohmann::json &fields, const std::string &hlc)
{
    auto clocks = readFieldClocks(txn.conn, entityId);
    if (!clocks)
        return std::move(clocks).error();
    nlohmann::json bases = nlohmann::json::object();
    if (op == MutationOp::Delete) {  // every field's clock: the server compares them one by one
        std::string newest;
        for (const auto &[name, h] : clocks->items()) {
            newest = std::max(newest, h.get<std::string>());
            bases[name] = h;
        }
        bases["_record"] = newest;
        return bases;
    }
    for (const auto &[name, value] : fields.items()) {
        if (clocks->contains(name))
            bases[name] = (*clocks)[name];
        (*clocks)[name] = hlc;
    }
    if (auto e = writeFieldClocks(txn.conn, entityId, *clocks); !e)
        return std::move(e).error();
    return bases;
}

} // namespace

Result<void> recordMutation(WriteTxn &txn, std::string_view entity, std::string_view entityId, MutationOp op,
                            const nlohmann::json &fields)
{
    const std::string hlc = txn.clock ? txn.clock->now().encode() : std::string();
    nlohmann::json bases = nlohmann::json::object();
    if (txn.clock && syncsFields(entity)) {
        auto advanced = advanceClocks(txn, entityId, op, fields, hlc);
        if (!advanced)
            return std::move(advanced).error();
        bases = std::move(*advanced);
        txn.recordedMutation = true;
    }
    QSqlQuery &q = txn.conn.prepare(u"INSERT INTO outbox(mutation_id, entity, entity_id, op, fields, created_at, hlc, "
                                    u"bases) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, QString::fromLatin1(newUuidV7()));
    q.bindValue(1, qs(entity));
    q.bindValue(2, qs(entityId));
    q.bindValue(3, opName(op));
    q.bindValue(4, QString::fromStdString(fields.dump()));
    q.bindValue(5, txn.nowMs);
    q.bindValue(6, QString::fromStdString(hlc));
    q.bindValue(7, qs(bases.dump()));
    return exec(q, "recording the change for sync");
}

} // namespace rapport
