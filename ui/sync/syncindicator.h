#pragma once
// The status bar's team-sync button: "Synced", "Syncing…", "Offline – 3 pending", "Sync error" or a
// muted "Not signed in", plus "· N conflicts" when some wait. The tooltip says when the last sync
// worked, the last problem and the next attempt. It asks GET /sync/status every few seconds (one
// request at a time) and right after Sync now; clicking it offers Sync now (Ctrl+Shift+S), the
// conflicts and the team server settings. A gateway without sync routes (404) reads as signed out.

#include <QTimer>
#include <QToolButton>

#include <nlohmann/json.hpp>

class QAction;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class SyncIndicator : public QToolButton {
    Q_OBJECT
public:
    explicit SyncIndicator(GatewayClient &client, QWidget *parent = nullptr);

    static constexpr int kPollMs = 3000;

    QAction *syncNowAction() const { return m_syncNow; }  // the window adds it, so its shortcut works anywhere
    const nlohmann::json &status() const { return m_status; }
    QString state() const;  // the last status's "state"; "signed_out" until one arrives
    int openConflicts() const { return m_conflicts; }
    bool isSyncing() const { return m_syncing; }

    void refresh();  // GET /sync/status now (or right after the one in flight)
    void syncNow();  // POST /sync/now, then refresh

signals:
    void statusChanged(const nlohmann::json &status);
    void conflictsChanged(int open);
    void conflictsRequested();
    void settingsRequested();
    void syncFinished(bool ok, const QString &message);  // after Sync now, for the window's status line

private:
    void showStatus(const nlohmann::json &status);
    QString tooltipFor(const nlohmann::json &status) const;

    GatewayClient &m_client;
    QTimer m_poll;
    QAction *m_syncNow = nullptr;
    QAction *m_openConflicts = nullptr;
    nlohmann::json m_status = nlohmann::json::object();
    int m_conflicts = 0;
    bool m_polling = false;
    bool m_pollAgain = false;
    bool m_syncing = false;
};

} // namespace rapport::ui
