#include "crm/drafts_service.h"

#include <limits>

#include <QSqlQuery>
#include <QVariant>

#include "crm/draft_record.h"
#include "crm/list_cursor.h"
#include "store/outbox.h"
#include "store/store.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
Result<std::optional<DraftRecord>> load(Connection &conn, std::string_view id, bool *deleted = nullptr)
{
    QSqlQuery &q = conn.prepare(u"SELECT "_s + draftColumns() + u", deleted_at IS NOT NULL FROM drafts WHERE id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "reading a draft"); !e)
        return std::move(e).error();
    std::optional<DraftRecord> found;
    if (q.next() && (deleted || !q.value(10).toBool())) {
        found = readDraftRow(q);
        if (deleted)
            *deleted = q.value(10).toBool();
    }
    q.finish();
    return found;
}

Result<void> checkContact(Connection &conn, const std::string &contactId)
{
    if (contactId.empty())
        return {};
    QSqlQuery &q = conn.prepare(u"SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL"_s);
    q.bindValue(0, qs(contactId));
    if (auto e = exec(q, "looking up a contact"); !e)
        return e;
    const bool found = q.next();
    q.finish();
    if (!found)
        return Error::validation({{"contact_id", "No contact with this id"}});
    return {};
}

Result<void> saveRow(WriteTxn &txn, DraftRecord &r, bool insert)
{
    QSqlQuery &q = txn.conn.prepare(
        insert ? u"INSERT INTO drafts(contact_id, to_addrs, cc_addrs, subject, body, status, created_at, updated_at, "
                 "id) VALUES (?,?,?,?,?,?,?,?,?)"_s
               : u"UPDATE drafts SET contact_id=?, to_addrs=?, cc_addrs=?, subject=?, body=?, status=?, created_at=?, "
                 "updated_at=?, deleted_at=NULL WHERE id=?"_s);
    q.bindValue(0, r.contactId.empty() ? QVariant() : QVariant(qs(r.contactId)));
    q.bindValue(1, qs(r.to.dump()));
    q.bindValue(2, qs(r.cc.dump()));
    q.bindValue(3, qs(r.subject));
    q.bindValue(4, qs(r.body));
    q.bindValue(5, qs(r.status));
    q.bindValue(6, static_cast<qint64>(r.createdAt));
    q.bindValue(7, static_cast<qint64>(r.updatedAt));
    q.bindValue(8, qs(r.id));
    return exec(q, "saving a draft");
}
} // namespace

DraftsService::DraftsService(Store &store) : m_store(store) {}

Result<nlohmann::json> DraftsService::get(std::string_view id) const
{
    if (!isUuid(id))
        return Error::notFound("draft");
    auto found = load(m_store.reader(), id);
    if (!found)
        return std::move(found).error();
    if (!*found)
        return Error::notFound("draft");
    return (*found)->toJson();
}

Result<nlohmann::json> DraftsService::list(const DraftListQuery &query) const
{
    auto cursor = decodeCursor(query.cursor);
    if (!cursor)
        return std::move(cursor).error();
    const bool byContact = !query.contactId.empty();
    // Newest first: keyset on (updated_at, seq) descending; the first page starts above every row.
    static const QString all = u"SELECT "_s + draftColumns() +
        u" FROM drafts WHERE deleted_at IS NULL AND (updated_at, seq) < (?, ?) ORDER BY updated_at DESC, seq DESC LIMIT ?"_s;
    static const QString ofContact = u"SELECT "_s + draftColumns() +
        u" FROM drafts WHERE deleted_at IS NULL AND contact_id = ? AND (updated_at, seq) < (?, ?) "
        "ORDER BY updated_at DESC, seq DESC LIMIT ?"_s;
    QSqlQuery &q = m_store.reader().prepare(byContact ? ofContact : all);
    constexpr qint64 kTop = std::numeric_limits<qint64>::max();
    int i = 0;
    if (byContact)
        q.bindValue(i++, qs(query.contactId));
    q.bindValue(i++, query.cursor.empty() ? kTop : cursor->key.toLongLong());
    q.bindValue(i++, query.cursor.empty() ? kTop : cursor->seq);
    q.bindValue(i, query.limit + 1);
    if (auto e = exec(q, "listing drafts"); !e)
        return std::move(e).error();
    nlohmann::json items = nlohmann::json::array();
    std::optional<PageCursor> next;
    PageCursor last;
    while (q.next()) {
        if (static_cast<int>(items.size()) == query.limit) {
            next = last;
            break;
        }
        const DraftRecord r = readDraftRow(q);
        last = {-1, r.seq, QString::number(r.updatedAt)};
        items.push_back(r.toJson());
    }
    q.finish();
    return nlohmann::json{{"items", std::move(items)},
                          {"next_cursor", next ? nlohmann::json(encodeCursor(*next)) : nlohmann::json()}};
}

