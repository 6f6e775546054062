// The SecretStore contract, one suite for every backend: built once per backend, a compile
// definition picks which (test_secret_store_memory, test_secret_store_keychain). The keychain build
// talks to a real Secret Service: `setup.sh test` and CI run it inside a private D-Bus session with
// an unlocked throw-away GNOME Keyring.

#include <atomic>
#include <memory>
#include <optional>

#include <QDirIterator>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include "gateway.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/memory_secret_store.h"
#include "secret_test_support.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::test;

namespace {

#if defined(RAPPORT_SECRET_BACKEND_KEYCHAIN)
std::unique_ptr<SecretStore> makeStore(const QString &profileNamespace)
{
    return std::make_unique<KeychainSecretStore>(profileNamespace);
}
#elif defined(RAPPORT_SECRET_BACKEND_MEMORY)
// One MemorySecretStore per profile, as the app holds them for "this session only".
std::unique_ptr<SecretStore> makeStore(const QString &)
{
    return std::make_unique<MemorySecretStore>();
}
#else
#error "define RAPPORT_SECRET_BACKEND_KEYCHAIN or RAPPORT_SECRET_BACKEND_MEMORY"
#endif

// Each run uses fresh namespaces, so leftovers of an earlier run in a real keychain cannot interfere.
QString freshNamespace()
{
    return u"test-"_s + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT
private slots:
    // One probe first, so a missing keychain shows up as one failure with a hint, not twenty.
    void initTestCase()
    {
        auto probe = makeStore(freshNamespace());
        const auto w = writeNow(*probe, u"probe"_s, u"probe"_s);
        QVERIFY2(w.has_value() && w->ok(),
                 "the backend cannot store a secret here; the keychain build needs a Secret Service: run it "
                 "through `./setup.sh test` or inside the keyring session described in setup.sh (with_keyring)");
        VERIFY_OK(removeNow(*probe, u"probe"_s));
    }

    void init()
    {
        m_store = makeStore(freshNamespace());
    }

    void writeThenReadBack()
    {
        VERIFY_OK(writeNow(*m_store, u"ai/api-key"_s, u"sk-test-123"_s));
        COMPARE_READ(*m_store, u"ai/api-key"_s, u"sk-test-123"_s);
    }

    void overwriteReplacesTheValue()
    {
        VERIFY_OK(writeNow(*m_store, u"token"_s, u"first"_s));
        VERIFY_OK(writeNow(*m_store, u"token"_s, u"second"_s));
        COMPARE_READ(*m_store, u"token"_s, u"second"_s);
    }

    void removeForgetsTheValue()
    {
        VERIFY_OK(writeNow(*m_store, u"token"_s, u"value"_s));
        VERIFY_OK(removeNow(*m_store, u"token"_s));
        COMPARE_READ(*m_store, u"token"_s, std::nullopt);
    }

    void readMissingIsOkAndEmpty()
    {
        COMPARE_READ(*m_store, u"never-written"_s, std::nullopt);
    }

    void removeMissingIsOk()
    {
        VERIFY_OK(removeNow(*m_store, u"never-written"_s));
    }

    void emptyValueIsStoredNotMissing()
    {
        VERIFY_OK(writeNow(*m_store, u"empty"_s, QString()));
        COMPARE_READ(*m_store, u"empty"_s, QString());
    }

    void unicodeKeysAndValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        // 4 KiB and more of UTF-8: 1,024 times a 4-byte emoji plus multi-byte text.
        const QString large = QString(u"😀"_s).repeated(1024) + u"Größe 大きい"_s;
        QTest::newRow("emoji")       << u"schlüssel 🔑"_s << u"pässwörd 🙈 with spaces"_s;
        QTest::newRow("cjk-rtl")     << u"鍵/مفتاح"_s      << u"秘密 سرّ"_s;
        QTest::newRow("4KiB-value")  << u"large"_s          << large;
        QTest::newRow("lines+quote") << u"multi\nline"_s    << u"line 1\nline \"2\"\t'3'"_s;
    }
    void unicodeKeysAndValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        if (qstrcmp(QTest::currentDataTag(), "4KiB-value") == 0)
            QVERIFY(value.toUtf8().size() >= 4096);
        VERIFY_OK(writeNow(*m_store, key, value));
        COMPARE_READ(*m_store, key, value);
    }

    void twoProfilesDoNotSeeEachOther()
    {
        auto other = makeStore(freshNamespace());
        VERIFY_OK(writeNow(*m_store, u"shared-name"_s, u"mine"_s));
        COMPARE_READ(*other, u"shared-name"_s, std::nullopt);
        VERIFY_OK(writeNow(*other, u"shared-name"_s, u"theirs"_s));
        VERIFY_OK(removeNow(*other, u"shared-name"_s));
        COMPARE_READ(*m_store, u"shared-name"_s, u"mine"_s);
    }

    void invalidInputIsRejected_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty key")   << QString()          << u"v"_s                    << u"key"_s;
        QTest::newRow("NUL in key")  << u"a\0b"_s          << u"v"_s                    << u"key"_s;
        QTest::newRow("NUL in value") << u"k"_s            << u"before\0after"_s        << u"value"_s;
    }
    void invalidInputIsRejected()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, field);
        const auto w = writeNow(*m_store, key, value);
        QVERIFY(w.has_value());
        QVERIFY(!w->ok());
        QCOMPARE(w->error().code, ErrorCode::ValidationFailed);
        QCOMPARE(QString::fromStdString(w->error().field), field);
        if (field == u"value")
            COMPARE_READ(*m_store, key, std::nullopt);  // nothing half-written
    }

    void answerNeverArrivesInsideTheCall()
    {
        QObject context;
        bool answered = false;
        m_store->write(u"k"_s, u"v"_s, &context, [&](Result<void>) { answered = true; });
        QVERIFY(!answered);
        QTRY_VERIFY_WITH_TIMEOUT(answered, kWaitMs);
    }

    void operationsCompleteInCallOrder()
    {
        QObject context;
        QStringList order;
        std::optional<ReadResult> seen;
        m_store->write(u"k"_s, u"v1"_s, &context, [&](Result<void>) { order << u"write"_s; });
        m_store->read(u"k"_s, &context, [&](ReadResult r) {
            order << u"read"_s;
            seen = std::move(r);
        });
        QTRY_VERIFY_WITH_TIMEOUT(seen.has_value(), kWaitMs);
        QCOMPARE(order, QStringList({u"write"_s, u"read"_s}));
        QVERIFY(seen->ok());
        QCOMPARE(shown(seen->value()), shown(u"v1"_s));
    }

    void deadContextIsNotCalledButTheWriteHappens()
    {
        auto *doomed = new QObject;
        bool called = false;
        m_store->write(u"k"_s, u"kept"_s, doomed, [&](Result<void>) { called = true; });
        delete doomed;
        // Answers come in call order, so once this read is answered the write's answer was due too.
        COMPARE_READ(*m_store, u"k"_s, u"kept"_s);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void answerRunsOnTheContextsThread()
    {
        QThread worker;
        worker.start();
        auto context = std::make_unique<QObject>();
        context->moveToThread(&worker);
        auto stop = qScopeGuard([&] {  // before `context` dies, so nothing runs on it meanwhile
            worker.quit();
            worker.wait();
        });
        std::atomic<QThread *> ranOn{nullptr};
        m_store->write(u"k"_s, u"v"_s, context.get(), [&](Result<void>) { ranOn = QThread::currentThread(); });
        QTRY_VERIFY_WITH_TIMEOUT(ranOn.load() != nullptr, kWaitMs);
        QCOMPARE(ranOn.load(), &worker);
    }

    void blockingHelpersForTools()
    {
        QVERIFY(writeSecretBlocking(*m_store, u"cli"_s, u"from a tool"_s).ok());
        const auto r = readSecretBlocking(*m_store, u"cli"_s);
        QVERIFY2(r.ok(), r.ok() ? "" : describe(r.error()));
        QCOMPARE(shown(r.value()), shown(u"from a tool"_s));
        QVERIFY(removeSecretBlocking(*m_store, u"cli"_s).ok());
        const auto gone = readSecretBlocking(*m_store, u"cli"_s);
        QVERIFY(gone.ok());
        QCOMPARE(shown(gone.value()), shown(std::nullopt));
    }

    void secretNeverLandsInProfileFiles()
    {
        const QString secret = u"sk-canary-"_s + QUuid::createUuid().toString(QUuid::Id128) + u"-ключ"_s;
        QTemporaryDir dir;
        const QString profileDir = dir.path();
        {
            auto gateway = Gateway::open(profileDir);
            QVERIFY2(gateway.ok(), gateway.ok() ? "" : describe(gateway.error()));
            QSettings settings(profileDir + u"/settings.ini"_s, QSettings::IniFormat);
            settings.setValue(u"ui/firstRun"_s, false);
            settings.sync();

            auto store = makeStore(secretNamespaceForProfile(profileDir));
            VERIFY_OK(writeNow(*store, u"ai/api-key"_s, secret));
            COMPARE_READ(*store, u"ai/api-key"_s, secret);
            const Response created = (*gateway)->call(Method::Post, "/contacts", "{\"name\":\"Ada Lovelace\"}");
            QCOMPARE(created.status, 201);
        }  // gateway closed: WAL checkpointed, every file final

        // Where QtKeychain's plaintext fallback would write, were it ever switched on.
        QStringList files{QSettings(u"rapport"_s).fileName()};
        QDirIterator it(profileDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.contains(profileDir + u"/settings.ini"_s));
        QVERIFY(files.contains(profileDir + u"/rapport.db"_s));

        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;  // the fallback file normally does not exist
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(utf8) && !bytes.contains(utf16) && !bytes.contains(utf8.toBase64()),
                     qPrintable(u"secret found in "_s + path));
        }
    }

    void cleanup()
    {
        m_store.reset();
    }

private:
    std::unique_ptr<SecretStore> m_store;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "test_secret_store.moc"
