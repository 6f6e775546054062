#include "settings/apikeycontroller.h"

#include "secrets/secret_store.h"

namespace rapport::ui {

namespace {
const QString kKey = QString::fromLatin1(ai::kApiKeySecret);
}

ApiKeyController::ApiKeyController(SecretStore &secrets, ai::ProviderSettings &settings, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_settings(settings)
{
}

void ApiKeyController::load()
{
    ++m_pending;
    m_secrets.read(kKey, this, [this](Result<std::optional<QString>> r) {
        // A key chosen in this session while the read was pending wins over the stored one.
        if (r && *r && m_settings.apiKeySource() == ai::KeySource::None)
            m_settings.setApiKey(**r, ai::KeySource::Keychain);
        finish();
    });
    emit changed();
}

void ApiKeyController::save(const QString &key)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        emit failed(tr("Enter the API key first."));
        return;
    }
    ++m_pending;
    m_secrets.write(kKey, trimmed, this, [this, trimmed](Result<void> r) {
        if (r) {
            m_settings.setApiKey(trimmed, ai::KeySource::Keychain);
            emit saved();
        } else if (r.error().code == ErrorCode::StoreUnavailable)
            emit keychainUnavailable(QString::fromStdString(r.error().message));
        else
            emit failed(tr("The key was not saved: %1").arg(QString::fromStdString(r.error().message)));
        finish();
    });
    emit changed();
}

void ApiKeyController::keepForSession(const QString &key)
{
    m_settings.setApiKey(key, ai::KeySource::Session);
    emit changed();
}

void ApiKeyController::remove()
{
    const bool inKeychain = m_settings.apiKeySource() == ai::KeySource::Keychain;
    m_settings.setApiKey(QString(), ai::KeySource::None);  // stop using it at once
    ++m_pending;
    // Also when the key in use came from elsewhere: a stored one must not come back next start.
    m_secrets.remove(kKey, this, [this, inKeychain](Result<void> r) {
        if (!r && (inKeychain || r.error().code != ErrorCode::StoreUnavailable))
            emit failed(tr("The key could not be removed from the keychain: %1")
                            .arg(QString::fromStdString(r.error().message)));
        finish();
    });
    emit changed();
}

void ApiKeyController::finish()
{
    --m_pending;
    emit changed();
}

} // namespace rapport::ui
