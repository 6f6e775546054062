#include "bench_chat_render.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include <time.h>

#include <QDir>
#include <QEventLoop>
#include <QLabel>
#include <QPaintEvent>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include "chat/answerview.h"
#include "support/markdown_answer.h"

using namespace Qt::StringLiterals;

namespace rapport::bench {

namespace {
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

TimedApplication::TimedApplication(int &argc, char **argv) : QApplication(argc, argv)
{
    m_clock.start();
}

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    if (m_depth > 0)
        return QApplication::notify(receiver, event);  // part of the outer event's time
    ++m_depth;
    const char *receiverClass = receiver->metaObject()->className();  // the receiver may not survive the event
    const int type = event->type();  // nor may a posted event
    const qint64 start = m_clock.nsecsElapsed(), startCpu = threadCpuNs();
    const bool handled = QApplication::notify(receiver, event);
    const qint64 end = m_clock.nsecsElapsed(), cpu = threadCpuNs() - startCpu;
    --m_depth;
    m_busyNs += end - start;
    m_busyCpuNs += cpu;
    m_maxEventNs = std::max(m_maxEventNs, end - start);
    if (start - m_lastEndNs >= kMergeGapNs) {
        m_stretchStartNs = start;  // the thread was idle in between: a new stretch
        m_stretchCpuNs = 0;
    }
    m_lastEndNs = end;
    m_stretchCpuNs += cpu;
    m_maxStretchNs = std::max(m_maxStretchNs, end - m_stretchStartNs);
    m_maxStretchCpuNs = std::max(m_maxStretchCpuNs, m_stretchCpuNs);
    PerType &perType = m_perType[std::min<std::size_t>(static_cast<std::size_t>(type), m_perType.size() - 1)];
    ++perType.count;
    perType.ns += end - start;
    if (m_slowest.size() < 8 || end - start > m_slowest.back().ns) {
        if (m_slowest.size() == 8)
            m_slowest.pop_back();
        m_slowest.push_back({end - start, cpu, type, receiverClass, start});
        std::sort(m_slowest.begin(), m_slowest.end(), [](const Slow &a, const Slow &b) { return a.ns > b.ns; });
    }
    return handled;
}

QStringList TimedApplication::longestEvents() const
{
    QStringList out;
    for (const Slow &s : m_slowest)
        out.append(u"%1 ms (cpu %5 ms) event %2 to %3 at %4 s"_s.arg(static_cast<double>(s.ns) / 1e6, 0, 'f', 2)
                       .arg(s.type).arg(QString::fromLatin1(s.receiver))
                       .arg(static_cast<double>(s.atNs) / 1e9, 0, 'f', 3)
                       .arg(static_cast<double>(s.cpuNs) / 1e6, 0, 'f', 2));
    return out;
}

void TimedApplication::resetMaxima()
{
    m_maxStretchNs = 0;
    m_maxEventNs = 0;
    m_maxStretchCpuNs = 0;
    m_slowest.clear();
    m_perType.fill({});
}

QStringList TimedApplication::busyByType() const
{
    std::vector<std::pair<qint64, std::size_t>> order;
    for (std::size_t t = 0; t < m_perType.size(); ++t) {
        if (m_perType[t].count)
            order.emplace_back(m_perType[t].ns, t);
    }
    std::sort(order.rbegin(), order.rend());
    QStringList out;
    for (const auto &[ns, t] : order)
        out.append(u"event %1: %2 x %3 us = %4 ms"_s.arg(t).arg(m_perType[t].count)
                       .arg(static_cast<double>(ns) / static_cast<double>(m_perType[t].count) / 1e3, 0, 'f', 1)
                       .arg(static_cast<double>(ns) / 1e6, 0, 'f', 1));
    return out;
}

namespace {

// Counts the text area's paints and how much of it they covered (scrolling should repaint a strip).
struct PaintCounter : QObject {
    int paints = 0;
    double area = 0;  // in viewports
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            const QSize size = static_cast<QWidget *>(watched)->size();
            qint64 pixels = 0;
            for (const QRect &r : static_cast<QPaintEvent *>(event)->region())
                pixels += qint64(r.width()) * r.height();
            area += static_cast<double>(pixels) / std::max<double>(1, double(size.width()) * size.height());
        }
        return false;
    }
};

