// rapport: the desktop app's composition root. Parses the command line, opens the profile's gateway,
// shows the main window. Special modes: --screenshot FILE and the hidden --startup-benchmark.

#include <cstdio>
#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QThreadPool>
#include <QTranslator>

#include "gateway.h"
#include "mainwindow.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/thread_bound_secret_store.h"
#include "shared/gatewayclient.h"
#include "startup.h"
#include "store/store.h"
#include "sync/sync_engine.h"
#include "sync/sync_scheduler.h"

using namespace Qt::StringLiterals;

namespace {

bool argvHas(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i)
        for (const char *name : names)
            if (qstrcmp(argv[i], name) == 0)
                return true;
    return false;
}

void installTranslators(QApplication &app)
{
    // Follow the system language: Rapport's own texts, plus Qt's (standard dialog buttons).
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), u"rapport"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(own);
}

QString openFailureText(const rapport::Error &error, const QString &dbPath)
{
    QString why = QString::fromStdString(error.message);
    if (error.code == rapport::ErrorCode::StoreCorrupt)
        why = QApplication::translate("main", "The file is damaged or is not a Rapport database. It was left "
                                              "unchanged: restore it from a backup, or start with another "
                                              "profile (--profile DIR).\n\nDetails: %1").arg(why);
    else if (error.code == rapport::ErrorCode::StoreTooNew)
        why = QApplication::translate("main", "The file was written by a newer version of Rapport. Please "
                                              "update Rapport.\n\nDetails: %1").arg(why);
    return QApplication::translate("main", "Rapport could not open the profile database\n%1\n\n%2").arg(dbPath, why);
}

} // namespace

int main(int argc, char **argv)
{
    rapport::app::markMainEntered();
    const bool screenshotMode = argvHas(argc, argv, {"--screenshot"});
    const bool benchmarkMode = argvHas(argc, argv, {"--startup-benchmark"});
    const bool printOnly = argvHas(argc, argv, {"--help", "-h", "--help-all", "--version", "-v"});
    if (!rapport::app::hasDisplay()) {
        if (!screenshotMode && !benchmarkMode && !printOnly) {
            std::fprintf(stderr, "rapport: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                                 "Run it under a virtual X server:  xvfb-run -a rapport\n"
                                 "or without any display:          QT_QPA_PLATFORM=offscreen rapport\n"
                                 "(--screenshot FILE also works headless.)\n");
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");  // nothing is shown: render into memory
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Rapport"_s);
    QApplication::setOrganizationName(u"Rapport"_s);
    QApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
    QApplication::setDesktopFileName(u"rapport"_s);
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Rapport, the desktop CRM for sales people."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s,
                                           QApplication::translate("main", "Profile folder (default: "
                                                                           "$RAPPORT_PROFILE or the user's data folder)."),
                                           QApplication::translate("main", "dir"));
    const QCommandLineOption screenshotOption(u"screenshot"_s,
                                              QApplication::translate("main", "Save a picture of the window once the "
                                                                              "contacts are shown, then exit."),
                                              QApplication::translate("main", "file"));
    QCommandLineOption benchmarkOption(u"startup-benchmark"_s, u"Print startup_ms=<ms> at the first paint, exit."_s);
    benchmarkOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption pageOption(u"page"_s,
                                        QApplication::translate("main", "Start on this page (contacts, companies, "
                                                                        "chat, settings, …)."),
                                        QApplication::translate("main", "name"));
    parser.addOptions({profileOption, screenshotOption, pageOption, benchmarkOption});
    parser.process(app);

    const QString profileDir = rapport::resolveProfileDir(parser.value(profileOption));
    // The keychain is used from the GUI thread only; the gateway's worker reaches it through the wrapper.
    rapport::KeychainSecretStore secrets(rapport::secretNamespaceForProfile(profileDir));
    rapport::ThreadBoundSecretStore gatewaySecrets(secrets, &app);
    rapport::GatewayOptions options;
    options.secrets = &gatewaySecrets;
    auto opened = rapport::Gateway::open(profileDir, options);
    if (!opened) {
        const QString text =
            openFailureText(opened.error(), QDir(profileDir).filePath(QLatin1StringView(rapport::Store::kFileName)));
        if (screenshotMode || benchmarkMode || QGuiApplication::platformName() == u"offscreen"_s)
            std::fprintf(stderr, "rapport: %s\n", qPrintable(text));
        else
            QMessageBox::critical(nullptr, QApplication::translate("main", "Rapport"), text);
        return 1;
    }
    std::unique_ptr<rapport::Gateway> gateway = std::move(*opened);
    rapport::GatewayClient client(*gateway);
    QSettings settings(profileDir + u"/settings.ini"_s, QSettings::IniFormat);

    int exitCode = 0;
    {  // the window goes before the client and the gateway it uses
        rapport::ui::MainWindow window(client, settings, secrets);
        if (screenshotMode)
            window.resize(rapport::ui::MainWindow::defaultSize());
        if (parser.isSet(pageOption) && !window.showPageNamed(parser.value(pageOption)))
            std::fprintf(stderr, "rapport: no page called \"%s\"\n", qPrintable(parser.value(pageOption)));
        window.show();

        // Team sync runs in the background (signed out it does nothing); not in the one-shot modes.
        std::optional<rapport::sync::SyncScheduler> sync;
        if (!screenshotMode && !benchmarkMode) {
            sync.emplace(gateway->syncEngine(), gateway->store());
            sync->start();
        }
        if (screenshotMode)
            rapport::app::saveScreenshotWhenReady(window, parser.value(screenshotOption));
        else if (benchmarkMode)
            rapport::app::reportStartupAtFirstPaint(window);
        exitCode = QApplication::exec();
        gateway->syncEngine().stop();  // a round in progress ends after its current batch
        // A demo-data load may still be running on the pool; it uses the gateway and the window.
        QThreadPool::globalInstance()->waitForDone();
    }
    return exitCode;
}
