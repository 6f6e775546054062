#include "gmail/pending_sign_ins.h"

#include <QMetaObject>

#include "gmail/connect_flow.h"

namespace rapport::gmail {

void PendingSignIns::add(const QByteArray &state, ConnectFlow *flow)
{
    std::lock_guard lock(m_mutex);
    m_flows.insert(state, flow);
}

void PendingSignIns::remove(const QByteArray &state)
{
    std::lock_guard lock(m_mutex);
    m_flows.remove(state);
}

bool PendingSignIns::deliver(const QByteArray &state, const QUrlQuery &query)
{
    std::lock_guard lock(m_mutex);
    const QPointer<ConnectFlow> flow = m_flows.value(state);
    if (state.isEmpty() || !flow)
        return false;
    // The flow lives on the thread that started it; the caller may be any other.
    QMetaObject::invokeMethod(flow.data(), [flow, query] {
        if (flow)
            flow->acceptRedirect(query);
    }, Qt::QueuedConnection);
    return true;
}

} // namespace rapport::gmail
