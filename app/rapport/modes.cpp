// The app's two unattended modes: --screenshot and --startup-benchmark.

#include <cstdio>

#include <QCoreApplication>
#include <QTableView>
#include <QTimer>

#include "contacts/contactspage.h"
#include "mainwindow.h"
#include "shared/recordeditor.h"
#include "startup.h"

namespace rapport::app {

void saveScreenshotWhenReady(ui::MainWindow &window, const QString &file)
{
    const auto grabAndExit = [&window, file](bool timedOut) {
        if (timedOut)
            std::fprintf(stderr, "rapport: the contacts did not arrive within 10 s; saving what is shown\n");
        const bool saved = window.grab().save(file);
        if (!saved)
            std::fprintf(stderr, "rapport: could not write %s\n", qPrintable(file));
        // exit(), not quit(): quit() would close the window and store this run's layout in the profile.
        QCoreApplication::exit(saved && !timedOut ? 0 : 1);
    };
    auto *settle = new QTimer(&window);
    settle->setInterval(20);
    QObject::connect(settle, &QTimer::timeout, &window, [&window, settle, grabAndExit, waited = 0]() mutable {
        waited += settle->interval();
        if (window.contactsPage()->editor()->hasRecord() || waited >= 1000) {
            settle->stop();
            // A moment more for the layout requests posted by the editor's new rows.
            QTimer::singleShot(100, &window, [grabAndExit] { grabAndExit(false); });
        }
    });
    QObject::connect(&window, &ui::MainWindow::firstPageShown, settle, qOverload<>(&QTimer::start));
    QTimer::singleShot(10000, &window, [&window, grabAndExit] {
        if (!window.isFirstPageShown())
            grabAndExit(true);
    });
}

void reportStartupAtFirstPaint(ui::MainWindow &window)
{
    auto *probe = new FirstPaintProbe(window.contactsPage()->table()->viewport(), [] {
        std::printf("startup_ms=%.0f\n", msSinceProcessStart());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }, &window);
    QObject::connect(&window, &ui::MainWindow::firstPageShown, probe, &FirstPaintProbe::ready);
}

} // namespace rapport::app
