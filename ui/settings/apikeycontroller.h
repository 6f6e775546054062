#pragma once
// The AI API key's life in the window: read from the keychain at start, saved to it from Settings,
// kept for this session only when no keychain is usable (the user's explicit choice), removed. The
// key itself goes to the gateway's ProviderSettings (memory) and the SecretStore, nowhere else.

#include <QObject>
#include <QString>

#include "ai/provider_settings.h"

namespace rapport {
class SecretStore;
}

namespace rapport::ui {

class ApiKeyController : public QObject {
    Q_OBJECT
public:
    ApiKeyController(SecretStore &secrets, ai::ProviderSettings &settings, QObject *parent = nullptr);

    // Reads the saved key (asynchronously); a keychain that is not there is not an error at start.
    void load();
    // Saves to the keychain, then uses it. When no keychain is usable: keychainUnavailable(message),
    // and the key is not used until the user chooses keepForSession().
    void save(const QString &key);
    void keepForSession(const QString &key);
    void remove();

    ai::KeySource source() const { return m_settings.apiKeySource(); }
    bool isBusy() const { return m_pending > 0; }

signals:
    void changed();                                   // source() or isBusy() changed
    void saved();                                     // the keychain has the key now
    void keychainUnavailable(const QString &message); // offer "keep for this session only"
    void failed(const QString &message);

private:
    void finish();

    SecretStore &m_secrets;
    ai::ProviderSettings &m_settings;
    int m_pending = 0;
};

} // namespace rapport::ui
