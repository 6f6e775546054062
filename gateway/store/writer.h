#pragma once
// The single writer: one thread owns the write connection and runs jobs one at a time, each in its own
// IMMEDIATE transaction. A second thread checkpoints the WAL in the background, so no caller's commit
// ever pays for a checkpoint's fsync (wal_autocheckpoint is off on the write connection).

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include <QString>

#include "core/error.h"
#include "store/store.h"
#include "sync/hlc.h"

namespace rapport {

enum class ConnectionRole { Writer, Reader, Checkpointer };

// Opens a QSQLITE connection named `name` on the calling thread and applies the role's pragmas.
// Does not touch the file's contents (no journal-mode change): that is the writer's init step.
Result<QSqlDatabase> openConnection(const QString &path, const QString &name, ConnectionRole role);

class Writer {
public:
    using Init = std::function<Result<int>(Connection &)>;  // returns the schema version

    // Starts the thread, opens the connection there and runs init (checks + migrations) before any job.
    static Result<std::unique_ptr<Writer>> start(const QString &path, Init init);
    ~Writer();  // finishes queued jobs, stops both threads, closes the connections

    int schemaVersion() const { return m_schemaVersion; }
    sync::HybridClock &clock() { return *m_clock; }  // set up with the connection, before any job
    Result<void> run(std::function<Result<void>(WriteTxn &)> job);  // blocks the caller until committed
    void setMutationListener(std::function<void()> listener);

private:
    struct Job {
        std::function<Result<void>(WriteTxn &)> fn;
        std::promise<Result<void>> done;
    };
    explicit Writer(QString path) : m_path(std::move(path)) {}
    void writerLoop(Init init, std::promise<Result<int>> ready);
    void checkpointLoop();
    Result<void> runInTransaction(Connection &conn, Job &job);
    Result<void> startClock(Connection &conn);

    QString m_path;
    int m_schemaVersion = 0;
    std::unique_ptr<sync::HybridClock> m_clock;
    std::mutex m_listenerMutex;
    std::function<void()> m_onMutation;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;

    std::mutex m_cpMutex;
    std::condition_variable m_cpWake;
    int m_commitsSinceCheckpoint = 0;
    bool m_cpStopping = false;
    std::thread m_checkpointer;
};

} // namespace rapport
