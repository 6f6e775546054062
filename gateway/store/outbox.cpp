#include "store/outbox.h"

#include <nlohmann/json.hpp>

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

} // namespace

Result<void> recordMutation(WriteTxn &txn, std::string_view entity, std::string_view entityId, MutationOp op,
                            const nlohmann::json &fields)
{
    QSqlQuery &q = txn.conn.prepare(
        u"INSERT INTO outbox(mutation_id, entity, entity_id, op, fields, created_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, QString::fromLatin1(newUuidV7()));
    q.bindValue(1, qs(entity));
    q.bindValue(2, qs(entityId));
    q.bindValue(3, opName(op));
    q.bindValue(4, QString::fromStdString(fields.dump()));
    q.bindValue(5, txn.nowMs);
    q.bindValue(6, txn.clock ? QString::fromStdString(txn.clock->now().encode()) : QString());
    return exec(q, "recording the change for sync");
}

} // namespace rapport
