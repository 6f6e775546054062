#pragma once
// Sends what waits in the Gmail outbox without the user doing anything: a minute after start and
// then every minute, right after a send was queued, and when the system says the network is back
// (QNetworkInformation, where a backend exists). Each round lists the outbox and, when something
// waits, asks the gateway to flush what is due; the gateway decides what is due (backoff) and never
// sends a message twice.

#include <QObject>
#include <QTimer>

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class OutboxPump : public QObject {
    Q_OBJECT
public:
    explicit OutboxPump(GatewayClient &client, QObject *parent = nullptr);

    void poke();  // a round now (or right after the running one)
    int waiting() const { return m_waiting; }

signals:
    void waitingChanged(int waiting);  // emails queued, not yet sent
    void sent(int count);              // a round sent this many

private:
    void round();
    void count(bool thenFlush);
    void setWaiting(int waiting);

    GatewayClient &m_client;
    QTimer m_timer;
    bool m_running = false;
    bool m_again = false;
    int m_waiting = 0;
};

} // namespace rapport::ui
