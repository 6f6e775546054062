#include "store/store.h"

#include <atomic>
#include <vector>

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

#include "store/migrations.h"
#include "store/thread_readers.h"
#include "store/writer.h"

using namespace Qt::StringLiterals;

namespace rapport {

QSqlQuery &Connection::prepare(const QString &sql)
{
    for (auto &[text, query] : m_statements) {
        if (text == sql)
            return *query;
    }
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);  // no result caching in QtSql: measurably cheaper per row
    if (!query->prepare(sql))     // a programming error; exec() then fails and reports it
        qWarning("SQL prepare failed: %s", qPrintable(query->lastError().text()));
    m_statements.emplace_back(sql, std::move(query));
    return *m_statements.back().second;
}

Error sqlError(const QSqlQuery &query, std::string_view what)
{
    const QSqlError e = query.lastError();
    const QString native = e.nativeErrorCode();
    const int code = native.toInt() & 0xFF;  // primary SQLite result code
    const std::string detail = e.text().toStdString();
    ErrorCode kind = ErrorCode::Internal;
    if (code == 11 || code == 26)  // SQLITE_CORRUPT, SQLITE_NOTADB
        kind = ErrorCode::StoreCorrupt;
    else if (code == 5 || code == 6 || code == 8 || code == 10 || code == 13 || code == 14)
        kind = ErrorCode::StoreUnavailable;  // BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN
    return Error::make(kind, "Database error while " + std::string(what) + ": " + detail);
}

Result<void> exec(QSqlQuery &query, std::string_view what)
{
    if (!query.exec())
        return sqlError(query, what);
    return {};
}

namespace {


// Runs on the writer thread before any job: is this a database we can use, and is it current?
Result<int> checkAndMigrate(Connection &conn, const QString &path)
{
    QSqlQuery probe(conn.db());
    // Reading the schema is the first access to the file: a non-database or damaged header fails here,
    // before anything (journal mode, migrations) could write to it.
    if (!probe.exec(u"SELECT count(*) FROM sqlite_master"_s) || !probe.next())
        return sqlError(probe, "reading the database");
    probe.finish();
    if (!probe.exec(u"PRAGMA user_version"_s) || !probe.next())
        return sqlError(probe, "reading the schema version");
    const int version = probe.value(0).toInt();
    probe.finish();
    if (version > latestSchemaVersion())
        return Error::make(ErrorCode::StoreTooNew,
                           "The database " + path.toStdString() + " was written by a newer version of Rapport "
                               "(schema " + std::to_string(version) + ", this version knows up to " +
                               std::to_string(latestSchemaVersion()) + "). It has not been changed.");
    // Switching the journal mode needs the write lock; ask first, so opening a profile that another
    // process (rapportctl) is writing to does not wait for it.
    if (!probe.exec(u"PRAGMA journal_mode"_s) || !probe.next())
        return sqlError(probe, "reading the journal mode");
    const bool isWal = probe.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0;
    probe.finish();
    if (!isWal && !probe.exec(u"PRAGMA journal_mode=WAL"_s))
        return sqlError(probe, "switching to WAL mode");
    probe.finish();
    return migrateTo(conn, latestSchemaVersion());
}
} // namespace

Result<std::unique_ptr<Store>> Store::open(const QString &profileDir)
{
    if (!QDir().mkpath(profileDir))
        return Error::make(ErrorCode::StoreUnavailable,
                           "Cannot create the profile folder " + profileDir.toStdString());
    const QString path = QDir(profileDir).filePath(QString::fromLatin1(kFileName));
    const QFileInfo info(path);
    if (info.exists() && (!info.isFile() || !info.isReadable()))
        return Error::make(ErrorCode::StoreUnavailable, "Cannot read the database file " + path.toStdString());

    auto writer = Writer::start(path, [path](Connection &conn) { return checkAndMigrate(conn, path); });
    if (!writer) {
        Error e = writer.error();
        if (e.code == ErrorCode::StoreCorrupt)  // whichever first statement noticed it, say it plainly
            e.message = "The database file " + path.toStdString() +
                        " is damaged or is not a Rapport database. It has not been changed: move it aside or "
                        "restore a backup, then start Rapport again.";
        return e;
    }

    std::unique_ptr<Store> store(new Store);
    store->m_path = path;
    store->m_serial = newDatabaseSerial();
    store->m_writer = std::move(*writer);
    store->m_schemaVersion = store->m_writer->schemaVersion();
    return store;
}

sync::HybridClock &Store::clock() const
{
    return m_writer->clock();
}

Store::~Store()
{
    dropThreadReader(m_serial);
    m_writer.reset();
}

Connection &Store::reader() const
{
    return threadReader(m_serial, m_path, u"rapport-reader-"_s);
}

Result<void> Store::writeErased(std::function<Result<void>(WriteTxn &)> job)
{
    return m_writer->run(std::move(job));
}

void Store::setMutationListener(std::function<void()> listener)
{
    m_writer->setMutationListener(std::move(listener));
}

} // namespace rapport
