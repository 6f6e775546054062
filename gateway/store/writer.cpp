#include "store/writer.h"

#include <atomic>

#include <QDateTime>
#include <QSqlError>

#include "store/timefmt.h"
#include "sync/hlc.h"

using namespace Qt::StringLiterals;

namespace rapport {

namespace {
std::atomic<quint64> g_connectionSerial{0};

QString uniqueName(QStringView role)
{
    return u"rapport-"_s + role + u'-' + QString::number(++g_connectionSerial);
}

Result<void> pragma(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(q, "configuring the database connection");
    return {};
}
} // namespace

Result<QSqlDatabase> openConnection(const QString &path, const QString &name, ConnectionRole role)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);  // another process (rapportctl) may be writing
    if (!db.open()) {
        const QString msg = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error::make(ErrorCode::StoreUnavailable,
                           "Cannot open the database " + path.toStdString() + ": " + msg.toStdString());
    }
    QStringList pragmas{u"PRAGMA foreign_keys=ON"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA temp_store=MEMORY"_s};
    if (role == ConnectionRole::Writer)
        pragmas << u"PRAGMA wal_autocheckpoint=0"_s << u"PRAGMA cache_size=-32000"_s;
    if (role == ConnectionRole::Reader)
        pragmas << u"PRAGMA query_only=1"_s << u"PRAGMA cache_size=-16000"_s;
    for (const QString &p : pragmas) {
        if (auto r = pragma(db, p); !r) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return std::move(r).error();
        }
    }
    return db;
}

Result<std::unique_ptr<Writer>> Writer::start(const QString &path, Init init)
{
    std::unique_ptr<Writer> w(new Writer(path));
    std::promise<Result<int>> ready;
    auto readyFuture = ready.get_future();
    w->m_thread = std::thread(&Writer::writerLoop, w.get(), std::move(init), std::move(ready));
    Result<int> version = readyFuture.get();
    if (!version) {
        w->m_thread.join();  // the loop has already returned
        return version.error();
    }
    w->m_schemaVersion = *version;
    w->m_checkpointer = std::thread(&Writer::checkpointLoop, w.get());
    return w;
}

Writer::~Writer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_cpMutex);
        m_cpStopping = true;
    }
    m_cpWake.notify_all();
    if (m_checkpointer.joinable())
        m_checkpointer.join();
}

Result<void> Writer::run(std::function<Result<void>(WriteTxn &)> fn)
{
    Job job{std::move(fn), {}};
    auto done = job.done.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return Error::make(ErrorCode::StoreUnavailable, "The database is closing");
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return done.get();
}

void Writer::writerLoop(Init init, std::promise<Result<int>> ready)
{
    const QString name = uniqueName(u"writer");
    {
        auto db = openConnection(m_path, name, ConnectionRole::Writer);
        if (!db) {
            ready.set_value(db.error());
            return;
        }
        Connection conn(*db);
        Result<int> version = init(conn);
        if (version)
            if (auto clock = startClock(conn); !clock)
                version = clock.error();
        const bool ok = version.ok();
        ready.set_value(std::move(version));
        while (ok) {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                break;  // stopping and drained
            Job job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job.done.set_value(runInTransaction(conn, job));
        }
        conn.db().close();
    }
    QSqlDatabase::removeDatabase(name);
}

// The sync clock's node is the profile's client id; it resumes after the newest HLC it ever gave an
// outbox mutation, so a system clock set back between runs cannot reorder this profile's edits.
Result<void> Writer::startClock(Connection &conn)
{
    QSqlQuery q(conn.db());
    if (!q.exec(u"SELECT json_extract(value, '$.client_id') FROM settings WHERE key = 'sync.client'"_s) || !q.next())
        return sqlError(q, "reading the sync client id");
    const std::string node = q.value(0).toString().toStdString();
    q.finish();
    // RAPPORT_CLOCK_SKEW_MS shifts this profile's wall clock, to try a laptop whose clock is hours off
    // (tests/integration/test_sync.cpp) without changing the machine's time.
    const qint64 skew = qEnvironmentVariableIntValue("RAPPORT_CLOCK_SKEW_MS");
    sync::HybridClock::WallClock wall;
    if (skew != 0)
        wall = [skew] { return QDateTime::currentMSecsSinceEpoch() + skew; };
    m_clock = std::make_unique<sync::HybridClock>(node, wall);
    // HLCs grow with seq, so the newest row holds the largest: a rowid lookup, not a scan of every edit.
    if (!q.exec(u"SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1"_s))
        return sqlError(q, "reading the sync clock");
    if (q.next())
        if (auto last = sync::HlcTimestamp::decode(q.value(0).toString().toStdString()))
            m_clock->restore(*last);
    q.finish();
    // Pushed rows leave the outbox; the sync engine keeps the newest HLC it gave or saw here instead.
    if (!q.exec(u"SELECT json_extract(value, '$.last') FROM settings WHERE key = 'sync.clock'"_s))
        return sqlError(q, "reading the sync clock");
    if (q.next())
        if (auto last = sync::HlcTimestamp::decode(q.value(0).toString().toStdString()))
            m_clock->restore(*last);
    return {};
}

Result<void> Writer::runInTransaction(Connection &conn, Job &job)
{
    QSqlQuery &begin = conn.prepare(u"BEGIN IMMEDIATE"_s);
    if (auto r = exec(begin, "starting a write"); !r)
        return r;
    WriteTxn txn{conn, nowMs(), m_clock.get()};
    Result<void> result = job.fn(txn);
    QSqlQuery &end = conn.prepare(result ? u"COMMIT"_s : u"ROLLBACK"_s);
    Result<void> ended = exec(end, result ? "committing" : "rolling back");
    if (!result)
        return result;
    if (!ended) {
        QSqlQuery rollback(conn.db());
        rollback.exec(u"ROLLBACK"_s);  // COMMIT failed (disk full...): leave no open transaction behind
        return ended;
    }
    {
        std::lock_guard lock(m_cpMutex);
        ++m_commitsSinceCheckpoint;
    }
    if (txn.recordedMutation) {
        std::lock_guard lock(m_listenerMutex);
        if (m_onMutation)
            m_onMutation();
    }
    return {};
}

void Writer::setMutationListener(std::function<void()> listener)
{
    std::lock_guard lock(m_listenerMutex);
    m_onMutation = std::move(listener);
}

void Writer::checkpointLoop()
{
    const QString name = uniqueName(u"checkpointer");
    {
        auto db = openConnection(m_path, name, ConnectionRole::Checkpointer);
        if (!db)
            return;  // without it the WAL grows until the writer closes; nothing is lost
        QSqlQuery checkpoint(*db);
        std::unique_lock lock(m_cpMutex);
        while (!m_cpStopping) {
            // PASSIVE never blocks the writer or readers; once a second is plenty for a desktop's write rate.
            m_cpWake.wait_for(lock, std::chrono::seconds(1));
            if (m_commitsSinceCheckpoint == 0 || m_cpStopping)
                continue;
            m_commitsSinceCheckpoint = 0;
            lock.unlock();
            checkpoint.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
            checkpoint.finish();
            lock.lock();
        }
        checkpoint = QSqlQuery();
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace rapport
