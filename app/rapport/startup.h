#pragma once
// Helpers for rapport's main(): where the display comes from, and the startup clock.

#include <functional>

#include <QObject>

class QWidget;

namespace rapport::app {

// DISPLAY / WAYLAND_DISPLAY / QT_QPA_PLATFORM: whether Qt will find a platform to show windows on.
bool hasDisplay();

// Milliseconds since this process started, from the kernel's start time in /proc/self/stat measured
// against CLOCK_BOOTTIME (both count from boot), so dynamic linking and Qt's own start-up are included.
// Falls back to a timer started by markMainEntered() where /proc is unavailable. Resolution: one
// clock tick (usually 10 ms).
double msSinceProcessStart();
void markMainEntered();

// Calls done once, right after target's first paint that follows ready() (the first page of data).
// If no paint arrives within a second (hidden or unexposed window), it forces one.
class FirstPaintProbe : public QObject {
    Q_OBJECT
public:
    FirstPaintProbe(QWidget *target, std::function<void()> done, QObject *parent = nullptr);
    void ready();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish();
    QWidget *m_target;
    std::function<void()> m_done;
    bool m_armed = false;
    bool m_finished = false;
};

} // namespace rapport::app

namespace rapport::ui {
class MainWindow;
}

namespace rapport::app {

// --screenshot: once the first page of contacts is in (and the editor shows the selected one, up to
// 1 s more), grab the window into file and exit 0; exit 1 when it cannot be written or the contacts did
// not come within 10 s (the picture is still saved).
void saveScreenshotWhenReady(ui::MainWindow &window, const QString &file);

// --startup-benchmark: print "startup_ms=<ms since process start>" after the first paint of the
// contacts table with its first page, then exit 0.
void reportStartupAtFirstPaint(ui::MainWindow &window);

} // namespace rapport::app
