#include "server/sqlite_sync_storage.h"

#include <optional>

#include <QDateTime>
#include <QSqlQuery>

#include "server/server_store.h"
#include "server/sqlite_sync_rows.h"
#include "store/uuid.h"
#include "sync/entity_fields.h"
#include "sync/merge.h"

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

using sync::MutationResult;
using sync::RecordState;

struct TeamRecord {
    std::string teamId;
    RecordState state;
};

Result<std::optional<TeamRecord>> loadRecord(Connection &conn, const std::string &entityId)
{
    QSqlQuery &q = conn.prepare(
        u"SELECT team_id, entity_id, entity, seq, fields, deleted, life_hlc FROM sync_records WHERE entity_id = ?"_s);
    q.bindValue(0, qs(entityId));
    if (auto e = exec(q, "reading a sync record"); !e)
        return std::move(e).error();
    if (!q.next())
        return std::optional<TeamRecord>();
    TeamRecord out{rowText(q, 0), {}};
    auto r = readRecordRow(q, 1);
    q.finish();
    if (!r)
        return std::move(r).error();
    out.state = std::move(*r);
    return std::optional<TeamRecord>(std::move(out));
}

Result<std::optional<MutationResult>> storedAnswer(Connection &conn, const std::string &team, const std::string &client,
                                                   const std::string &mutationId)
{
    QSqlQuery &q = conn.prepare(
        u"SELECT answer FROM sync_applied WHERE team_id = ? AND client_id = ? AND mutation_id = ?"_s);
    q.bindValue(0, qs(team));
    q.bindValue(1, qs(client));
    q.bindValue(2, qs(mutationId));
    if (auto e = exec(q, "looking up a pushed mutation"); !e)
        return std::move(e).error();
    if (!q.next())
        return std::optional<MutationResult>();
    const auto answer = nlohmann::json::parse(rowText(q, 0), nullptr, false);
    q.finish();
    auto parsed = sync::parsePushAnswer({{"protocol", sync::kProtocolVersion}, {"results", {answer}}});
    if (!parsed || parsed->size() != 1)
        return Error::make(ErrorCode::StoreCorrupt, "a stored sync answer in server.db is damaged");
    return std::optional<MutationResult>(std::move(parsed->front()));
}

// The team's sequence counter, read once per batch and written back at its end.
class Sequence {
public:
    static Result<Sequence> load(Connection &conn, const std::string &team)
    {
        QSqlQuery &q = conn.prepare(u"SELECT last_seq FROM sync_counters WHERE team_id = ?"_s);
        q.bindValue(0, qs(team));
        if (auto e = exec(q, "reading the sync sequence"); !e)
            return std::move(e).error();
        Sequence s;
        s.m_team = team;
        s.m_last = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        return s;
    }
    std::int64_t next() { return ++m_last; }
    Result<void> save(Connection &conn) const
    {
        QSqlQuery &q = conn.prepare(u"INSERT OR REPLACE INTO sync_counters(team_id, last_seq) VALUES (?, ?)"_s);
        q.bindValue(0, qs(m_team));
        q.bindValue(1, static_cast<qint64>(m_last));
        return exec(q, "saving the sync sequence");
    }

private:
    std::string m_team;
    std::int64_t m_last = 0;
};

Result<void> saveRecord(Connection &conn, const std::string &team, const RecordState &r)
{
    QSqlQuery &q = conn.prepare(u"INSERT INTO sync_records(entity_id, team_id, entity, seq, fields, deleted, life_hlc) "
                                u"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(entity_id) DO UPDATE SET "
                                u"seq = excluded.seq, fields = excluded.fields, deleted = excluded.deleted, "
                                u"life_hlc = excluded.life_hlc"_s);
    q.bindValue(0, qs(r.entityId));
    q.bindValue(1, qs(team));
    q.bindValue(2, qs(r.entity));
    q.bindValue(3, static_cast<qint64>(r.seq));
    q.bindValue(4, qs(sync::toJson(r.fields, false).dump()));
    q.bindValue(5, r.deleted ? 1 : 0);
    q.bindValue(6, qs(r.lifeHlc));
    return exec(q, "saving a sync record");
}

Result<void> saveConflict(Connection &conn, const std::string &team, const sync::Conflict &c)
{
    QSqlQuery &q = conn.prepare(
        u"INSERT INTO sync_conflicts(id, team_id, seq, loser_client, body) VALUES (?, ?, ?, ?, ?)"_s);
    q.bindValue(0, qs(c.id));
    q.bindValue(1, qs(team));
    q.bindValue(2, static_cast<qint64>(c.seq));
    q.bindValue(3, qs(c.loserClient));
    q.bindValue(4, qs(sync::toJson(c).dump()));
    return exec(q, "saving a sync conflict");
}

