// ContactsService::list: pages by name, or ranked search pages; ofCompany (declared in contacts_service.h).

#include <QSqlQuery>
#include <QVariant>

#include "crm/contact_record.h"
#include "crm/contacts_service.h"
#include "crm/list_cursor.h"
#include "store/search_index.h"
#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
const QString &byNameSql()
{
    // Row-value keyset over the partial index contacts_by_name(sort_key, seq) WHERE deleted_at IS NULL.
    static const QString sql = u"SELECT "_s + contactColumns() +
        u", c.sort_key FROM contacts c LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL "
        "WHERE c.deleted_at IS NULL AND (c.sort_key, c.seq) > (coalesce(?, ''), ?) ORDER BY c.sort_key, c.seq LIMIT ?"_s;
    return sql;
}

const QString &searchSql()
{
    // FTS drives the join and consumes both the rowid bound and the ORDER BY: no sort, no full scan.
    static const QString sql = u"SELECT "_s + contactColumns() +
        u" FROM contacts_fts JOIN contacts c ON c.seq = contacts_fts.rowid "
        "LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL "
        "WHERE contacts_fts MATCH ? AND contacts_fts.rowid > ? AND c.deleted_at IS NULL "
        "ORDER BY contacts_fts.rowid LIMIT ?"_s;
    return sql;
}

nlohmann::json page(nlohmann::json items, const std::optional<PageCursor> &next)
{
    return {{"items", std::move(items)}, {"next_cursor", next ? nlohmann::json(encodeCursor(*next)) : nlohmann::json()}};
}
} // namespace

Result<nlohmann::json> ContactsService::list(const ListQuery &query) const
{
    auto cursor = decodeCursor(query.cursor);
    if (!cursor)
        return std::move(cursor).error();
    const bool searching = !query.q.empty();
    if (!query.cursor.empty() && searching != (cursor->tier >= 0))
        return Error::make(ErrorCode::BadRequest, "This cursor belongs to a different listing", "cursor");
    Connection &conn = m_store.reader();
    nlohmann::json items = nlohmann::json::array();
    std::optional<PageCursor> next;
    const int limit = query.limit;

    if (!searching) {
        QSqlQuery &q = conn.prepare(byNameSql());
        q.bindValue(0, cursor->key);
        q.bindValue(1, cursor->seq);
        q.bindValue(2, limit + 1);  // one extra row says whether another page exists
        if (auto e = exec(q, "listing contacts"); !e)
            return std::move(e).error();
        PageCursor last;
        while (q.next()) {
            if (static_cast<int>(items.size()) == limit) {
                next = last;
                break;
            }
            ContactRecord r = readContactRow(q);
            last = {-1, r.seq, q.value(14).toString()};
            items.push_back(std::move(r).toJson());
        }
        q.finish();
        return page(std::move(items), next);
    }

    const SearchPlan plan = contactSearchPlan(query.q);
    const int firstTier = cursor->tier < 0 ? 0 : cursor->tier;
    QSqlQuery &q = conn.prepare(searchSql());
    PageCursor last;
    for (int tier = firstTier; tier < static_cast<int>(plan.tiers.size()) && !next; ++tier) {
        q.bindValue(0, plan.tiers[static_cast<std::size_t>(tier)]);
        q.bindValue(1, tier == firstTier ? cursor->seq : 0);
        q.bindValue(2, limit + 1 - static_cast<int>(items.size()));
        if (auto e = exec(q, "searching contacts"); !e)
            return std::move(e).error();
        while (q.next()) {
            if (static_cast<int>(items.size()) == limit) {
                next = last;
                break;
            }
            ContactRecord r = readContactRow(q);
            last = {tier, r.seq, {}};
            items.push_back(std::move(r).toJson());
        }
        q.finish();
    }
    return page(std::move(items), next);
}

Result<nlohmann::json> ContactsService::ofCompany(std::string_view companyId, int limit) const
{
    // contacts_by_company finds the rows; a company's contacts are few enough to sort by name here.
    static const QString sql = u"SELECT "_s + contactColumns() +
        u" FROM contacts c LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL "
        "WHERE c.company_id = ? AND c.deleted_at IS NULL ORDER BY c.sort_key, c.seq LIMIT ?"_s;
    QSqlQuery &q = m_store.reader().prepare(sql);
    q.bindValue(0, qs(companyId));
    q.bindValue(1, limit);
    if (auto e = exec(q, "listing a company's contacts"); !e)
        return std::move(e).error();
    nlohmann::json items = nlohmann::json::array();
    while (q.next())
        items.push_back(readContactRow(q).toJson());
    q.finish();
    return items;
}

} // namespace rapport
