#pragma once
// A contact's mail in the contact editor: the cached messages at once (they read offline), then a
// refresh from Gmail in the background when the copy is older than a few minutes, with the time of
// the last refresh, a Refresh button, and a clear line when Gmail is not connected or unreachable.

#include <QDateTime>
#include <QWidget>

#include <nlohmann/json_fwd.hpp>

class QLabel;
class QListWidget;
class QPushButton;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class MailTimeline : public QWidget {
    Q_OBJECT
public:
    explicit MailTimeline(GatewayClient &client, QWidget *parent = nullptr);
    ~MailTimeline() override;

    void setContact(const QString &contactId);  // empty: a new contact, nothing to show
    void refresh();                             // asks Gmail now
    QListWidget *list() const { return m_list; }
    bool isRefreshing() const { return m_streamId != 0; }

signals:
    void settingsRequested();

private:
    void loadCached(bool thenMaybeRefresh);
    void showPage(const nlohmann::json &page);
    void setNote(const QString &text);
    void updateStamp();

    GatewayClient &m_client;
    QString m_contactId;
    quint64 m_generation = 0;  // drops answers for a contact no longer shown
    quint64 m_streamId = 0;
    QDateTime m_refreshedAt;
    bool m_connected = false;
    QLabel *m_stamp = nullptr;
    QPushButton *m_refresh = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_openSettings = nullptr;
};

} // namespace rapport::ui
