#include "secrets/thread_bound_secret_store.h"

#include <QMetaObject>

namespace rapport {

template <class F>
void ThreadBoundSecretStore::post(QObject *context, F call)
{
    QObject *home = m_home.data();
    if (!home)
        return;
    // Always queued, even from the home thread: calls keep the order in which they were posted.
    QMetaObject::invokeMethod(
        home,
        [call = std::move(call), ctx = QPointer<QObject>(context)]() mutable {
            if (ctx)
                call(ctx.data());
        },
        Qt::QueuedConnection);
}

void ThreadBoundSecretStore::read(const QString &key, QObject *context, SecretValueDone done)
{
    post(context, [this, key, done = std::move(done)](QObject *ctx) mutable { m_inner.read(key, ctx, std::move(done)); });
}

void ThreadBoundSecretStore::write(const QString &key, const QString &value, QObject *context, SecretDone done)
{
    post(context, [this, key, value, done = std::move(done)](QObject *ctx) mutable {
        m_inner.write(key, value, ctx, std::move(done));
    });
}

void ThreadBoundSecretStore::remove(const QString &key, QObject *context, SecretDone done)
{
    post(context, [this, key, done = std::move(done)](QObject *ctx) mutable { m_inner.remove(key, ctx, std::move(done)); });
}

} // namespace rapport
