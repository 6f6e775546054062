#pragma once
// A SecretStore usable from any thread in front of one that must stay on its own thread (the keychain
// backend lives on the GUI thread in the app, on main in rapportctl). Each call is forwarded, queued and
// in order, to `home`'s thread; the answer still goes to the caller's context on the caller's thread,
// as the SecretStore contract says. Gateway routes (Gmail tokens) run on the gateway's worker thread and
// reach the keychain through this.
//
// When `home` is gone (the app is closing) calls are dropped and `done` never runs.

#include <QPointer>

#include "secrets/secret_store.h"

namespace rapport {

class ThreadBoundSecretStore final : public SecretStore {
public:
    // `inner` must outlive this object; `home` lives on the thread `inner` must be used from.
    ThreadBoundSecretStore(SecretStore &inner, QObject *home) : m_inner(inner), m_home(home) {}

    void read(const QString &key, QObject *context, SecretValueDone done) override;
    void write(const QString &key, const QString &value, QObject *context, SecretDone done) override;
    void remove(const QString &key, QObject *context, SecretDone done) override;

private:
    template <class F> void post(QObject *context, F call);

    SecretStore &m_inner;
    QPointer<QObject> m_home;
};

} // namespace rapport
