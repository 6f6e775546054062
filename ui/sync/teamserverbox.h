#pragma once
// Settings -> Team server: sign in to a rapport-server (address, an optional CA certificate for a
// self-hosted server, email, password), or, once signed in, "Signed in as … on …" and Sign out.
// The password lives only in its field until Sign in is pressed: it is cleared as soon as the call
// returns and never reaches QSettings or a log; the gateway keeps only the session token (keychain).

#include <QGroupBox>

#include <nlohmann/json_fwd.hpp>

#include "shared/fielderrors.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace rapport {
class GatewayClient;
struct Error;
}

namespace rapport::ui {

class TeamServerBox : public QGroupBox {
    Q_OBJECT
public:
    explicit TeamServerBox(GatewayClient &client, QWidget *parent = nullptr);

    void refresh();  // GET /sync/account
    bool isBusy() const { return m_busy; }
    bool isSignedIn() const { return m_signedIn; }

signals:
    void accountChanged(bool signedIn);  // after the user signed in or out here

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showAccount(const nlohmann::json &account);
    void signIn();
    void signOut();
    void chooseCaFile();
    void showSignInError(const Error &error, const QString &server);
    void forgetPassword();
    void setBusy(bool busy, const QString &label = {});

    GatewayClient &m_client;
    FieldErrors m_errors;
    QWidget *m_form = nullptr;  // shown while signed out
    QLineEdit *m_server = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_state = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_signOut = nullptr;
    bool m_busy = false;
    bool m_signedIn = false;
};

} // namespace rapport::ui
