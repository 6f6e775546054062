// Settings as a user meets it: the AI provider form saved through the gateway, and the API key saved to
// the real keychain (the private gnome-keyring `setup.sh test` runs), removed again, read back at start,
// and, where no keychain exists, kept for this session only at the user's choice and written nowhere.

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

#include "ai/provider_settings.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/memory_secret_store.h"
#include "settings/apikeycontroller.h"
#include "settings/settingspage.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;
using rapport::ui::ApiKeyController;
using rapport::ui::SettingsPage;

namespace {

template <class T>
T *child(QWidget &page, const QString &name)
{
    T *w = page.findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

// The keychain's answer for a key, waited for without blocking the event loop.
std::optional<QString> keychainValue(SecretStore &store, const QString &key, bool *answered)
{
    std::optional<QString> out;
    QObject context;
    *answered = false;
    store.read(key, &context, [&](Result<std::optional<QString>> r) {
        *answered = r.ok();
        if (r)
            out = *r;
    });
    if (!QTest::qWaitFor([&] { return *answered; }, 20'000))
        qWarning("the keychain did not answer");
    return out;
}

const QString kSecret = u"sk-test-Ünïcødé-🔑-42"_s;

} // namespace

class TestSettingsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        for (const char *name : {"RAPPORT_AI_BASE_URL", "RAPPORT_AI_MODEL", "RAPPORT_AI_API_KEY"})
            qunsetenv(name);
    }

    void providerFormSavesThroughTheGateway()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        MemorySecretStore secrets;
        ApiKeyController keys(secrets, profile.gateway().aiSettings());
        SettingsPage page(profile.client(), keys, secrets);
        page.show();
        auto *baseUrl = child<QLineEdit>(page, u"baseUrl"_s);
        auto *model = child<QLineEdit>(page, u"model"_s);
        auto *maxTokens = child<QSpinBox>(page, u"max_tokens"_s);
        auto *save = child<QPushButton>(page, u"saveProvider"_s);
        QVERIFY(baseUrl && model && maxTokens && save);
        QTRY_COMPARE(baseUrl->text(), u"https://api.fireworks.ai/inference/v1"_s);
        QVERIFY(!save->isEnabled());  // nothing changed yet

        model->selectAll();
        QTest::keyClicks(model, u"my-local-model"_s);
        maxTokens->setValue(512);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        auto *status = child<QLabel>(page, u"providerStatus"_s);
        QTRY_COMPARE(status->text(), u"Saved."_s);
        QVERIFY(!save->isEnabled());
        const auto s = profile.get("/ai/settings");
        QCOMPARE(s["model"].get<std::string>(), std::string("my-local-model"));
        QCOMPARE(s["max_tokens"].get<int>(), 512);

        // A wrong address: the message sits under the field, the text stays, nothing is saved.
        baseUrl->selectAll();
        QTest::keyClicks(baseUrl, u"ftp://files.example.com"_s);
        QTest::mouseClick(save, Qt::LeftButton);
        auto *error = child<QLabel>(page, u"error:base_url"_s);
        QVERIFY(error);
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(u"http"_s));
        QCOMPARE(baseUrl->text(), u"ftp://files.example.com"_s);
        QCOMPARE(profile.get("/ai/settings")["base_url"].get<std::string>(),
                 std::string("https://api.fireworks.ai/inference/v1"));
    }

    void keyGoesToTheKeychainAndComesBackAtStart()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        KeychainSecretStore secrets(secretNamespaceForProfile(profile.path()));
        {
            ApiKeyController keys(secrets, profile.gateway().aiSettings());
            SettingsPage page(profile.client(), keys, secrets);
            page.show();
            auto *key = child<QLineEdit>(page, u"apiKey"_s);
            auto *save = child<QPushButton>(page, u"saveKey"_s);
            auto *remove = child<QPushButton>(page, u"removeKey"_s);
            QVERIFY(key && save && remove);
            QCOMPARE(key->echoMode(), QLineEdit::Password);
            QVERIFY(!save->isEnabled() && !remove->isEnabled());
            key->setText(kSecret);  // pasted
            QTest::mouseClick(save, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(keys.source(), ai::KeySource::Keychain, 20'000);
            QTRY_VERIFY(key->text().isEmpty());  // not left in the widget
            QCOMPARE(profile.gateway().aiSettings().current().apiKey, kSecret);
            QVERIFY(child<QLabel>(page, u"keyState"_s)->text().contains(u"keychain"_s));
            QVERIFY(!QString::fromStdString(profile.get("/ai/settings").dump()).contains(kSecret));
        }
        bool answered = false;
        QCOMPARE(keychainValue(secrets, QString::fromLatin1(ai::kApiKeySecret), &answered), std::optional(kSecret));
        QVERIFY(answered);

        // The next start of the window reads it back.
        profile.gateway().aiSettings().setApiKey(QString(), ai::KeySource::None);
        ApiKeyController keys(secrets, profile.gateway().aiSettings());
        SettingsPage page(profile.client(), keys, secrets);
        keys.load();
        QTRY_COMPARE_WITH_TIMEOUT(keys.source(), ai::KeySource::Keychain, 20'000);
        QCOMPARE(profile.gateway().aiSettings().current().apiKey, kSecret);

        // Remove: unused at once, and gone from the keychain.
        auto *remove = child<QPushButton>(page, u"removeKey"_s);
        QTRY_VERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(keys.source(), ai::KeySource::None);
        QTRY_VERIFY_WITH_TIMEOUT(!keys.isBusy(), 20'000);
        QCOMPARE(keychainValue(secrets, QString::fromLatin1(ai::kApiKeySecret), &answered), std::nullopt);
        QVERIFY(answered);
    }

    void withoutAKeychainTheKeyIsKeptForThisSessionOnly()
    {
        // D-Bus remembers its first connection for the life of a process: run this in a child whose
        // environment has no session bus, and whose HOME shows anything written to disk.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home.filePath(u"no-bus-here"_s));
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {u"--no-keychain-child"_s, home.path()});
        QVERIFY(child.waitForFinished(120'000));
        const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, out.constData());
        QVERIFY2(!out.contains(kSecret.toUtf8()), "the key appeared in the output");
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(kSecret.toUtf8()), qPrintable(u"the key was written to "_s + f.fileName()));
        }
    }
};

