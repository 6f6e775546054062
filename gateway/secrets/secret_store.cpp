#include "secrets/secret_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rapport {

QString secretNamespaceForProfile(const QString &profileDir)
{
    // Hashed so the keychain entry names reveal nothing about the user's folders; the canonical
    // path (when the folder exists) makes "./p" and "/home/u/p" or a symlink the same profile.
    const QFileInfo info(profileDir);
    QString path = info.canonicalFilePath();
    if (path.isEmpty())
        path = QDir::cleanPath(info.absoluteFilePath());
    const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256);
    return u"profile-"_s + QString::fromLatin1(hash.toHex().left(16));
}

namespace detail {

std::optional<Error> checkSecretKey(const QString &key)
{
    if (key.isEmpty())
        return Error::make(ErrorCode::ValidationFailed, "secret key is empty", "key");
    if (key.contains(QChar(u'\0')))
        return Error::make(ErrorCode::ValidationFailed, "secret key contains a NUL character", "key");
    return std::nullopt;
}

std::optional<Error> checkSecretValue(const QString &value)
{
    if (value.contains(QChar(u'\0')))
        return Error::make(ErrorCode::ValidationFailed, "secret value contains a NUL character", "value");
    return std::nullopt;
}

} // namespace detail

namespace {

bool onGuiThread()
{
    // The gateway links no QtGui, so ask the meta-object instead of casting to QGuiApplication.
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread();
}

template <class R>
R runBlocking(const std::function<void(QObject *, std::function<void(R)>)> &start,
              std::chrono::milliseconds timeout)
{
    if (onGuiThread())
        return Error::make(ErrorCode::Internal, "blocking secret access on the GUI thread");

    // The local context dies when this function returns, so a late answer (after a timeout) is
    // dropped by the store instead of writing into this stack frame.
    QObject context;
    QEventLoop loop;
    std::optional<R> out;
    start(&context, [&](R r) {
        out = std::move(r);
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!out)
        return Error::make(ErrorCode::StoreUnavailable,
                           "The keychain did not answer in time (it may be waiting to be unlocked). "
                           "Unlock it and try again.");
    return std::move(*out);
}

} // namespace

Result<std::optional<QString>> readSecretBlocking(SecretStore &store, const QString &key,
                                                  std::chrono::milliseconds timeout)
{
    using R = Result<std::optional<QString>>;
    return runBlocking<R>([&](QObject *ctx, std::function<void(R)> done) { store.read(key, ctx, std::move(done)); },
                          timeout);
}

Result<void> writeSecretBlocking(SecretStore &store, const QString &key, const QString &value,
                                 std::chrono::milliseconds timeout)
{
    return runBlocking<Result<void>>(
        [&](QObject *ctx, SecretDone done) { store.write(key, value, ctx, std::move(done)); }, timeout);
}

Result<void> removeSecretBlocking(SecretStore &store, const QString &key, std::chrono::milliseconds timeout)
{
    return runBlocking<Result<void>>([&](QObject *ctx, SecretDone done) { store.remove(key, ctx, std::move(done)); },
                                     timeout);
}

} // namespace rapport
