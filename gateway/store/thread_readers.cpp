#include "store/thread_readers.h"

#include <atomic>
#include <memory>
#include <vector>

#include <QSqlDatabase>

#include "store/store.h"
#include "store/writer.h"

namespace rapport {

namespace {

std::atomic<quint64> g_serial{0};

struct ReaderSlot {
    quint64 serial;
    QString name;
    std::unique_ptr<Connection> conn;
};

struct ThreadReaders {
    std::vector<ReaderSlot> entries;
    void drop(std::size_t i)
    {
        const QString name = entries[i].name;
        entries[i].conn->db().close();
        entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
        QSqlDatabase::removeDatabase(name);
    }
    ~ThreadReaders()
    {
        while (!entries.empty())
            drop(entries.size() - 1);
    }
};
thread_local ThreadReaders t_readers;

} // namespace

quint64 newDatabaseSerial()
{
    return ++g_serial;
}

Connection &threadReader(quint64 serial, const QString &path, const QString &namePrefix)
{
    for (auto &slot : t_readers.entries) {
        if (slot.serial == serial)
            return *slot.conn;
    }
    const QString name = namePrefix + QString::number(serial) + u'-' +
                         QString::number(reinterpret_cast<quintptr>(&t_readers), 16);
    auto db = openConnection(path, name, ConnectionRole::Reader);
    if (!db) {
        qWarning("%s", db.error().message.c_str());
        thread_local Connection unavailable{QSqlDatabase()};
        return unavailable;
    }
    t_readers.entries.push_back({serial, name, std::make_unique<Connection>(*db)});
    return *t_readers.entries.back().conn;
}

void dropThreadReader(quint64 serial)
{
    for (std::size_t i = 0; i < t_readers.entries.size(); ++i) {
        if (t_readers.entries[i].serial == serial) {
            t_readers.drop(i);
            return;
        }
    }
}

} // namespace rapport
