#pragma once
// rapport-server's own database: `server.db` in the server's --data folder (teams, users, sessions,
// failed sign-ins; later the sync change log).
//
// Why not Store: Store::open(dir) always creates `rapport.db` with the desktop's migrations, and its
// Writer sets up the desktop's sync clock from the desktop's tables when it starts. The server's schema
// is a different one with its own version line, and a desktop profile must never be mistaken for a
// server's data (or the reverse). So ServerStore keeps the same model (WAL, one writer thread running
// each job in one IMMEDIATE transaction, one read connection per thread, versions in PRAGMA
// user_version, each migration in one transaction) and reuses the schema-free pieces: Connection,
// WriteTxn, openConnection (pragmas), exec/sqlError/qs. The file is marked with its own
// PRAGMA application_id and refused when it carries another one.
//
// The storage interface that PostgreSQL will implement sits above this (accounts, sync); this class is
// the SQLite engine only.

#include <functional>
#include <memory>
#include <optional>

#include <QString>

#include "core/error.h"
#include "store/store.h"

namespace rapport::server {

class ServerStore {
public:
    static constexpr const char *kFileName = "server.db";
    static constexpr int kApplicationId = 0x52617053;  // "RapS" in the SQLite header

    // Creates the folder if needed, opens or creates server.db and migrates it. Never changes a file it
    // cannot read or that is not a Rapport server database: StoreCorrupt / StoreTooNew /
    // StoreUnavailable with a message that names the file and says what to do.
    static Result<std::unique_ptr<ServerStore>> open(const QString &dataDir);
    ~ServerStore();  // finishes queued writes, closes every connection it opened on this thread
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    QString databasePath() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }

    // The calling thread's read-only connection (opened on first use, closed when the thread ends).
    Connection &reader() const;

    // Runs job on the writer thread in one transaction: commit when it returns ok, roll back otherwise.
    // Blocks the caller until then. Keep jobs short (no password hashing inside).
    template <class T>
    Result<T> write(std::function<Result<T>(WriteTxn &)> job)
    {
        std::optional<Result<T>> out;
        Result<void> r = writeErased([&](WriteTxn &txn) -> Result<void> {
            out.emplace(job(txn));
            if (!out->ok())
                return out->error();
            return {};
        });
        if (!out || (!r.ok() && out->ok()))  // not run, or the job succeeded but the commit failed
            return r.error();
        return std::move(*out);
    }

private:
    class WriterThread;
    ServerStore();
    Result<void> writeErased(std::function<Result<void>(WriteTxn &)> job);

    QString m_path;
    int m_schemaVersion = 0;
    quint64 m_serial = 0;  // tells apart the reader connections of stores opened one after another
    std::unique_ptr<WriterThread> m_writer;
};

// The schema (server_schema.cpp). Exposed so tests can build old-version files.
int latestServerSchemaVersion();
Result<int> migrateServerTo(Connection &conn, int target);

} // namespace rapport::server
