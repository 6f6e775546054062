#pragma once
// The sign-ins waiting for Google's redirect, by their `state`, so GET /gmail/callback (on whatever
// thread calls it) can hand the redirect to the ConnectFlow that started it. Only an exact state
// match reaches a flow: a guessed or stale state finds nothing.

#include <mutex>

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QUrlQuery>

namespace rapport::gmail {

class ConnectFlow;

class PendingSignIns {
public:
    void add(const QByteArray &state, ConnectFlow *flow);
    void remove(const QByteArray &state);
    // Queues the query to the flow's thread; false when no sign-in waits for this state.
    bool deliver(const QByteArray &state, const QUrlQuery &query);

private:
    std::mutex m_mutex;
    QHash<QByteArray, QPointer<ConnectFlow>> m_flows;
};

} // namespace rapport::gmail
