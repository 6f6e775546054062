#include "gmail/mail_cache.h"

#include "crm/list_cursor.h"
#include "store/store.h"
#include "store/timefmt.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

nlohmann::json itemJson(const QSqlQuery &q)
{
    return {{"id", q.value(0).toString().toStdString()},
            {"thread_id", q.value(1).toString().toStdString()},
            {"date", isoFromMs(q.value(2).toLongLong())},
            {"from", q.value(3).toString().toStdString()},
            {"to", q.value(4).toString().toStdString()},
            {"subject", q.value(5).toString().toStdString()},
            {"snippet", q.value(6).toString().toStdString()}};
}

} // namespace

Result<nlohmann::json> cachedPage(Store &store, const QString &contactId, int limit, std::string_view cursor)
{
    auto after = decodeCursor(cursor);
    if (!after)
        return std::move(after).error();
    const bool first = cursor.empty();
    QSqlQuery &q = store.reader().prepare(
        u"SELECT m.id, m.thread_id, m.internal_date, m.from_header, m.to_header, m.subject, m.snippet "
        "FROM gmail_contact_messages c JOIN gmail_messages m ON m.id = c.message_id WHERE c.contact_id = ? "
        "AND (? OR m.internal_date < ? OR (m.internal_date = ? AND m.id < ?)) "
        "ORDER BY m.internal_date DESC, m.id DESC LIMIT ?"_s);
    q.bindValue(0, contactId);
    q.bindValue(1, first);
    q.bindValue(2, after->seq);
    q.bindValue(3, after->seq);
    q.bindValue(4, after->key);
    q.bindValue(5, limit + 1);
    if (auto e = exec(q, "reading the mail cache"); !e)
        return std::move(e).error();
    nlohmann::json items = nlohmann::json::array();
    PageCursor last;
    bool more = false;
    while (q.next()) {
        if (static_cast<int>(items.size()) == limit) {
            more = true;
            break;
        }
        items.push_back(itemJson(q));
        last = {-1, q.value(2).toLongLong(), q.value(0).toString()};
    }
    q.finish();
    nlohmann::json page{{"items", std::move(items)}, {"next_cursor", nullptr}, {"refreshed_at", nullptr}};
    if (more)
        page["next_cursor"] = encodeCursor(last);
    QSqlQuery &r = store.reader().prepare(u"SELECT refreshed_at FROM gmail_contact_refresh WHERE contact_id = ?"_s);
    r.bindValue(0, contactId);
    if (auto e = exec(r, "reading the mail cache"); !e)
        return std::move(e).error();
    if (r.next())
        page["refreshed_at"] = isoFromMs(r.value(0).toLongLong());
    r.finish();
    return page;
}

Result<QSet<QString>> cachedIds(Store &store, const QString &contactId)
{
    QSqlQuery &q = store.reader().prepare(u"SELECT message_id FROM gmail_contact_messages WHERE contact_id = ?"_s);
    q.bindValue(0, contactId);
    if (auto e = exec(q, "reading the mail cache"); !e)
        return std::move(e).error();
    QSet<QString> ids;
    while (q.next())
        ids.insert(q.value(0).toString());
    q.finish();
    return ids;
}

Result<void> storeRefresh(Store &store, const QString &contactId, const QList<CachedMessage> &fetched,
                          const QStringList &alsoKnown)
{
    auto written = store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        QSqlQuery &m = txn.conn.prepare(
            u"INSERT INTO gmail_messages(id, thread_id, internal_date, from_header, to_header, subject, snippet, "
            "fetched_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET snippet = excluded.snippet, "
            "fetched_at = excluded.fetched_at"_s);
        QSqlQuery &link = txn.conn.prepare(
            u"INSERT OR IGNORE INTO gmail_contact_messages(contact_id, message_id) VALUES(?, ?)"_s);
        for (const CachedMessage &c : fetched) {
            const QVariantList values{c.id, c.threadId, c.internalDateMs, c.from, c.to, c.subject, c.snippet, txn.nowMs};
            for (int i = 0; i < values.size(); ++i)
                m.bindValue(i, values[i]);
            if (auto e = exec(m, "caching a message"); !e)
                return std::move(e).error();
        }
        QStringList ids = alsoKnown;
        for (const CachedMessage &c : fetched)
            ids << c.id;
        for (const QString &id : ids) {
            link.bindValue(0, contactId);
            link.bindValue(1, id);
            if (auto e = exec(link, "caching a message"); !e)
                return std::move(e).error();
        }
        QSqlQuery &r = txn.conn.prepare(
            u"INSERT INTO gmail_contact_refresh(contact_id, refreshed_at) VALUES(?, ?) "
            "ON CONFLICT(contact_id) DO UPDATE SET refreshed_at = excluded.refreshed_at"_s);
        r.bindValue(0, contactId);
        r.bindValue(1, txn.nowMs);
        if (auto e = exec(r, "caching a message"); !e)
            return std::move(e).error();
        return true;
    });
    if (!written)
        return std::move(written).error();
    return {};
}

bool readMessageMetadata(const nlohmann::json &answer, CachedMessage &out)
{
    out.id = QString::fromStdString(answer.value("id", std::string()));
    if (out.id.isEmpty())
        return false;
    out.threadId = QString::fromStdString(answer.value("threadId", out.id.toStdString()));
    // 64-bit values arrive as strings (protocols.md D).
    out.internalDateMs = QString::fromStdString(answer.value("internalDate", std::string("0"))).toLongLong();
    out.snippet = QString::fromStdString(answer.value("snippet", std::string()));
    const auto payload = answer.find("payload");
    if (payload == answer.end() || !payload->is_object())
        return true;
    for (const auto &h : payload->value("headers", nlohmann::json::array())) {
        const QString name = QString::fromStdString(h.value("name", std::string())).toLower();
        const QString value = QString::fromStdString(h.value("value", std::string()));
        if (name == u"from"_s)
            out.from = value;
        else if (name == u"to"_s)
            out.to = value;
        else if (name == u"subject"_s)
            out.subject = value;
    }
    return true;
}

} // namespace rapport::gmail
