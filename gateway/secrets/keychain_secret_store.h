#pragma once
// Secrets in the operating system's keychain through QtKeychain: the Secret Service (GNOME Keyring,
// KWallet) on Linux, Keychain on macOS, Credential Manager on Windows.
//
// Entries use the service name "rapport" and the key "<profile namespace>/<key>", so two profiles
// never see each other's secrets. QtKeychain's plaintext fallback is always off: when no keychain
// is usable every operation fails with StoreUnavailable and kNoKeychainMessage (or
// kKeychainDeniedMessage when it is locked or access was declined), and the UI can offer a
// MemorySecretStore for this session instead. Nothing is ever written to a file by Rapport.
//
// Use from one thread with a running event loop (the GUI thread in the app, main in tools).
// QtKeychain runs its jobs one after another, so one waiting for the user to unlock the keychain
// holds back the ones started after it.

#include <string_view>

#include "secrets/secret_store.h"

namespace rapport {

inline constexpr std::string_view kNoKeychainMessage =
    "No keychain is available to keep this secret safely (on Linux: no Secret Service such as GNOME Keyring "
    "or KWallet is running or set up). Rapport can keep it for this session only; you will be asked for it "
    "again next time.";
inline constexpr std::string_view kKeychainDeniedMessage =
    "The keychain refused access (it is locked, or the request was declined). Unlock it and try again, "
    "or let Rapport keep this secret for this session only.";

class KeychainSecretStore final : public SecretStore {
public:
    static constexpr std::string_view serviceName = "rapport";

    // profileNamespace: usually secretNamespaceForProfile(profileDir); must be non-empty and
    // contain no '/', so "<namespace>/<key>" names can never collide across profiles.
    explicit KeychainSecretStore(QString profileNamespace);

    void read(const QString &key, QObject *context, SecretValueDone done) override;
    void write(const QString &key, const QString &value, QObject *context, SecretDone done) override;
    void remove(const QString &key, QObject *context, SecretDone done) override;

    QString profileNamespace() const { return m_namespace; }

private:
    QString entryKey(const QString &key) const;
    QString m_namespace;
};

} // namespace rapport