// Runs in the child process: no keychain is reachable here.
class NoKeychainChild : public QObject {
    Q_OBJECT
public:
    explicit NoKeychainChild(QString dir) : m_dir(std::move(dir)) {}
private slots:
    void saveOffersSessionOnly()
    {
        auto opened = Gateway::open(m_dir + u"/profile"_s);
        QVERIFY(opened);
        Gateway &gateway = **opened;
        GatewayClient client(gateway);
        KeychainSecretStore secrets(secretNamespaceForProfile(gateway.profileDir()));
        ApiKeyController keys(secrets, gateway.aiSettings());
        SettingsPage page(client, keys, secrets);
        page.show();
        auto *key = child<QLineEdit>(page, u"apiKey"_s);
        auto *offer = page.findChild<QWidget *>(u"noKeychain"_s);
        QVERIFY(key && offer);
        key->setText(kSecret);
        QTest::mouseClick(child<QPushButton>(page, u"saveKey"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(offer->isVisible(), 30'000);
        QCOMPARE(keys.source(), ai::KeySource::None);  // not used until the user agrees
        QVERIFY(offer->findChild<QLabel *>()->text().contains(u"this session only"_s));
        QTest::mouseClick(child<QPushButton>(page, u"keepForSession"_s), Qt::LeftButton);
        QCOMPARE(keys.source(), ai::KeySource::Session);
        QCOMPARE(gateway.aiSettings().current().apiKey, kSecret);
        QVERIFY(key->text().isEmpty());
        QVERIFY(!offer->isVisible());
        QVERIFY(child<QLabel>(page, u"keyState"_s)->text().contains(u"this session only"_s));
    }

private:
    QString m_dir;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc > 2 && qstrcmp(argv[1], "--no-keychain-child") == 0) {
        NoKeychainChild test(QString::fromLocal8Bit(argv[2]));
        return QTest::qExec(&test, 1, argv);
    }
    TestSettingsPage test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_settings_page.moc"
