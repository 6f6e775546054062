#include "bench_cases.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include "bench_stats.h"
#include "gateway.h"
#include "store/search_index.h"
#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport::bench {

namespace {
std::vector<std::string> column(Gateway &g, const QString &sql)
{
    std::vector<std::string> out;
    QSqlQuery q(g.store().reader().db());
    q.setForwardOnly(true);
    if (q.exec(sql)) {
        while (q.next())
            out.push_back(q.value(0).toString().toStdString());
    }
    return out;
}

bool fail(const char *what, const Response &r)
{
    std::fprintf(stderr, "rapport-bench: %s failed: %d %s\n", what, r.status, r.body.dump().c_str());
    return false;
}

// The 2- and 3-letter word prefixes of demo names, the most frequent first, then a spread of the rest:
// what a person types into the search box, not one lucky prefix.
std::vector<std::string> searchPrefixes(Gateway &g, std::mt19937_64 &rng)
{
    std::map<QString, int> freq;
    for (const std::string &name : column(g, u"SELECT name FROM contacts WHERE deleted_at IS NULL"_s)) {
        const QString folded = sortKey(QString::fromStdString(name));
        QString word;
        const QString padded = folded + u' ';  // the trailing space ends the last word
        for (QChar c : padded) {
            if (c.isLetterOrNumber()) {
                word.append(c);
                continue;
            }
            if (word.size() >= 2)
                ++freq[word.left(2)];
            if (word.size() >= 3)
                ++freq[word.left(3)];
            word.clear();
        }
    }
    std::vector<std::pair<int, QString>> byCount;
    for (const auto &[prefix, n] : freq)
        byCount.emplace_back(n, prefix);
    std::sort(byCount.rbegin(), byCount.rend());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < byCount.size() && i < 100; ++i)
        out.push_back(byCount[i].second.toStdString());
    std::vector<std::pair<int, QString>> rest(byCount.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(100, byCount.size())),
                                              byCount.end());
    std::shuffle(rest.begin(), rest.end(), rng);
    for (std::size_t i = 0; i < rest.size() && out.size() < 250; ++i)
        out.push_back(rest[i].second.toStdString());
    return out;
}

std::string percentEncode(const std::string &s)
{
    return QUrl::toPercentEncoding(QString::fromStdString(s)).toStdString();
}
} // namespace

bool routeGetContact(Plan &p)
{
    const auto ids = column(p.gateway, u"SELECT id FROM contacts WHERE deleted_at IS NULL"_s);
    if (ids.empty())
        return false;
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    const int n = p.quick ? 20000 : 200000;
    for (int i = 0; i < 2000; ++i)  // warm the page cache and the prepared statements
        p.gateway.call(Method::Get, "/contacts/" + ids[pick(p.rng)]);
    Samples s;
    s.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const std::string target = "/contacts/" + ids[pick(p.rng)];
        Response r;
        s.time([&] { r = p.gateway.call(Method::Get, target); });
        if (r.status != 200)
            return fail("GET /contacts/:id", r);
    }
    s.print("route_get_contact", "contacts=" + std::to_string(ids.size()));
    return true;
}

bool routeSearchContacts(Plan &p)
{
    const auto prefixes = searchPrefixes(p.gateway, p.rng);
    const int reps = p.quick ? 5 : 20;
    Samples s;
    std::size_t rows = 0;
    for (int rep = 0; rep < reps; ++rep) {
        for (const std::string &prefix : prefixes) {
            const std::string target = "/contacts?limit=50&q=" + percentEncode(prefix);
            Response r;
            s.time([&] { r = p.gateway.call(Method::Get, target); });
            if (r.status != 200)
                return fail("GET /contacts?q=", r);
            rows += r.body["items"].size();
        }
    }
    s.print("route_search_contacts", "prefixes=" + std::to_string(prefixes.size()) + " limit=50 avg_rows=" +
                                         std::to_string(rows / std::max<std::size_t>(1, prefixes.size() * reps)));
    return true;
}

bool routePatchContact(Plan &p)
{
    const auto ids = column(p.gateway, u"SELECT id FROM contacts WHERE deleted_at IS NULL"_s);
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    const int n = p.quick ? 3000 : 20000;
    Samples s;
    for (int i = 0; i < n; ++i) {
        // Alternate a plain field and an FTS-indexed one (name changes re-index the contact).
        const nlohmann::json body = i % 4 == 3 ? nlohmann::json{{"title", "Bench title " + std::to_string(i)}}
                                               : nlohmann::json{{"notes", "Bench note " + std::to_string(i)}};
        const std::string target = "/contacts/" + ids[pick(p.rng)], payload = body.dump();
        Response r;
        s.time([&] { r = p.gateway.call(Method::Patch, target, payload); });
        if (r.status != 200)
            return fail("PATCH /contacts/:id", r);
    }
    s.print("route_patch_contact");
    return true;
}

bool startup(const QString &profileDir, int runs)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        app.setProcessEnvironment(env);
        app.start(QString::fromUtf8(RAPPORT_APP_PATH), {u"--profile"_s, profileDir, u"--startup-benchmark"_s});
        if (!app.waitForFinished(60000) || app.exitCode() != 0) {
            std::fprintf(stderr, "rapport-bench: rapport --startup-benchmark failed: %s\n",
                         app.readAllStandardError().constData());
            return false;
        }
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        const auto at = out.indexOf(u"startup_ms="_s);
        if (at < 0)
            return false;
        ms.push_back(out.mid(at + 11).section(QChar(u'\n'), 0, 0).trimmed().toDouble());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("BENCH startup n=%zu startup_ms=%.0f min_ms=%.0f max_ms=%.0f\n", ms.size(), ms[ms.size() / 2], ms.front(),
                ms.back());
    std::fflush(stdout);
    return true;
}

} // namespace rapport::bench
