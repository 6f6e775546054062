#include "store/settings_kv.h"

#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport {

Result<nlohmann::json> readSetting(Store &store, std::string_view key)
{
    return readSettingIn(store.reader(), key);  // finishes its query: a reader must not pin a snapshot
}

Result<void> writeSettingIn(WriteTxn &txn, std::string_view key, const nlohmann::json &value)
{
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    QSqlQuery &q = txn.conn.prepare(u"INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?) "
                                    u"ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                                    u"updated_at = excluded.updated_at"_s);
    q.bindValue(0, qs(key));
    q.bindValue(1, qs(text));
    q.bindValue(2, txn.nowMs);
    return exec(q, "saving a setting");
}

Result<nlohmann::json> readSettingIn(Connection &conn, std::string_view key)
{
    QSqlQuery &q = conn.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    q.bindValue(0, qs(key));
    if (auto e = exec(q, "reading a setting"); !e)
        return std::move(e).error();
    nlohmann::json value = nlohmann::json::object();
    if (q.next())
        value = nlohmann::json::parse(q.value(0).toString().toStdString(), nullptr, false);
    q.finish();
    if (!value.is_object())
        value = nlohmann::json::object();
    return value;
}

Result<void> writeSetting(Store &store, std::string_view key, const nlohmann::json &value)
{
    auto written = store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        if (auto e = writeSettingIn(txn, key, value); !e)
            return std::move(e).error();
        return true;
    });
    if (!written)
        return std::move(written).error();
    return {};
}

} // namespace rapport