// The first layout, font loading and paint of a new window are not part of streaming.
void settle(QApplication &app)
{
    for (int i = 0; i < 10; ++i) {
        app.processEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace

bool chatRender(TimedApplication &app, const ChatRenderOptions &o)
{
    using Script = test::MarkdownAnswer::Script;
    const QStringList tokens = test::MarkdownAnswer(2024, o.mixedScripts ? Script::Mixed : Script::Latin).tokens(o.tokens);
    const int n = static_cast<int>(tokens.size());
    const int window = std::min(1000, n / 2);  // tokens per measuring window, at the start and at the end

    QWidget top;
    top.setWindowTitle(u"Rapport chat render benchmark"_s);
    auto *layout = new QVBoxLayout(&top);
    auto *stats = new QLabel(&top);
    auto *view = new ui::AnswerView(&top);
    layout->addWidget(stats);
    layout->addWidget(view, 1);
    top.resize(900, 700);
    top.show();
    PaintCounter paints;
    view->textView()->viewport()->installEventFilter(&paints);
    // What the chat page does with each flush: show the statistics.
    QObject::connect(view, &ui::AnswerView::flushed, stats, [view, stats](int count) {
        stats->setText(u"%1 tokens · %2 tok/s · first token after %3 ms"_s.arg(count)
                           .arg(view->tokensPerSecond(), 0, 'f', 0)
                           .arg(view->msToFirstToken()));
    });
    settle(app);

    // Busy time (wall and CPU) when token i arrives; windows of `window` tokens at the start and the end.
    struct Mark {
        qint64 wall = 0, cpu = 0;
    };
    Mark firstStart, firstEnd, lastStart, lastEnd, lastFlush;
    const auto mark = [&app] { return Mark{app.busyNs(), app.busyCpuNs()}; };
    QEventLoop loop;
    int received = 0;
    qint64 lastFlushNs = 0;
    QObject::connect(view, &ui::AnswerView::flushed, view, [&](int count) {
        lastFlushNs = app.nowNs();
        lastFlush = mark();
        if (count == n)
            QTimer::singleShot(3 * ui::AnswerView::kFrameMs, view, [&loop] { loop.quit(); });
    });
    const auto deliver = [&](int i) {
        view->appendTokens(tokens[i]);
        ++received;
        if (i == 0)
            firstStart = mark();
        if (i == window)
            firstEnd = mark();
        if (i == n - 1 - window)
            lastStart = mark();
        if (i == n - 1)
            lastEnd = mark();
        if (i == n / 2 && !o.screenshotDir.isEmpty())
            top.grab().save(QDir(o.screenshotDir).filePath(QString::fromLatin1(o.name) + u"-mid.png"_s));
    };

    view->beginAnswer();
    app.resetMaxima();
    const qint64 startNs = app.nowNs();
    const Mark start = mark();
    // The network reader's thread: each token is a queued call at its time, like a queued signal.
    std::thread producer([&] {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) {
            std::this_thread::sleep_until(t0 + std::chrono::microseconds(i * 1'000'000LL / o.rate));
            QMetaObject::invokeMethod(view, [&deliver, i] { deliver(i); }, Qt::QueuedConnection);
        }
    });
    loop.exec();
    producer.join();
    const double maxStallMs = static_cast<double>(app.maxStretchNs()) / 1e6;
    const double cpuMaxStallMs = static_cast<double>(app.maxStretchCpuNs()) / 1e6;
    const double maxEventMs = static_cast<double>(app.maxEventNs()) / 1e6;
    const QStringList longest = app.longestEvents() + app.busyByType();

    const qint64 finishStart = app.nowNs();
    view->finishAnswer();
    const double finishMs = static_cast<double>(app.nowNs() - finishStart) / 1e6;
    if (!o.screenshotDir.isEmpty())
        top.grab().save(QDir(o.screenshotDir).filePath(QString::fromLatin1(o.name) + u"-end.png"_s));
    if (received != n || view->plainText() != tokens.join(QString())) {
        std::fprintf(stderr, "rapport-bench-ui: %s: the view does not hold the streamed text\n", o.name);
        return false;
    }

    const double wallNs = static_cast<double>(lastFlushNs - startNs);
    const auto perToken = [window](qint64 from, qint64 to) { return static_cast<double>(to - from) / window / 1e3; };
    const double endUs = perToken(lastStart.wall, lastEnd.wall), startUs = perToken(firstStart.wall, firstEnd.wall);
    const double cpuEndUs = perToken(lastStart.cpu, lastEnd.cpu), cpuStartUs = perToken(firstStart.cpu, firstEnd.cpu);
    std::printf("BENCH %s tokens=%d rate=%d per_token_us=%.1f max_stall_ms=%.2f gui_busy_pct=%.1f "
                "per_token_us_at_%d=%.1f growth=%.2f cpu_per_token_us=%.1f cpu_per_token_us_at_%d=%.1f "
                "cpu_max_stall_ms=%.2f cpu_busy_pct=%.1f max_event_ms=%.2f achieved_rate=%.0f flushes=%d frame_ms=%.1f paints=%d "
                "painted_viewports=%.1f finish_ms=%.2f\n",
                o.name, n, o.rate, endUs, maxStallMs, 100.0 * static_cast<double>(lastFlush.wall - start.wall) / wallNs,
                window, startUs, startUs > 0 ? endUs / startUs : 0.0, cpuEndUs, window, cpuStartUs, cpuMaxStallMs,
                100.0 * static_cast<double>(lastFlush.cpu - start.cpu) / wallNs, maxEventMs, n / (wallNs / 1e9),
                view->flushCount(), wallNs / 1e6 / std::max(1, view->flushCount()), paints.paints, paints.area, finishMs);
    if (o.verbose) {
        std::printf("  stream started at %.3f s; longest events, then busy time by event type:\n", static_cast<double>(startNs) / 1e9);
        for (const QString &line : longest)
            std::printf("  %s\n", qPrintable(line));
    }
    std::fflush(stdout);
    return true;
}

} // namespace rapport::bench
