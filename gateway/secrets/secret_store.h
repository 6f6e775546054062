#pragma once
// Secrets (AI API keys, OAuth and session tokens) live only behind this interface: the OS keychain
// (KeychainSecretStore) or, when the user chooses "keep for this session only", memory
// (MemorySecretStore). Never in SQLite, QSettings, logs, command lines or crash output.
//
// The contract every backend keeps (tests/unit/secrets/test_secret_store.cpp checks it on each):
// - Every operation is asynchronous. `done` never runs inside the call; it runs later on the
//   thread of `context`, and is dropped (never called) if `context` has been destroyed by then.
//   The operation itself still happens when the context dies; only the answer is dropped.
//   (A context living in another thread must be deleted by that thread, as Qt requires anyway.)
// - Operations on one store complete in the order they were started, so a read started after a
//   write sees that write.
// - read of a key that was never written (or was removed): ok with std::nullopt, not an error.
// - remove of a missing key: ok.
// - Keys must be non-empty; keys and values must not contain U+0000 (the Linux keychain stores
//   text as C strings and would silently cut it there): ValidationFailed with field "key"/"value".
// - "No keychain usable" (none installed, not running, locked, access declined) is
//   ErrorCode::StoreUnavailable with a message that offers keeping the secret for this session.
// - Secret values are never logged.

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include "core/error.h"

namespace rapport {

using SecretValueDone = std::function<void(Result<std::optional<QString>>)>;
using SecretDone = std::function<void(Result<void>)>;

class SecretStore {
public:
    SecretStore() = default;
    SecretStore(const SecretStore &) = delete;
    SecretStore &operator=(const SecretStore &) = delete;
    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, SecretValueDone done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, SecretDone done) = 0;
    virtual void remove(const QString &key, QObject *context, SecretDone done) = 0;
};

// The namespace that keeps one profile's secrets apart from another's: derived from the profile
// folder's absolute path, so the same folder always maps to the same namespace.
QString secretNamespaceForProfile(const QString &profileDir);

// Blocking forms for command-line tools (rapportctl): they run a local event loop until the answer
// arrives or `timeout` passes (StoreUnavailable). Never call them on a GUI thread (that is refused
// with Internal): a keychain waiting for the user to unlock it would freeze the window.
inline constexpr std::chrono::milliseconds kSecretBlockingTimeout{60'000};
Result<std::optional<QString>> readSecretBlocking(SecretStore &store, const QString &key,
                                                  std::chrono::milliseconds timeout = kSecretBlockingTimeout);
Result<void> writeSecretBlocking(SecretStore &store, const QString &key, const QString &value,
                                 std::chrono::milliseconds timeout = kSecretBlockingTimeout);
Result<void> removeSecretBlocking(SecretStore &store, const QString &key,
                                  std::chrono::milliseconds timeout = kSecretBlockingTimeout);

namespace detail {

// Argument checks shared by every backend, so all of them reject the same inputs the same way.
std::optional<Error> checkSecretKey(const QString &key);
std::optional<Error> checkSecretValue(const QString &value);

// Posts `done(result)` to the context's thread. A queued call is discarded by Qt when its receiver
// is destroyed first, which is what drops answers to dead contexts.
template <class R>
void deliverLater(const QPointer<QObject> &context, std::function<void(R)> done, R result)
{
    QObject *target = context.data();
    if (!target || !done)
        return;
    QMetaObject::invokeMethod(
        target, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace detail
} // namespace rapport
