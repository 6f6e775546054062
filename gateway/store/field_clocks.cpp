#include "store/field_clocks.h"

#include <QSqlQuery>

#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport {

Result<nlohmann::json> readFieldClocks(Connection &conn, std::string_view entityId)
{
    QSqlQuery &q = conn.prepare(u"SELECT clocks FROM field_clocks WHERE entity_id = ?"_s);
    q.bindValue(0, qs(entityId));
    if (auto e = exec(q, "reading field clocks"); !e)
        return std::move(e).error();
    nlohmann::json out = nlohmann::json::object();
    if (q.next()) {
        out = nlohmann::json::parse(q.value(0).toString().toStdString(), nullptr, false);
        if (!out.is_object())
            out = nlohmann::json::object();  // a damaged entry only costs a spurious conflict later
    }
    q.finish();
    return out;
}

Result<void> writeFieldClocks(Connection &conn, std::string_view entityId, const nlohmann::json &clocks)
{
    QSqlQuery &q = conn.prepare(u"INSERT OR REPLACE INTO field_clocks(entity_id, clocks) VALUES (?, ?)"_s);
    q.bindValue(0, qs(entityId));
    q.bindValue(1, qs(clocks.dump()));
    return exec(q, "saving field clocks");
}

} // namespace rapport
