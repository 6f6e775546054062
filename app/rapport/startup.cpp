#include "startup.h"

#include <ctime>

#include <unistd.h>

#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

namespace rapport::app {

namespace {
QElapsedTimer &mainTimer()
{
    static QElapsedTimer timer;
    return timer;
}
} // namespace

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void markMainEntered() { mainTimer().start(); }

double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    timespec now{};
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (stat.open(QIODevice::ReadOnly) && clock_gettime(CLOCK_BOOTTIME, &now) == 0 && ticksPerSecond > 0) {
        const QByteArray line = stat.readAll();
        // Field 2 (the command name) may contain spaces; the fields after its ')' start at field 3.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        constexpr int kStartTime = 22 - 3;
        if (fields.size() > kStartTime) {
            bool ok = false;
            const double startTicks = fields[kStartTime].toDouble(&ok);
            if (ok) {
                const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
                return nowMs - startTicks * 1000.0 / double(ticksPerSecond);
            }
        }
    }
    return mainTimer().isValid() ? double(mainTimer().nsecsElapsed()) / 1e6 : 0.0;
}

FirstPaintProbe::FirstPaintProbe(QWidget *target, std::function<void()> done, QObject *parent)
    : QObject(parent), m_target(target), m_done(std::move(done))
{
    m_target->installEventFilter(this);
}

void FirstPaintProbe::ready()
{
    m_armed = true;
    m_target->update();
    QTimer::singleShot(1000, this, [this] {
        if (!m_finished)
            m_target->repaint();
    });
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (m_armed && !m_finished && watched == m_target && event->type() == QEvent::Paint)
        QTimer::singleShot(0, this, &FirstPaintProbe::finish);  // after this paint has been done
    return QObject::eventFilter(watched, event);
}

void FirstPaintProbe::finish()
{
    if (std::exchange(m_finished, true))
        return;
    m_done();
}

} // namespace rapport::app
