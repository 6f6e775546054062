#include "server/server_store.h"

#include "store/thread_readers.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

#include "store/timefmt.h"
#include "store/writer.h"  // openConnection: the shared pragmas per connection role

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

// Runs on the writer thread before any job: is this a server database we can use, and is it current?
Result<int> checkAndMigrate(Connection &conn, const QString &path)
{
    QSqlQuery q(conn.db());
    // The first read of the file: a damaged header or a non-database fails here, before anything writes.
    if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s) || !q.next())
        return sqlError(q, "reading the database");
    const bool empty = q.value(0).toInt() == 0;
    q.finish();
    if (!q.exec(u"PRAGMA application_id"_s) || !q.next())
        return sqlError(q, "reading the database");
    const int appId = q.value(0).toInt();
    q.finish();
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return sqlError(q, "reading the schema version");
    const int version = q.value(0).toInt();
    q.finish();
    // A desktop profile (rapport.db renamed) or any other SQLite file: refuse rather than add our tables.
    if (!(empty && version == 0) && appId != ServerStore::kApplicationId)
        return Error::make(ErrorCode::StoreCorrupt, "not a server database");
    if (version > latestServerSchemaVersion())
        return Error::make(ErrorCode::StoreTooNew,
                           "The database " + path.toStdString() + " was written by a newer rapport-server "
                               "(schema " + std::to_string(version) + ", this version knows up to " +
                               std::to_string(latestServerSchemaVersion()) + "). It has not been changed.");
    if (!q.exec(u"PRAGMA journal_mode"_s) || !q.next())
        return sqlError(q, "reading the journal mode");
    const bool isWal = q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0;
    q.finish();
    if (!isWal && !q.exec(u"PRAGMA journal_mode=WAL"_s))
        return sqlError(q, "switching to WAL mode");
    q.finish();
    // The desktop writer turns automatic checkpoints off and runs them on a second thread so the GUI never
    // waits; a server has no GUI thread, so SQLite's own checkpoint after a commit is simpler and enough.
    if (!q.exec(u"PRAGMA wal_autocheckpoint=1000"_s))
        return sqlError(q, "configuring checkpoints");
    q.finish();
    return migrateServerTo(conn, latestServerSchemaVersion());
}

} // namespace

// One thread owns the write connection and runs jobs one at a time, each in its own transaction.
class ServerStore::WriterThread {
public:
    using Job = std::function<Result<void>(WriteTxn &)>;

    static Result<std::unique_ptr<WriterThread>> start(const QString &path, quint64 serial)
    {
        std::unique_ptr<WriterThread> w(new WriterThread);
        std::promise<Result<int>> ready;
        auto readyFuture = ready.get_future();
        const QString name = u"rapport-server-writer-"_s + QString::number(serial);
        w->m_thread = std::thread(&WriterThread::loop, w.get(), path, name, std::move(ready));
        Result<int> version = readyFuture.get();
        if (!version) {
            w->m_thread.join();  // the loop has already returned
            return version.error();
        }
        w->m_version = *version;
        return w;
    }

    ~WriterThread()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    int version() const { return m_version; }

    Result<void> run(Job fn)
    {
        std::promise<Result<void>> done;
        auto future = done.get_future();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return Error::make(ErrorCode::StoreUnavailable, "The server database is closing");
            m_jobs.push_back({std::move(fn), std::move(done)});
        }
        m_wake.notify_one();
        return future.get();
    }

private:
    WriterThread() = default;

    void loop(QString path, QString name, std::promise<Result<int>> ready)
    {
        {
            auto db = openConnection(path, name, ConnectionRole::Writer);
            if (!db) {
                ready.set_value(db.error());
                return;
            }
            Connection conn(*db);
            Result<int> version = checkAndMigrate(conn, path);
            const bool ok = version.ok();
            ready.set_value(std::move(version));
            while (ok) {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                if (m_jobs.empty())
                    break;  // stopping and drained
                auto [fn, done] = std::move(m_jobs.front());
                m_jobs.pop_front();
                lock.unlock();
                done.set_value(runInTransaction(conn, fn));
            }
            conn.db().close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    static Result<void> runInTransaction(Connection &conn, Job &fn)
    {
        if (auto r = exec(conn.prepare(u"BEGIN IMMEDIATE"_s), "starting a write"); !r)
            return r;
        WriteTxn txn{conn, nowMs()};
        Result<void> result = fn(txn);
        Result<void> ended = exec(conn.prepare(result ? u"COMMIT"_s : u"ROLLBACK"_s),
                                  result ? "committing" : "rolling back");
        if (!result)
            return result;
        if (!ended) {
            QSqlQuery rollback(conn.db());
            rollback.exec(u"ROLLBACK"_s);  // COMMIT failed (disk full...): leave no open transaction behind
        }
        return ended;
    }

    int m_version = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::pair<Job, std::promise<Result<void>>>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

ServerStore::ServerStore() = default;

Result<std::unique_ptr<ServerStore>> ServerStore::open(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return Error::make(ErrorCode::StoreUnavailable, "Cannot create the data folder " + dataDir.toStdString());
    const QString path = QDir(dataDir).filePath(QString::fromLatin1(kFileName));
    const QFileInfo info(path);
    if (info.exists() && (!info.isFile() || !info.isReadable()))
        return Error::make(ErrorCode::StoreUnavailable, "Cannot read the database file " + path.toStdString());

    std::unique_ptr<ServerStore> store(new ServerStore);
    store->m_path = path;
    store->m_serial = newDatabaseSerial();
    auto writer = WriterThread::start(path, store->m_serial);
    if (!writer) {
        Error e = writer.error();
        if (e.code == ErrorCode::StoreCorrupt)  // whichever check noticed it, say it plainly
            e.message = "The database file " + path.toStdString() +
                        " is damaged or is not a rapport-server database. It has not been changed: move it "
                        "aside or restore a backup (or point --data at the right folder), then start again.";
        return e;
    }
    store->m_writer = std::move(*writer);
    store->m_schemaVersion = store->m_writer->version();
    return store;
}

ServerStore::~ServerStore()
{
    dropThreadReader(m_serial);
    m_writer.reset();
}

Connection &ServerStore::reader() const
{
    return threadReader(m_serial, m_path, u"rapport-server-reader-"_s);
}

Result<void> ServerStore::writeErased(std::function<Result<void>(WriteTxn &)> job)
{
    return m_writer->run(std::move(job));
}

} // namespace rapport::server