Result<nlohmann::json> DraftsService::create(const nlohmann::json &input)
{
    auto changes = parseDraftInput(input, true);
    if (!changes)
        return std::move(changes).error();
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        DraftRecord r;
        r.id = changes->id.value_or("");
        bool restoring = false;
        if (r.id.empty()) {
            r.id = newUuidV7();
        } else {
            bool deleted = false;
            auto found = load(txn.conn, r.id, &deleted);
            if (!found)
                return std::move(found).error();
            if (*found && !deleted)
                return Error::make(ErrorCode::Conflict, "A draft with this id already exists", "id");
            restoring = found->has_value();
            if (restoring)
                r.createdAt = (*found)->createdAt;
        }
        applyDraftChanges(r, *changes);
        if (auto e = checkContact(txn.conn, r.contactId); !e)
            return std::move(e).error();
        r.updatedAt = txn.nowMs;
        if (!restoring)
            r.createdAt = txn.nowMs;
        if (auto e = saveRow(txn, r, !restoring); !e)
            return std::move(e).error();
        const MutationOp op = restoring ? MutationOp::Restore : MutationOp::Create;
        if (auto e = recordMutation(txn, "draft", r.id, op, r.fieldsJson()); !e)
            return std::move(e).error();
        return r.toJson();
    });
}

Result<nlohmann::json> DraftsService::update(std::string_view id, const nlohmann::json &patch)
{
    if (!isUuid(id))
        return Error::notFound("draft");
    nlohmann::json body = patch;
    if (body.is_object() && body.contains("id")) {
        if (body["id"] != id)
            return Error::validation({{"id", "The id of a draft cannot change"}});
        body.erase("id");
    }
    auto changes = parseDraftInput(body, false);
    if (!changes)
        return std::move(changes).error();
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        auto found = load(txn.conn, id);
        if (!found)
            return std::move(found).error();
        if (!*found)
            return Error::notFound("draft");
        DraftRecord r = std::move(**found);
        const nlohmann::json changed = applyDraftChanges(r, *changes);
        if (changed.empty())
            return r.toJson();
        if (changed.contains("contact_id")) {
            if (auto e = checkContact(txn.conn, r.contactId); !e)
                return std::move(e).error();
        }
        r.updatedAt = txn.nowMs;
        if (auto e = saveRow(txn, r, false); !e)
            return std::move(e).error();
        if (auto e = recordMutation(txn, "draft", r.id, MutationOp::Update, changed); !e)
            return std::move(e).error();
        return r.toJson();
    });
}

Result<nlohmann::json> DraftsService::remove(std::string_view id)
{
    if (!isUuid(id))
        return Error::notFound("draft");
    return m_store.write<nlohmann::json>([&](WriteTxn &txn) -> Result<nlohmann::json> {
        auto found = load(txn.conn, id);
        if (!found)
            return std::move(found).error();
        if (!*found)
            return Error::notFound("draft");
        QSqlQuery &q = txn.conn.prepare(u"UPDATE drafts SET deleted_at = ?, updated_at = ? WHERE seq = ?"_s);
        q.bindValue(0, static_cast<qint64>(txn.nowMs));
        q.bindValue(1, static_cast<qint64>(txn.nowMs));
        q.bindValue(2, (*found)->seq);
        if (auto e = exec(q, "deleting a draft"); !e)
            return std::move(e).error();
        if (auto e = recordMutation(txn, "draft", id, MutationOp::Delete, nlohmann::json::object()); !e)
            return std::move(e).error();
        return nlohmann::json{{"id", id}, {"deleted", true}};
    });
}

} // namespace rapport
