#pragma once
// When the desktop app syncs (design.md "When"): at start, a few seconds after a local edit (edits in
// a burst make one round), periodically while healthy, and when the system reports the network back.
// A failed round is retried for ever with capped exponential backoff and jitter (sync_backoff.h).
// Rounds run on the thread pool, one at a time; this object lives on the GUI thread and never waits.
// Signed out, rounds return at once and nothing is retried.

#include <chrono>
#include <random>

#include <QObject>
#include <QTimer>

#include "sync/sync_backoff.h"

namespace rapport {
class Store;
}

namespace rapport::sync {

class SyncEngine;

class SyncScheduler : public QObject {
    Q_OBJECT
public:
    // Watches store for local edits until destroyed. Call start() once the window is up.
    SyncScheduler(SyncEngine &engine, Store &store, QObject *parent = nullptr, SyncBackoff policy = {},
                  std::chrono::milliseconds debounce = std::chrono::seconds(2));
    ~SyncScheduler() override;

    void start();
    void localChange();  // any thread
    void syncSoon(std::chrono::milliseconds delay);

    int failures() const { return m_failures; }

signals:
    void roundFinished(bool ok);

private:
    void run();
    void finished(bool failed);
    void schedule(std::chrono::milliseconds delay);

    SyncEngine &m_engine;
    Store &m_store;
    SyncBackoff m_policy;
    std::chrono::milliseconds m_debounce;  // after a local edit: edits in a burst make one round
    QTimer m_timer;
    bool m_running = false;
    bool m_again = false;
    int m_failures = 0;
    std::mt19937 m_random{std::random_device{}()};
};

} // namespace rapport::sync
