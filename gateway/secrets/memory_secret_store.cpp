#include "secrets/memory_secret_store.h"

#include <QMutexLocker>

namespace rapport {

using detail::deliverLater;

void MemorySecretStore::read(const QString &key, QObject *context, SecretValueDone done)
{
    using R = Result<std::optional<QString>>;
    if (auto bad = detail::checkSecretKey(key))
        return deliverLater<R>(context, std::move(done), std::move(*bad));

    std::optional<QString> value;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_values.constFind(key);
        if (it != m_values.constEnd())
            value = *it;
    }
    deliverLater<R>(context, std::move(done), std::move(value));
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, SecretDone done)
{
    auto bad = detail::checkSecretKey(key);
    if (!bad)
        bad = detail::checkSecretValue(value);
    if (bad)
        return deliverLater<Result<void>>(context, std::move(done), std::move(*bad));

    {
        QMutexLocker lock(&m_mutex);
        m_values.insert(key, value);
    }
    deliverLater<Result<void>>(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, SecretDone done)
{
    if (auto bad = detail::checkSecretKey(key))
        return deliverLater<Result<void>>(context, std::move(done), std::move(*bad));

    {
        QMutexLocker lock(&m_mutex);
        m_values.remove(key);
    }
    deliverLater<Result<void>>(context, std::move(done), {});
}

} // namespace rapport
