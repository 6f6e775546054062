// The Gmail token store over the in-memory SecretStore: one secret under "gmail/tokens", answers
// always later and only to a live context, unreadable values reported (never "not connected"),
// and the tokens written nowhere but the SecretStore.

#include <QDirIterator>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include "gmail/oauth_config.h"
#include "gmail/token_store.h"
#include "secrets/memory_secret_store.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::gmail;

namespace {

constexpr int kWaitMs = 5000;

// Records every key the store is asked to touch, and can fail on demand, in front of a real
// MemorySecretStore.
class RecordingSecretStore final : public SecretStore {
public:
    QStringList writtenKeys, readKeys, removedKeys;
    std::optional<Error> failWith;

    void read(const QString &key, QObject *context, SecretValueDone done) override
    {
        readKeys << key;
        if (failWith)
            return detail::deliverLater<Result<std::optional<QString>>>(context, std::move(done), *failWith);
        m_inner.read(key, context, std::move(done));
    }
    void write(const QString &key, const QString &value, QObject *context, SecretDone done) override
    {
        writtenKeys << key;
        if (failWith)
            return detail::deliverLater<Result<void>>(context, std::move(done), *failWith);
        m_inner.write(key, value, context, std::move(done));
    }
    void remove(const QString &key, QObject *context, SecretDone done) override
    {
        removedKeys << key;
        m_inner.remove(key, context, std::move(done));
    }
    MemorySecretStore &inner() { return m_inner; }

private:
    MemorySecretStore m_inner;
};

GoogleTokens tokens()
{
    GoogleTokens t;
    t.accessToken = u"ya29.store-test-access"_s;
    t.refreshToken = u"1//0store-test-refresh"_s;
    t.expiresAt = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    t.grantedScopes = {QString::fromLatin1(kScopeCompose), QString::fromLatin1(kScopeReadonly)};
    return t;
}

template <class R, class Start>
std::optional<R> await(Start start)
{
    QObject context;
    std::optional<R> out;
    bool inside = true;
    bool calledInside = false;
    start(&context, [&](R r) {
        calledInside = calledInside || inside;
        out = std::move(r);
    });
    inside = false;
    if (calledInside || !QTest::qWaitFor([&] { return out.has_value(); }, kWaitMs))
        return std::nullopt;  // inside the call, or never: both break the contract
    return out;
}

using Loaded = Result<std::optional<GoogleTokens>>;

std::optional<Loaded> load(TokenStore &store)
{
    return await<Loaded>([&](QObject *ctx, auto done) { store.load(ctx, done); });
}
std::optional<Result<void>> save(TokenStore &store, const GoogleTokens &t)
{
    return await<Result<void>>([&](QObject *ctx, auto done) { store.save(t, ctx, done); });
}
std::optional<Result<void>> clear(TokenStore &store)
{
    return await<Result<void>>([&](QObject *ctx, auto done) { store.clear(ctx, done); });
}

} // namespace

class TestGmailTokenStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void neverConnectedIsNotAnError()
    {
        RecordingSecretStore secrets;
        TokenStore store(secrets);
        const auto loaded = load(store);
        QVERIFY(loaded && loaded->ok());
        QVERIFY(!loaded->value().has_value());
        QCOMPARE(secrets.readKeys, QStringList{u"gmail/tokens"_s});
    }

    void saveLoadClear()
    {
        RecordingSecretStore secrets;
        TokenStore store(secrets);
        const auto saved = save(store, tokens());
        QVERIFY(saved && saved->ok());
        auto loaded = load(store);
        QVERIFY(loaded && loaded->ok() && loaded->value().has_value());
        QCOMPARE(*loaded->value(), tokens());

        GoogleTokens refreshed = tokens();
        refreshed.accessToken = u"ya29.second"_s;
        QVERIFY(save(store, refreshed)->ok());
        QCOMPARE(*load(store)->value(), refreshed);  // one secret: the refresh replaced every part

        QVERIFY(clear(store)->ok());
        loaded = load(store);
        QVERIFY(loaded && loaded->ok() && !loaded->value().has_value());
        QVERIFY(clear(store)->ok());  // clearing twice is fine
        QCOMPARE(secrets.writtenKeys, (QStringList{u"gmail/tokens"_s, u"gmail/tokens"_s}));
        QCOMPARE(secrets.removedKeys, (QStringList{u"gmail/tokens"_s, u"gmail/tokens"_s}));
    }

    void tokensWithoutAccessTokenAreRefused()
    {
        RecordingSecretStore secrets;
        TokenStore store(secrets);
        GoogleTokens t = tokens();
        t.accessToken.clear();
        const auto saved = save(store, t);
        QVERIFY(saved && !saved->ok());
        QCOMPARE(saved->error().code, ErrorCode::ValidationFailed);
        QCOMPARE(saved->error().field, std::string("access_token"));
        QVERIFY(secrets.writtenKeys.isEmpty());
    }

    void unreadableValueIsAnErrorThatQuotesNothing()
    {
        RecordingSecretStore secrets;
        const QString garbage = u"{\"refresh_token\":\"1//0leaked\"}"_s;  // no access token
        QVERIFY(await<Result<void>>([&](QObject *ctx, auto done) {
                    secrets.inner().write(u"gmail/tokens"_s, garbage, ctx, done);
                })->ok());
        TokenStore store(secrets);
        const auto loaded = load(store);
        QVERIFY(loaded && !loaded->ok());
        QCOMPARE(loaded->error().code, ErrorCode::Internal);
        QVERIFY(!QString::fromStdString(loaded->error().message).contains(u"leaked"_s));
        QVERIFY(QString::fromStdString(loaded->error().message).contains(u"Connect Gmail again"_s));
    }

    void backendErrorsPassThrough()
    {
        RecordingSecretStore secrets;
        secrets.failWith = Error::make(ErrorCode::StoreUnavailable, "No keychain is available.");
        TokenStore store(secrets);
        const auto loaded = load(store);
        QVERIFY(loaded && !loaded->ok());
        QCOMPARE(loaded->error().code, ErrorCode::StoreUnavailable);
        const auto saved = save(store, tokens());
        QVERIFY(saved && !saved->ok());
        QCOMPARE(saved->error().code, ErrorCode::StoreUnavailable);
    }

    void answersToADeadContextAreDropped()
    {
        RecordingSecretStore secrets;
        TokenStore store(secrets);
        bool called = false;
        {
            QObject context;
            store.save(tokens(), &context, [&](Result<void>) { called = true; });
            store.load(&context, [&](Loaded) { called = true; });
            GoogleTokens empty;
            store.save(empty, &context, [&](Result<void>) { called = true; });
        }
        QTest::qWait(50);
        QVERIFY(!called);
        QCOMPARE(*load(store)->value(), tokens());  // the write itself still happened
    }

    void tokensAreWrittenNowhereElse()
    {
        // Settings and data folders (test-mode locations) must not gain a file holding a token.
        const QList<QStandardPaths::StandardLocation> places = {
            QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation, QStandardPaths::GenericConfigLocation,
            QStandardPaths::GenericDataLocation, QStandardPaths::CacheLocation};
        const auto snapshot = [&] {
            QStringList files;
            for (auto place : places)
                for (QDirIterator it(QStandardPaths::writableLocation(place), QDir::Files, QDirIterator::Subdirectories);
                     it.hasNext();)
                    files << it.next();
            return files;
        };
        const QStringList before = snapshot();
        RecordingSecretStore secrets;
        TokenStore store(secrets);
        QVERIFY(save(store, tokens())->ok());
        QVERIFY(load(store)->ok());
        QSettings().sync();
        for (const QString &path : snapshot()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("store-test-access") && !bytes.contains("store-test-refresh"), qPrintable(path));
        }
        QCOMPARE(snapshot(), before);
        QCOMPARE(secrets.writtenKeys, QStringList{u"gmail/tokens"_s});
    }
};

QTEST_GUILESS_MAIN(TestGmailTokenStore)
#include "test_gmail_token_store.moc"