Result<void> rememberAnswer(Connection &conn, const std::string &team, const std::string &client,
                            const MutationResult &r)
{
    QSqlQuery &q = conn.prepare(
        u"INSERT INTO sync_applied(team_id, client_id, mutation_id, answer) VALUES (?, ?, ?, ?)"_s);
    q.bindValue(0, qs(team));
    q.bindValue(1, qs(client));
    q.bindValue(2, qs(r.mutationId));
    MutationResult kept = r;
    kept.current.reset();  // a replay gets the answer, not a record state that may be old by then
    q.bindValue(3, qs(sync::toJson(kept).dump()));
    return exec(q, "remembering a pushed mutation");
}

MutationResult reject(const sync::Mutation &m, const Error &e)
{
    MutationResult r;
    r.mutationId = m.mutationId;
    r.status = "rejected";
    r.code = std::string(codeName(e.code));
    r.message = e.message;
    r.field = e.details.empty() ? e.field : e.details.front().field;
    if (!e.details.empty())
        r.message = e.details.front().message;
    return r;
}

Result<MutationResult> applyOne(Connection &conn, const std::string &team, const std::string &client,
                                const sync::Mutation &m, const std::string &path, Sequence &seq)
{
    auto found = loadRecord(conn, m.entityId);
    if (!found)
        return std::move(found).error();
    std::optional<RecordState> current;
    if (*found) {
        if ((*found)->teamId != team)  // another team's id: answer as if it did not exist
            return reject(m, Error::make(ErrorCode::NotFound, "no " + m.entity + " with this id on the server"));
        current = std::move((*found)->state);
    }
    // A refused edit carries the server's record, so the laptop can put back what everyone else has.
    const auto refuse = [&current](MutationResult r) {
        r.current = current;
        return r;
    };
    if (auto valid = sync::validateFields(m.entity, m.fields, path); !valid)
        return refuse(reject(m, valid.error()));
    if (auto refused = sync::refuseFutureClock(m, QDateTime::currentMSecsSinceEpoch()))
        return refuse(*refused);
    sync::MergeOutcome out = sync::mergeMutation(current, m, client);
    if (out.result.status == "rejected")
        return refuse(out.result);
    // A lost edit re-sends the record, so the client (which kept its own value while the edit was
    // pending) pulls the winner again.
    if (out.changed || !out.conflicts.empty() || out.result.status == "superseded") {
        out.state.seq = seq.next();
        if (auto e = saveRecord(conn, team, out.state); !e)
            return std::move(e).error();
    }
    for (std::size_t i = 0; i < out.conflicts.size(); ++i) {
        sync::Conflict &c = out.conflicts[i];
        c.id = newUuidV7();
        c.seq = seq.next();
        if (auto e = saveConflict(conn, team, c); !e)
            return std::move(e).error();
        if (static_cast<int>(i) == out.ownConflict)
            out.result.conflictId = c.id;
    }
    out.result.seq = out.state.seq;
    return out.result;
}

} // namespace

Result<std::vector<MutationResult>> SqliteSyncStorage::push(const std::string &teamId, const sync::PushBody &body)
{
    return m_store.write<std::vector<MutationResult>>([&](WriteTxn &txn) -> Result<std::vector<MutationResult>> {
        auto seq = Sequence::load(txn.conn, teamId);
        if (!seq)
            return std::move(seq).error();
        std::vector<MutationResult> results;
        results.reserve(body.mutations.size());
        for (std::size_t i = 0; i < body.mutations.size(); ++i) {
            const sync::Mutation &m = body.mutations[i];
            auto stored = storedAnswer(txn.conn, teamId, body.clientId, m.mutationId);
            if (!stored)
                return std::move(stored).error();
            if (*stored) {
                results.push_back(std::move(**stored));
                continue;
            }
            auto r = applyOne(txn.conn, teamId, body.clientId, m, "mutations[" + std::to_string(i) + "]", *seq);
            if (!r)
                return std::move(r).error();
            if (auto e = rememberAnswer(txn.conn, teamId, body.clientId, *r); !e)
                return std::move(e).error();
            results.push_back(std::move(*r));
        }
        if (auto e = seq->save(txn.conn); !e)
            return std::move(e).error();
        return results;
    });
}

} // namespace rapport::server
