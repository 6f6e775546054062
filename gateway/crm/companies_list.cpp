// CompaniesService::list and count (declared in companies_service.h).

#include <QSqlQuery>
#include <QVariant>

#include "crm/companies_service.h"
#include "crm/company_record.h"
#include "crm/list_cursor.h"
#include "store/search_index.h"
#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport {

Result<nlohmann::json> CompaniesService::list(const ListQuery &query) const
{
    auto cursor = decodeCursor(query.cursor);
    if (!cursor)
        return std::move(cursor).error();
    const bool searching = !query.q.empty();
    if (!query.cursor.empty() && searching != (cursor->tier >= 0))
        return Error::make(ErrorCode::BadRequest, "This cursor belongs to a different listing", "cursor");
    static const QString byName = u"SELECT "_s + companyColumns() +
        u", co.sort_key FROM companies co WHERE co.deleted_at IS NULL AND (co.sort_key, co.seq) > (coalesce(?, ''), ?) "
        "ORDER BY co.sort_key, co.seq LIMIT ?"_s;
    static const QString search = u"SELECT "_s + companyColumns() +
        u", '' FROM companies_fts JOIN companies co ON co.seq = companies_fts.rowid "
        "WHERE companies_fts MATCH ? AND companies_fts.rowid > ? AND co.deleted_at IS NULL "
        "ORDER BY companies_fts.rowid LIMIT ?"_s;

    Connection &conn = m_store.reader();
    QSqlQuery &q = conn.prepare(searching ? search : byName);
    const SearchPlan plan = searching ? companySearchPlan(query.q) : SearchPlan{{QString()}};
    nlohmann::json items = nlohmann::json::array();
    std::optional<PageCursor> next;
    PageCursor last;
    const int firstTier = std::max(cursor->tier, 0);
    for (int tier = firstTier; tier < static_cast<int>(plan.tiers.size()) && !next; ++tier) {
        q.bindValue(0, searching ? QVariant(plan.tiers[static_cast<std::size_t>(tier)]) : QVariant(cursor->key));
        q.bindValue(1, tier == firstTier ? cursor->seq : 0);
        q.bindValue(2, query.limit + 1 - static_cast<int>(items.size()));
        if (auto e = exec(q, "listing companies"); !e)
            return std::move(e).error();
        while (q.next()) {
            if (static_cast<int>(items.size()) == query.limit) {
                next = last;
                break;
            }
            const CompanyRecord r = readCompanyRow(q);
            last = {searching ? tier : -1, r.seq, q.value(11).toString()};
            items.push_back(r.toJson());
        }
        q.finish();
    }
    return nlohmann::json{{"items", std::move(items)},
                          {"next_cursor", next ? nlohmann::json(encodeCursor(*next)) : nlohmann::json()}};
}

Result<std::int64_t> CompaniesService::count() const
{
    QSqlQuery &q = m_store.reader().prepare(u"SELECT count(*) FROM companies WHERE deleted_at IS NULL"_s);
    if (auto e = exec(q, "counting companies"); !e)
        return std::move(e).error();
    const std::int64_t n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

} // namespace rapport
