#include "sync/sync_scheduler.h"

#include <QDateTime>
#include <QNetworkInformation>
#include <QPointer>
#include <QThreadPool>

#include "store/store.h"
#include "sync/sync_engine.h"

namespace rapport::sync {

SyncScheduler::SyncScheduler(SyncEngine &engine, Store &store, QObject *parent, SyncBackoff policy,
                             std::chrono::milliseconds debounce)
    : QObject(parent), m_engine(engine), m_store(store), m_policy(policy), m_debounce(debounce)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::run);
    // Runs on the writer thread: only post. The listener is removed in the destructor, under the
    // writer's lock, so it never posts to a dead object.
    m_store.setMutationListener([this] {
        QMetaObject::invokeMethod(this, &SyncScheduler::localChange, Qt::QueuedConnection);
    });
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online) {
                        m_failures = 0;  // the network is back: no reason to wait out the backoff
                        syncSoon(std::chrono::milliseconds(500));
                    }
                });
    }
}

SyncScheduler::~SyncScheduler()
{
    m_store.setMutationListener({});
}

void SyncScheduler::start()
{
    syncSoon(std::chrono::milliseconds(0));
}

void SyncScheduler::localChange()
{
    // While backing off after failures, an edit does not hammer a dead server; the backoff timer runs.
    if (m_failures == 0)
        syncSoon(m_debounce);
}

void SyncScheduler::syncSoon(std::chrono::milliseconds delay)
{
    if (m_running) {
        m_again = true;
        return;
    }
    if (!m_timer.isActive() || m_timer.remainingTime() > delay.count())
        schedule(delay);
}

void SyncScheduler::schedule(std::chrono::milliseconds delay)
{
    m_timer.start(delay);
    m_engine.setNextAttemptMs(QDateTime::currentMSecsSinceEpoch() + delay.count());
}

void SyncScheduler::run()
{
    if (m_running)
        return;
    m_running = true;
    m_engine.setNextAttemptMs(0);
    QPointer<SyncScheduler> self(this);
    SyncEngine &engine = m_engine;
    QThreadPool::globalInstance()->start([self, &engine] {
        const auto status = engine.runRound();
        const bool failed = !status || engine.lastRoundFailed();
        QMetaObject::invokeMethod(
            self.data(), [self, failed] { if (self) self->finished(failed); }, Qt::QueuedConnection);
    });
}

void SyncScheduler::finished(bool failed)
{
    m_running = false;
    m_failures = failed ? m_failures + 1 : 0;
    emit roundFinished(!failed);
    if (std::exchange(m_again, false) && !failed) {
        schedule(std::chrono::milliseconds(0));
        return;
    }
    if (failed) {
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        schedule(syncRetryDelay(m_failures, unit(m_random), m_policy));
    } else {
        schedule(m_policy.healthyInterval);
    }
}

} // namespace rapport::sync
