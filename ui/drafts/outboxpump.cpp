#include "drafts/outboxpump.h"

#include <QNetworkInformation>

#include "core/error.h"
#include "shared/gatewayclient.h"

namespace rapport::ui {

namespace {
constexpr int kIntervalMs = 60'000;
}

OutboxPump::OutboxPump(GatewayClient &client, QObject *parent) : QObject(parent), m_client(client)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OutboxPump::round);
    m_timer.start();
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        poke();
                });
    }
    count(false);  // the status bar shows what waits from the start
}

void OutboxPump::poke()
{
    if (m_running) {
        m_again = true;
        return;
    }
    round();
}

void OutboxPump::round()
{
    if (m_running)
        return;
    m_running = true;
    count(true);
}

void OutboxPump::count(bool thenFlush)
{
    m_client.call(Method::Get, "/gmail/outbox", this, [this, thenFlush](const Response &r) {
        int queued = 0;
        if (r.isSuccess())
            for (const auto &row : r.body.value("items", nlohmann::json::array()))
                queued += row.value("status", "") == "queued" || row.value("status", "") == "sending";
        setWaiting(queued);
        if (!thenFlush)
            return;
        if (queued == 0) {
            m_running = false;
            return;
        }
        GatewayClient::StreamCallbacks callbacks;
        const auto done = [this] {
            m_running = false;
            count(false);
            if (std::exchange(m_again, false))
                poke();
        };
        callbacks.end = [this, done](const nlohmann::json &summary) {
            if (const int n = summary.value("sent", 0); n > 0)
                emit sent(n);
            done();
        };
        callbacks.fail = [done](const Error &) { done(); };  // not connected, offline: the next round tries
        m_client.stream(Request::make(Method::Post, "/gmail/outbox/flush"), this, std::move(callbacks));
    });
}

void OutboxPump::setWaiting(int waiting)
{
    if (waiting == m_waiting)
        return;
    m_waiting = waiting;
    emit waitingChanged(waiting);
}

} // namespace rapport::ui
