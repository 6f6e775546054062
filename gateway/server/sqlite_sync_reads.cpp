// SqliteSyncStorage's read side: the pull feed (PROTOCOL.md "Pull") and the team's live records for the
// server's own record routes (GET /contacts ... on rapport-server).

#include <QSqlQuery>

#include "server/server_store.h"
#include "server/sqlite_sync_rows.h"
#include "server/sqlite_sync_storage.h"

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

// A record whose every field and whose life were last written by the asking client holds nothing that
// client lacks: skipping it saves a laptop from pulling back everything it just pushed.
bool isEcho(const sync::RecordState &r, const std::string &clientId)
{
    if (sync::hlcNode(r.lifeHlc) != clientId)
        return false;
    for (const auto &[name, f] : r.fields)
        if (sync::hlcNode(f.hlc) != clientId)
            return false;
    return true;
}

} // namespace

Result<std::vector<sync::RecordState>> SqliteSyncStorage::live(const std::string &teamId, const std::string &entity,
                                                               const std::string &afterId, int limit)
{
    QSqlQuery &q = m_store.reader().prepare(
        u"SELECT entity_id, entity, seq, fields, deleted, life_hlc FROM sync_records WHERE team_id = ? AND entity = ? "
        u"AND deleted = 0 AND entity_id > ? ORDER BY entity_id LIMIT ?"_s);
    q.bindValue(0, qs(teamId));
    q.bindValue(1, qs(entity));
    q.bindValue(2, qs(afterId));
    q.bindValue(3, limit);
    if (auto e = exec(q, "listing records"); !e)
        return std::move(e).error();
    std::vector<sync::RecordState> out;
    while (q.next()) {
        auto r = readRecordRow(q, 0);
        if (!r) {
            q.finish();
            return std::move(r).error();
        }
        out.push_back(std::move(*r));
    }
    q.finish();
    return out;
}

Result<std::optional<sync::RecordState>> SqliteSyncStorage::liveRecord(const std::string &teamId,
                                                                       const std::string &entity, const std::string &id)
{
    QSqlQuery &q = m_store.reader().prepare(
        u"SELECT entity_id, entity, seq, fields, deleted, life_hlc FROM sync_records WHERE team_id = ? AND entity = ? "
        u"AND deleted = 0 AND entity_id = ?"_s);
    q.bindValue(0, qs(teamId));
    q.bindValue(1, qs(entity));
    q.bindValue(2, qs(id));
    if (auto e = exec(q, "reading a record"); !e)
        return std::move(e).error();
    std::optional<sync::RecordState> out;
    if (q.next()) {
        auto r = readRecordRow(q, 0);
        if (!r) {
            q.finish();
            return std::move(r).error();
        }
        out = std::move(*r);
    }
    q.finish();
    return out;
}

Result<sync::PullPage> SqliteSyncStorage::pull(const std::string &teamId, const std::string &clientId,
                                               std::int64_t cursor, int limit)
{
    Connection &conn = m_store.reader();
    // One read transaction, so the records and the conflicts come from the same snapshot.
    QSqlQuery begin(conn.db());
    if (!begin.exec(u"BEGIN"_s))
        return sqlError(begin, "starting a pull");
    auto finish = [&conn] { QSqlQuery(conn.db()).exec(u"COMMIT"_s); };
    sync::PullPage page;
    QSqlQuery &q = conn.prepare(u"SELECT entity_id, entity, seq, fields, deleted, life_hlc FROM sync_records "
                                u"WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.bindValue(0, qs(teamId));
    q.bindValue(1, static_cast<qint64>(cursor));
    q.bindValue(2, limit + 1);
    if (auto e = exec(q, "reading changes"); !e) {
        finish();
        return std::move(e).error();
    }
    int scanned = 0;
    std::int64_t lastScanned = cursor;
    while (q.next()) {
        if (scanned == limit) {
            page.more = true;
            break;
        }
        ++scanned;
        auto r = readRecordRow(q, 0);
        if (!r) {
            q.finish();
            finish();
            return std::move(r).error();
        }
        lastScanned = r->seq;
        if (!isEcho(*r, clientId))
            page.changes.push_back(std::move(*r));
    }
    q.finish();
    std::int64_t upTo = page.more ? lastScanned : -1;
    if (!page.more) {
        QSqlQuery &last = conn.prepare(u"SELECT last_seq FROM sync_counters WHERE team_id = ?"_s);
        last.bindValue(0, qs(teamId));
        if (auto e = exec(last, "reading the sync sequence"); !e) {
            finish();
            return std::move(e).error();
        }
        upTo = last.next() ? last.value(0).toLongLong() : cursor;
        last.finish();
        upTo = std::max(upTo, cursor);
    }
    QSqlQuery &c = conn.prepare(u"SELECT body FROM sync_conflicts WHERE team_id = ? AND loser_client = ? AND seq > ? "
                                u"AND seq <= ? ORDER BY seq"_s);
    c.bindValue(0, qs(teamId));
    c.bindValue(1, qs(clientId));
    c.bindValue(2, static_cast<qint64>(cursor));
    c.bindValue(3, static_cast<qint64>(upTo));
    if (auto e = exec(c, "reading conflicts"); !e) {
        finish();
        return std::move(e).error();
    }
    nlohmann::json list = nlohmann::json::array();
    while (c.next())
        list.push_back(nlohmann::json::parse(rowText(c, 0), nullptr, false));
    c.finish();
    finish();
    auto parsed = sync::parsePullAnswer({{"protocol", sync::kProtocolVersion},
                                         {"changes", nlohmann::json::array()},
                                         {"conflicts", std::move(list)},
                                         {"next_cursor", "0"},
                                         {"more", false}});
    if (!parsed)
        return Error::make(ErrorCode::StoreCorrupt, "a sync conflict in server.db is damaged");
    page.conflicts = std::move(parsed->conflicts);
    page.nextCursor = upTo;
    return page;
}

} // namespace rapport::server
