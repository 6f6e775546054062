#pragma once
// FTS5 upkeep and queries. What goes into the index is chosen for search-as-you-type:
// e-mail domains without their top-level label (so "co" does not match every ".com"), and phone
// numbers as digit strings in the forms people type (with and without country code or trunk 0).

#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"

namespace rapport {

class Connection;

// Case- and diacritic-folded key for ordering lists by name ("Ångström" sorts with "Angstrom").
QString sortKey(const QString &name);

struct ContactIndexText {
    QString name, emails, company, phones;
};
ContactIndexText contactIndexText(const QString &name, const nlohmann::json &emails, const QString &company,
                                  const nlohmann::json &phones);
QString emailIndexText(std::string_view address);
QString phoneIndexText(std::string_view number);

Result<void> indexContact(Connection &conn, qint64 seq, const ContactIndexText &text);
Result<void> unindexContact(Connection &conn, qint64 seq);
Result<void> indexCompany(Connection &conn, qint64 seq, const QString &name, const QString &domain);
Result<void> unindexCompany(Connection &conn, qint64 seq);
// Re-indexes every live contact whose company is `companyId` (after a rename or delete of the company).
Result<void> reindexContactsOfCompany(Connection &conn, const QString &companyId);
Result<void> rebuildSearchIndex(Connection &conn);

// A user's search text as FTS5 match expressions, one per rank tier, best first. Every term is a quoted
// string, so the text is always data: quotes, operators and column filters typed by a user match
// nothing special. Empty when the text holds no searchable term.
struct SearchPlan {
    std::vector<QString> tiers;
};
SearchPlan contactSearchPlan(std::string_view text);
SearchPlan companySearchPlan(std::string_view text);

} // namespace rapport
