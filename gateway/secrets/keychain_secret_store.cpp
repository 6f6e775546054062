#include "secrets/keychain_secret_store.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

namespace rapport {

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "rapport.secrets")

using detail::deliverLater;

QString service()
{
    return QString::fromLatin1(KeychainSecretStore::serviceName.data(),
                               qsizetype(KeychainSecretStore::serviceName.size()));
}

// Every failure means "the keychain cannot be used right now", whatever the platform's words for
// it (on Linux they are all OtherError: "Unknown error" when libsecret is missing, "Cannot
// autolaunch D-Bus ..." without a session bus, "The name org.freedesktop.secrets was not provided
// ..." without a Secret Service). The user gets one message with a way forward; the platform's own
// words go to the log for support (they never contain the secret).
Error keychainError(const char *operation, const QString &key, const QKeychain::Job *job)
{
    qCWarning(lcSecrets).noquote() << operation << key << "failed:" << int(job->error()) << job->errorString();
    switch (job->error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(ErrorCode::StoreUnavailable, std::string(kKeychainDeniedMessage));
    default:
        return Error::make(ErrorCode::StoreUnavailable, std::string(kNoKeychainMessage));
    }
}

// Jobs get no parent and delete themselves once finished: libsecret keeps a raw pointer to a running
// job, so destroying one early (with a store or a context) would crash when the answer arrives.
template <class Job>
Job *newJob(const QString &entryKey)
{
    auto *job = new Job(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never a plaintext QSettings file
    job->setKey(entryKey);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString profileNamespace) : m_namespace(std::move(profileNamespace))
{
    Q_ASSERT(!m_namespace.isEmpty() && !m_namespace.contains(u'/'));
}

QString KeychainSecretStore::entryKey(const QString &key) const
{
    return m_namespace + u'/' + key;
}

void KeychainSecretStore::read(const QString &key, QObject *context, SecretValueDone done)
{
    using R = Result<std::optional<QString>>;
    if (auto bad = detail::checkSecretKey(key))
        return deliverLater<R>(context, std::move(done), std::move(*bad));

    auto *job = newJob<QKeychain::ReadPasswordJob>(entryKey(key));
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [key, ctx = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *j) mutable {
                         auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
                         if (j->error() == QKeychain::NoError)
                             deliverLater<R>(ctx, std::move(done), std::optional<QString>(readJob->textData()));
                         else if (j->error() == QKeychain::EntryNotFound)
                             deliverLater<R>(ctx, std::move(done), std::optional<QString>());
                         else
                             deliverLater<R>(ctx, std::move(done), keychainError("read", key, j));
                     });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, SecretDone done)
{
    auto bad = detail::checkSecretKey(key);
    if (!bad)
        bad = detail::checkSecretValue(value);
    if (bad)
        return deliverLater<Result<void>>(context, std::move(done), std::move(*bad));

    auto *job = newJob<QKeychain::WritePasswordJob>(entryKey(key));
    job->setTextData(value);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [key, ctx = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *j) mutable {
                         if (j->error() == QKeychain::NoError)
                             deliverLater<Result<void>>(ctx, std::move(done), {});
                         else
                             deliverLater<Result<void>>(ctx, std::move(done), keychainError("write", key, j));
                     });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, SecretDone done)
{
    if (auto bad = detail::checkSecretKey(key))
        return deliverLater<Result<void>>(context, std::move(done), std::move(*bad));

    auto *job = newJob<QKeychain::DeletePasswordJob>(entryKey(key));
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [key, ctx = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *j) mutable {
                         // Removing what is not there is success: the caller wanted it gone.
                         if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
                             deliverLater<Result<void>>(ctx, std::move(done), {});
                         else
                             deliverLater<Result<void>>(ctx, std::move(done), keychainError("remove", key, j));
                     });
    job->start();
}

} // namespace rapport
