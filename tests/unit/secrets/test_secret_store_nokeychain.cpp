// The keychain backend where no keychain is usable: every operation fails with StoreUnavailable and
// the one clear message, and nothing is written anywhere instead (no plaintext fallback file).
// D-Bus and libsecret remember their first connection for the life of a process, so each situation
// runs in a fresh child process (this same executable with --child) and an environment of its own.

#include <cstdio>

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "secrets/keychain_secret_store.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {

constexpr std::chrono::milliseconds kChildBound{20'000};
constexpr int kParentWaitMs = 60'000;

// The child: write, read and remove one secret, one line per answer: "<op> <code>|<message>".
int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KeychainSecretStore store(u"nokeychain-test"_s);
    auto line = [](const char *op, const auto &result) {
        const std::string text = result.ok() ? std::string("ok|")
                                             : std::string(codeName(result.error().code)) + "|" + result.error().message;
        std::printf("%s %s\n", op, text.c_str());
    };
    line("write", writeSecretBlocking(store, u"ai/api-key"_s, u"sk-must-not-leak"_s, kChildBound));
    line("read", readSecretBlocking(store, u"ai/api-key"_s, kChildBound));
    line("remove", removeSecretBlocking(store, u"ai/api-key"_s, kChildBound));
    return 0;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

// A session bus that works but offers no Secret Service and cannot start one (no service files).
// (Plain literals: moc cannot see past a raw string literal here and would miss the test class.)
const char *kBareBusConfig =
    "<busconfig>\n"
    "  <type>session</type>\n"
    "  <listen>unix:dir=%1</listen>\n"
    "  <auth>EXTERNAL</auth>\n"
    "  <policy context=\"default\">\n"
    "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
    "    <allow eavesdrop=\"true\"/>\n"
    "    <allow own=\"*\"/>\n"
    "  </policy>\n"
    "</busconfig>\n";

} // namespace

class TestSecretStoreNoKeychain : public QObject {
    Q_OBJECT
private slots:
    void everyOperationFailsClearlyAndWritesNothing_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::newRow("no session bus")              << u"no-bus"_s;
        QTest::newRow("bus address points nowhere")  << u"dead-address"_s;
        QTest::newRow("bus without Secret Service")  << u"bare-bus"_s;
    }
    void everyOperationFailsClearlyAndWritesNothing()
    {
        QFETCH(QString, situation);
        QTemporaryDir home, busDir;
        QVERIFY(home.isValid() && busDir.isValid());

        // Every place a plaintext fallback could land is inside `home`, and starts empty.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP",
                                 "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"HOME"_s, home.path());
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                                 "XDG_RUNTIME_DIR"}) {
            const QString dir = home.filePath(QString::fromLatin1(name).toLower());
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
            env.insert(QString::fromLatin1(name), dir);
        }

        QProcess bus;
        auto stopBus = qScopeGuard([&] {
            bus.kill();
            bus.waitForFinished(kParentWaitMs);
        });
        if (situation == u"dead-address") {
            env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + busDir.filePath(u"nobody-listens"_s));
        } else if (situation == u"bare-bus") {
            const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
            QVERIFY2(!daemon.isEmpty(), "dbus-daemon is not installed (Debian package dbus-daemon)");
            QFile config(busDir.filePath(u"bus.conf"_s));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(QString::fromUtf8(kBareBusConfig).arg(busDir.path()).toUtf8());
            config.close();
            bus.start(daemon, {u"--config-file="_s + config.fileName(), u"--nofork"_s, u"--print-address=1"_s});
            QVERIFY2(bus.waitForStarted(kParentWaitMs), qPrintable(bus.errorString()));
            QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), kParentWaitMs);
            env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, QString::fromUtf8(bus.readLine().trimmed()));
        }

        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"--child"_s});
        QVERIFY(child.waitForFinished(kParentWaitMs));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(err));

        const QString failed = u"store_unavailable|"_s + QString::fromUtf8(kNoKeychainMessage.data(),
                                                                              qsizetype(kNoKeychainMessage.size()));
        const QStringList expected{u"write "_s + failed, u"read "_s + failed, u"remove "_s + failed};
        QCOMPARE(out.split(u'\n', Qt::SkipEmptyParts), expected);
        QVERIFY2(!err.contains(u"sk-must-not-leak"_s), "the secret appeared in the log");

        // Nothing written in its place: not in HOME, not in any XDG folder.
        QCOMPARE(filesUnder(home.path()), QStringList());
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecretStoreNoKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_secret_store_nokeychain.moc"
