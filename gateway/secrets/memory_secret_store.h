#pragma once
// Secrets kept in this process's memory only: the user's "keep for this session only" choice when
// no keychain is usable, and the fast backend for tests. Gone when the process exits; nothing is
// ever written to disk.

#include <QHash>
#include <QMutex>
#include <QString>

#include "secrets/secret_store.h"

namespace rapport {

class MemorySecretStore final : public SecretStore {
public:
    MemorySecretStore() = default;

    // Thread-safe. The change happens inside the call (so later calls see it); the answer is still
    // delivered later on the context's thread, exactly like the keychain backend.
    void read(const QString &key, QObject *context, SecretValueDone done) override;
    void write(const QString &key, const QString &value, QObject *context, SecretDone done) override;
    void remove(const QString &key, QObject *context, SecretDone done) override;

private:
    QMutex m_mutex;
    QHash<QString, QString> m_values;
};

} // namespace rapport
