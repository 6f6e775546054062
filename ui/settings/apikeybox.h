#pragma once
// Settings -> API key: where the key is kept (keychain, this session only, environment), a field to
// enter a new one, Remove, and the "no keychain" offer to keep it for this session only.

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;
class QFrame;

namespace rapport::ui {

class ApiKeyController;

class ApiKeyBox : public QGroupBox {
    Q_OBJECT
public:
    explicit ApiKeyBox(ApiKeyController &keys, QWidget *parent = nullptr);

private:
    void update();
    void save();
    void offerSessionOnly(const QString &message);

    ApiKeyController &m_keys;
    QLabel *m_state = nullptr;
    QLineEdit *m_key = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QFrame *m_noKeychain = nullptr;
    QLabel *m_noKeychainText = nullptr;
    QLabel *m_error = nullptr;
    QString m_pendingKey;  // offered for this session only; dropped when the offer goes away
};

} // namespace rapport::ui
