#include "store/search_index.h"

#include <nlohmann/json.hpp>

#include <QSqlQuery>

#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport {

QString sortKey(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (!c.isMark())
            out.append(c);
    }
    return out.toCaseFolded().trimmed();
}

QString emailIndexText(std::string_view address)
{
    const auto at = address.rfind('@');
    if (at == std::string_view::npos)
        return QString::fromUtf8(address.data(), static_cast<qsizetype>(address.size()));
    const std::string_view local = address.substr(0, at);
    std::string_view domain = address.substr(at + 1);
    // Drop the top-level label, and a generic second level before a country code ("co.uk", "com.au").
    auto dot = domain.rfind('.');
    if (dot != std::string_view::npos) {
        const bool countryTld = domain.size() - dot - 1 == 2;
        domain = domain.substr(0, dot);
        dot = domain.rfind('.');
        if (countryTld && dot != std::string_view::npos) {
            const std::string_view second = domain.substr(dot + 1);
            if (second == "co" || second == "com" || second == "org" || second == "net" || second == "ac" ||
                second == "gov" || second == "or" || second == "ne")
                domain = domain.substr(0, dot);
        }
    }
    return QString::fromUtf8(local.data(), static_cast<qsizetype>(local.size())) + u' ' +
           QString::fromUtf8(domain.data(), static_cast<qsizetype>(domain.size()));
}

QString phoneIndexText(std::string_view number)
{
    QString all, afterCountry;
    bool sawSeparator = false;
    for (char c : number) {
        if (c >= '0' && c <= '9') {
            all.append(QLatin1Char(c));
            if (sawSeparator)
                afterCountry.append(QLatin1Char(c));
        } else if (!all.isEmpty()) {
            sawSeparator = true;  // "+49 30 123": digits after the first group are the national number
        }
    }
    QString out = all;
    if (!number.empty() && number.front() == '+' && !afterCountry.isEmpty())
        out += u' ' + afterCountry + u" 0"_s + afterCountry;
    return out;
}

ContactIndexText contactIndexText(const QString &name, const nlohmann::json &emails, const QString &company,
                                  const nlohmann::json &phones)
{
    ContactIndexText t{name, {}, company, {}};
    for (const auto &e : emails) {
        if (auto it = e.find("address"); it != e.end() && it->is_string())
            t.emails += emailIndexText(it->get_ref<const std::string &>()) + u' ';
    }
    for (const auto &p : phones) {
        if (auto it = p.find("number"); it != p.end() && it->is_string())
            t.phones += phoneIndexText(it->get_ref<const std::string &>()) + u' ';
    }
    return t;
}

Result<void> indexContact(Connection &conn, qint64 seq, const ContactIndexText &text)
{
    QSqlQuery &q = conn.prepare(
        u"INSERT INTO contacts_fts(rowid, name, emails, company, phones) VALUES (?, ?, ?, ?, ?)"_s);
    q.bindValue(0, seq);
    q.bindValue(1, text.name);
    q.bindValue(2, text.emails);
    q.bindValue(3, text.company);
    q.bindValue(4, text.phones);
    return exec(q, "indexing a contact");
}

Result<void> unindexContact(Connection &conn, qint64 seq)
{
    QSqlQuery &q = conn.prepare(u"DELETE FROM contacts_fts WHERE rowid = ?"_s);
    q.bindValue(0, seq);
    return exec(q, "unindexing a contact");
}

Result<void> indexCompany(Connection &conn, qint64 seq, const QString &name, const QString &domain)
{
    QSqlQuery &q = conn.prepare(u"INSERT INTO companies_fts(rowid, name, domain) VALUES (?, ?, ?)"_s);
    q.bindValue(0, seq);
    q.bindValue(1, name);
    q.bindValue(2, domain);
    return exec(q, "indexing a company");
}

Result<void> unindexCompany(Connection &conn, qint64 seq)
{
    QSqlQuery &q = conn.prepare(u"DELETE FROM companies_fts WHERE rowid = ?"_s);
    q.bindValue(0, seq);
    return exec(q, "unindexing a company");
}

namespace {
Result<void> reindexContacts(Connection &conn, const QString &where, const QString &companyId)
{
    // Collect first: the FTS writes must not interleave with an open SELECT on the same connection.
    struct Row {
        qint64 seq;
        QString name, emails, company, phones;
    };
    std::vector<Row> rows;
    QSqlQuery q(conn.db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT c.seq, c.name, c.emails, co.name, c.phones FROM contacts c "
              "LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL "
              "WHERE c.deleted_at IS NULL "_s + where);
    if (!companyId.isNull())
        q.bindValue(0, companyId);
    if (!q.exec())
        return sqlError(q, "reading contacts to index");
    while (q.next())
        rows.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString()});
    q.finish();
    for (const Row &r : rows) {
        const auto emails = nlohmann::json::parse(r.emails.toStdString(), nullptr, false);
        const auto phones = nlohmann::json::parse(r.phones.toStdString(), nullptr, false);
        if (auto d = unindexContact(conn, r.seq); !d)
            return d;
        if (auto i = indexContact(conn, r.seq, contactIndexText(r.name, emails, r.company, phones)); !i)
            return i;
    }
    return {};
}
} // namespace

Result<void> reindexContactsOfCompany(Connection &conn, const QString &companyId)
{
    return reindexContacts(conn, u"AND c.company_id = ?"_s, companyId);
}

Result<void> rebuildSearchIndex(Connection &conn)
{
    QSqlQuery q(conn.db());
    if (!q.exec(u"DELETE FROM contacts_fts"_s) || !q.exec(u"DELETE FROM companies_fts"_s))
        return sqlError(q, "clearing the search index");
    if (!q.exec(u"INSERT INTO companies_fts(rowid, name, domain) "
                "SELECT seq, name, domain FROM companies WHERE deleted_at IS NULL"_s))
        return sqlError(q, "indexing companies");
    return reindexContacts(conn, QString(), QString());
}

} // namespace rapport
