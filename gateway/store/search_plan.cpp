// Turning what a user typed into FTS5 match expressions (declared in search_index.h).

#include "store/search_index.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {

// Terms are runs of letters, digits and combining marks, as unicode61 splits them; everything else
// separates. The FTS tokenizer folds case and diacritics on both sides, so terms are passed as typed.
std::vector<QString> splitTerms(const QString &text)
{
    std::vector<QString> terms;
    QString current;
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c.isMark()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            terms.push_back(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        terms.push_back(current);
    return terms;
}

// "+49 (30) 123-45" or "030 1234": searched as one run of digits in the phones column.
QString phoneDigits(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
        else if (!QStringView(u" +-()./").contains(c))
            return {};
    }
    return digits.size() >= 3 ? digits : QString();
}

QString join(const std::vector<QString> &terms, bool prefix)
{
    QString out;
    for (const QString &t : terms) {
        if (!out.isEmpty())
            out += u' ';
        out += u'"' + t + u'"';  // terms hold no '"' (letters and digits only), so quoting is exact
        if (prefix)
            out += u'*';
    }
    return out;
}

SearchPlan plan(std::string_view text, bool withPhones)
{
    const QString q = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    if (withPhones) {
        if (const QString digits = phoneDigits(q); !digits.isEmpty())
            return {{u"{phones} : \""_s + digits + u"\"*"_s}};
    }
    const std::vector<QString> terms = splitTerms(q);
    if (terms.empty())
        return {};
    const QString exact = u"{name} : ("_s + join(terms, false) + u')';
    const QString prefixName = u"{name} : ("_s + join(terms, true) + u')';
    const QString prefixAny = u'(' + join(terms, true) + u')';
    // Tiers: every word is a whole word of the name ("Ann" for "ann"), then name prefixes ("Anna"),
    // then matches in other fields (e-mail, company, domain). Each tier is read in rowid order with
    // a LIMIT, so a page costs the same whether a prefix matches ten rows or fifty thousand; ranking
    // by bm25 would score every match first.
    return {{exact, prefixName + u" NOT "_s + exact, prefixAny + u" NOT "_s + prefixName}};
}

} // namespace

SearchPlan contactSearchPlan(std::string_view text)
{
    return plan(text, true);
}

SearchPlan companySearchPlan(std::string_view text)
{
    return plan(text, false);
}

} // namespace rapport
