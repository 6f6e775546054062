#pragma once
// Settings -> Gmail: the Google desktop client (id, and secret kept in the keychain), the connection's
// state (address, token expiry, missing permissions, last error), and Connect / Disconnect. Connect
// opens Google's page in the browser (QDesktopServices, which honours $BROWSER) and waits, with Cancel;
// the address is also shown as a link in case no browser opens.

#include <QGroupBox>

#include <nlohmann/json_fwd.hpp>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rapport {
class GatewayClient;
class SecretStore;
struct Error;
}

namespace rapport::ui {

class GmailBox : public QGroupBox {
    Q_OBJECT
public:
    GmailBox(GatewayClient &client, SecretStore &secrets, QWidget *parent = nullptr);

    void refresh();  // GET /gmail/status
    bool isBusy() const { return m_streamId != 0; }

signals:
    void statusChanged(const QString &state);  // "connected", "disconnected", "reconnect_needed"

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showStatus(const nlohmann::json &status);
    void saveClient();
    void connectGmail();
    void disconnectGmail();
    void cancel();
    void runFlow(const char *target, const QString &waiting);
    void finishFlow();
    void showError(const QString &text);
    void setBusy(bool busy);

    GatewayClient &m_client;
    SecretStore &m_secrets;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QPushButton *m_saveClient = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_link = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_cancel = nullptr;
    quint64 m_streamId = 0;
    bool m_environmentClient = false;
};

} // namespace rapport::ui
