#pragma once
// One SQLite file per profile, WAL mode. Reads use a connection owned by the calling thread;
// every write runs on the single writer thread inside one transaction, so the GUI thread never
// waits on a commit, an fsync or a checkpoint.

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include "core/error.h"

namespace rapport {

namespace sync {
class HybridClock;
}
class Writer;

// A connection plus its prepared statements; belongs to one thread.
class Connection {
public:
    explicit Connection(QSqlDatabase db) : m_db(std::move(db)) {}
    QSqlDatabase &db() { return m_db; }
    // Prepared once per connection, then reused (bind values and exec again).
    QSqlQuery &prepare(const QString &sql);

private:
    QSqlDatabase m_db;
    std::vector<std::pair<QString, std::unique_ptr<QSqlQuery>>> m_statements;
};

// What a write job sees: the writer's connection inside an open transaction, and the commit time.
struct WriteTxn {
    Connection &conn;
    qint64 nowMs;  // one timestamp for every row the transaction touches
    sync::HybridClock *clock = nullptr;  // the profile's sync clock: one HLC per outbox mutation
    bool recordedMutation = false;       // set by recordMutation: the commit tells the sync scheduler
};

// UTF-8 text (the JSON side) -> QString for binding (the SQL side).
inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// QSqlQuery failure -> Error (SQLITE_CORRUPT/NOTADB -> StoreCorrupt, FULL/BUSY -> StoreUnavailable).
Error sqlError(const QSqlQuery &query, std::string_view what);
Result<void> exec(QSqlQuery &query, std::string_view what);  // exec() with the error mapped

class Store {
public:
    static constexpr const char *kFileName = "rapport.db";

    // Creates the folder if needed, opens or creates the database and migrates it.
    // Never overwrites or deletes an existing file that it cannot read.
    static Result<std::unique_ptr<Store>> open(const QString &profileDir);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString databasePath() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    // The profile's sync clock (thread-safe); its node is the client id.
    sync::HybridClock &clock() const;

    // Called on the writer thread after each commit that recorded an outbox mutation (a local edit to
    // sync). Keep it short: post to another thread. Set it once, before edits start.
    void setMutationListener(std::function<void()> listener);

    // The calling thread's read connection (opened on first use).
    Connection &reader() const;

    // Runs job on the writer thread in one transaction: commit when it returns ok, roll back otherwise.
    // Blocks the calling thread until then; call from workers, never from the GUI thread.
    template <class T>
    Result<T> write(std::function<Result<T>(WriteTxn &)> job) {
        std::optional<Result<T>> out;
        Result<void> r = writeErased([&](WriteTxn &txn) -> Result<void> {
            out.emplace(job(txn));
            if (!out->ok())
                return out->error();
            return {};
        });
        if (out && !r.ok() && out->ok())  // the job succeeded but the commit failed
            return r.error();
        if (!out)
            return r.error();
        return std::move(*out);
    }

private:
    Store() = default;
    Result<void> writeErased(std::function<Result<void>(WriteTxn &)> job);

    QString m_path;
    int m_schemaVersion = 0;
    quint64 m_serial = 0;  // distinguishes connections of stores opened one after another
    std::unique_ptr<Writer> m_writer;
};

} // namespace rapport
