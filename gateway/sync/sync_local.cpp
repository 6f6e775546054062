#include "sync/sync_local.h"

#include <set>

#include <QSqlQuery>
#include <QtGlobal>

#include "crm/remote_apply.h"
#include "store/field_clocks.h"
#include "store/settings_kv.h"
#include "store/store.h"
#include "sync/entity_fields.h"
#include "sync/hlc.h"

using namespace Qt::StringLiterals;

namespace rapport::sync {

namespace {

nlohmann::json parseObjectText(const std::string &text)
{
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

nlohmann::json parseObject(const QVariant &v)
{
    return parseObjectText(v.toString().toStdString());
}

Result<void> saveConflict(WriteTxn &txn, const std::string &id, const std::string &entity, const std::string &entityId,
                          const std::string &field, const std::string &kind, const nlohmann::json &mine,
                          const nlohmann::json &theirs, const std::string &message)
{
    QSqlQuery &q = txn.conn.prepare(u"INSERT OR IGNORE INTO sync_conflicts(id, entity, entity_id, field, kind, mine, "
                                    u"theirs, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariantList binds{qs(id),          qs(entity),          qs(entityId),          qs(field), qs(kind),
                             qs(mine.dump()), qs(theirs.dump()),   qs(message),           txn.nowMs};
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    return exec(q, "keeping a sync conflict");
}

// The clock survives pushed rows leaving the outbox (Writer::startClock reads it back).
Result<void> rememberClock(WriteTxn &txn)
{
    if (!txn.clock)
        return {};
    return writeSettingIn(txn, "sync.clock", {{"last", txn.clock->now().encode()}});
}

struct Pending {
    std::set<std::string> fields;
    bool life = false;  // a create, delete or restore waits: keep the local tombstone state
};

Result<Pending> pendingFor(Connection &conn, const std::string &entityId)
{
    QSqlQuery &q = conn.prepare(u"SELECT op, fields FROM outbox WHERE entity_id = ?"_s);
    q.bindValue(0, qs(entityId));
    if (auto e = exec(q, "reading pending edits"); !e)
        return std::move(e).error();
    Pending out;
    while (q.next()) {
        if (q.value(0).toString() != u"update"_s)
            out.life = true;
        const nlohmann::json fields = parseObject(q.value(1));
        for (const auto &[name, v] : fields.items())
            out.fields.insert(name);
    }
    q.finish();
    return out;
}

Result<void> applyRecord(WriteTxn &txn, const RecordState &r)
{
    if (!isSyncedEntity(r.entity))
        return {};
    auto pending = pendingFor(txn.conn, r.entityId);
    if (!pending)
        return std::move(pending).error();
    auto clocks = readFieldClocks(txn.conn, r.entityId);
    if (!clocks)
        return std::move(clocks).error();
    FieldMap taken;
    for (const auto &[name, f] : r.fields) {
        if (pending->fields.contains(name))
            continue;
        if (txn.clock)
            if (auto t = HlcTimestamp::decode(f.hlc))
                txn.clock->observe(*t);
        (*clocks)[name] = f.hlc;
        taken[name] = f;
    }
    nlohmann::json values = nlohmann::json::object();
    for (auto &[name, f] : taken)
        values[name] = std::move(f.value);
    const std::optional<bool> deleted = pending->life ? std::nullopt : std::optional<bool>(r.deleted);
    // The apply checks the values with the editor's rules (the server checked the same ones).
    auto applied = r.entity == "contact" ? applyRemoteContact(txn, r.entityId, values, deleted)
                                         : applyRemoteCompany(txn, r.entityId, values, deleted);
    if (!applied && applied.error().code == ErrorCode::ValidationFailed) {
        // Only a newer or damaged server sends this. Skipping the record keeps every other change
        // flowing instead of wedging sync on one page for ever; the conflict log says what was skipped.
        const Error &e = applied.error();
        qWarning("sync: skipped pulled %s %s: %s", r.entity.c_str(), r.entityId.c_str(), e.message.c_str());
        return saveConflict(txn, "pull-" + r.entityId + "-" + std::to_string(r.seq), r.entity, r.entityId,
                            e.details.empty() ? e.field : e.details.front().field, "rejected", {{"value", nullptr}},
                            {{"value", values}},
                            "the team server sent a value this version of Rapport cannot take: " +
                                (e.details.empty() ? e.message : e.details.front().message));
    }
    if (!applied)
        return applied;
    return writeFieldClocks(txn.conn, r.entityId, *clocks);
}

} // namespace

Result<PendingBatch> readPending(Connection &conn, std::size_t limit, std::int64_t afterSeq, std::size_t maxBytes)
{
    std::size_t bytes = 0;
    QSqlQuery &q = conn.prepare(u"SELECT seq, mutation_id, entity, entity_id, op, fields, hlc, bases FROM outbox "
                                u"WHERE seq > ? AND entity IN ('contact', 'company') ORDER BY seq LIMIT ?"_s);
    q.bindValue(0, static_cast<qint64>(afterSeq));
    q.bindValue(1, static_cast<qint64>(limit));
    if (auto e = exec(q, "reading the outbox"); !e)
        return std::move(e).error();
    PendingBatch out;
    while (q.next()) {
        const std::string fieldsText = q.value(5).toString().toStdString();
        const std::string basesText = q.value(7).toString().toStdString();
        const std::size_t size = fieldsText.size() + basesText.size();  // UTF-8, as it will travel
        if (!out.mutations.empty() && bytes + size > maxBytes)
            break;
        bytes += size + 256;  // ids, clocks and JSON punctuation
        Mutation m;
        m.mutationId = q.value(1).toString().toStdString();
        m.entity = q.value(2).toString().toStdString();
        m.entityId = q.value(3).toString().toStdString();
        m.op = q.value(4).toString().toStdString();
        m.hlc = q.value(6).toString().toStdString();
        const nlohmann::json bases = parseObjectText(basesText);
        const nlohmann::json fields = parseObjectText(fieldsText);
        for (const auto &[name, value] : fields.items())
            m.fields[name] = FieldValue{value, m.hlc, bases.value(name, "")};
        m.base = bases.value("_record", "");
        if (m.op == "delete")
            for (const auto &[name, h] : bases.items())
                if (name != "_record" && h.is_string())
                    m.bases[name] = h.get<std::string>();
        out.outboxSeqs.push_back(q.value(0).toLongLong());
        out.mutations.push_back(std::move(m));
    }
    q.finish();
    return out;
}

Result<nlohmann::json> pendingCounts(Connection &conn)
{
    QSqlQuery &q = conn.prepare(u"SELECT entity, count(*) FROM outbox WHERE entity IN ('contact', 'company') "
                                u"GROUP BY entity"_s);
    if (auto e = exec(q, "counting pending edits"); !e)
        return std::move(e).error();
    nlohmann::json out{{"contact", 0}, {"company", 0}};
    while (q.next())
        out[q.value(0).toString().toStdString()] = q.value(1).toLongLong();
    q.finish();
    return out;
}

Result<void> recordAnswers(Store &store, const PendingBatch &batch, const std::vector<MutationResult> &results)
{
    if (results.size() != batch.mutations.size())
        return Error::make(ErrorCode::Upstream, "the server answered " + std::to_string(results.size())
                                                    + " of " + std::to_string(batch.mutations.size()) + " mutations");
    auto done = store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        for (std::size_t i = 0; i < results.size(); ++i) {
            const MutationResult &r = results[i];
            const Mutation &m = batch.mutations[i];
            if (r.mutationId != m.mutationId)
                return Error::make(ErrorCode::Upstream, "the server answered mutations out of order");
            if (r.status == "rejected") {
                nlohmann::json mine = nlohmann::json::object();
                for (const auto &[name, f] : m.fields)
                    mine[name] = f.value;
                // "mutations[3].fields.emails" -> "emails": the field as the record names it.
                const std::size_t at = r.field.rfind(".fields.");
                const std::string field = at == std::string::npos ? std::string() : r.field.substr(at + 8);
                if (auto e = saveConflict(txn, m.mutationId, m.entity, m.entityId, field, "rejected",
                                          {{"value", mine}}, {{"value", nullptr}}, r.code + ": " + r.message);
                    !e)
                    return std::move(e).error();
            }
            for (const auto &[name, w] : r.winners)
                if (auto t = HlcTimestamp::decode(w.hlc); t && txn.clock)
                    txn.clock->observe(*t);
            QSqlQuery &del = txn.conn.prepare(u"DELETE FROM outbox WHERE seq = ?"_s);
            del.bindValue(0, static_cast<qint64>(batch.outboxSeqs[i]));
            if (auto e = exec(del, "clearing a pushed edit"); !e)
                return std::move(e).error();
            // A refused edit leaves the record as the team has it (the user's values stay in the conflict
            // log); without this the laptop would keep showing a value nobody else will ever see.
            if (r.status == "rejected" && r.current)
                if (auto e = applyRecord(txn, *r.current); !e)
                    return std::move(e).error();
        }
        QSqlQuery prune(txn.conn.db());  // drafts never sync: their rows only grow the outbox
        if (!prune.exec(u"DELETE FROM outbox WHERE entity NOT IN ('contact', 'company')"_s))
            return sqlError(prune, "pruning the outbox");
        if (auto e = rememberClock(txn); !e)
            return std::move(e).error();
        return true;
    });
    if (!done)
        return std::move(done).error();
    return {};
}

Result<void> applyPulled(Store &store, const PullPage &page, const nlohmann::json &cursorState)
{
    auto done = store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        for (const RecordState &r : page.changes)
            if (auto e = applyRecord(txn, r); !e)
                return Error::make(e.error().code, "pulled " + r.entity + " " + r.entityId + ": " + e.error().message);
        for (const Conflict &c : page.conflicts) {
            if (auto e = saveConflict(txn, c.id, c.entity, c.entityId, c.field, c.kind, {{"value", c.mine.value}},
                                      {{"value", c.theirs.value}}, {});
                !e)
                return std::move(e).error();
        }
        if (auto e = writeSettingIn(txn, "sync.cursor", cursorState); !e)
            return std::move(e).error();
        if (auto e = rememberClock(txn); !e)
            return std::move(e).error();
        return true;
    });
    if (!done)
        return std::move(done).error();
    return {};
}

} // namespace rapport::sync
