#pragma once
// The chat view under a streamed answer: what the GUI thread pays for each token, and its longest
// stall, with a visible window that really lays out and paints (offscreen platform).

#include <QApplication>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace rapport::bench {

// A QApplication that times every event it delivers on the GUI thread (the outermost notify() only,
// so nested sendEvent() calls are not counted twice). Busy time is what the user would wait behind.
class TimedApplication : public QApplication {
public:
    TimedApplication(int &argc, char **argv);
    bool notify(QObject *receiver, QEvent *event) override;

    qint64 nowNs() const { return m_clock.nsecsElapsed(); }
    qint64 busyNs() const { return m_busyNs; }
    // The same in this thread's CPU time: what the code costs when other processes take the cores.
    qint64 busyCpuNs() const { return m_busyCpuNs; }
    qint64 maxStretchCpuNs() const { return m_maxStretchCpuNs; }
    // Longest run of events with less than kMergeGapNs of idle between them, since the last reset.
    qint64 maxStretchNs() const { return m_maxStretchNs; }
    qint64 maxEventNs() const { return m_maxEventNs; }
    void resetMaxima();
    // The longest events since the last reset: "17.51 ms (cpu 3.34 ms) event 77 to QWidget at 6.322 s".
    QStringList longestEvents() const;
    // Busy time per QEvent type since the last reset, the costliest first: "event 77: 560 x 1660.9 us = 930.1 ms".
    QStringList busyByType() const;

    static constexpr qint64 kMergeGapNs = 100'000;

private:
    QElapsedTimer m_clock;
    int m_depth = 0;
    qint64 m_busyNs = 0;
    qint64 m_stretchStartNs = 0;
    qint64 m_lastEndNs = -kMergeGapNs;
    qint64 m_maxStretchNs = 0;
    qint64 m_maxEventNs = 0;
    qint64 m_busyCpuNs = 0;
    qint64 m_stretchCpuNs = 0;
    qint64 m_maxStretchCpuNs = 0;
    struct Slow { qint64 ns, cpuNs; int type; const char *receiver; qint64 atNs; };
    std::vector<Slow> m_slowest;  // kept short: the few longest
    struct PerType { qint64 count = 0, ns = 0; };
    std::array<PerType, 256> m_perType{};  // QEvent types above 255 (user events) share the last slot
};

struct ChatRenderOptions {
    const char *name = "chat_render";
    int tokens = 50'000;
    int rate = 5'000;          // tokens per second, paced by a producer thread like the network reader
    bool mixedScripts = false; // CJK, Korean, Arabic and emoji in every sentence instead of Latin text
    QString screenshotDir;     // when set: <name>-mid.png and <name>-end.png (the mid grab is a stall)
    bool verbose = false;      // also print the longest events
};

// Streams a generated Markdown answer into a visible AnswerView as queued calls from another thread and
// prints one line, "BENCH <name> tokens=.. rate=.. per_token_us=.. max_stall_ms=.. gui_busy_pct=.. ...":
//   per_token_us           GUI-thread busy time (wall clock) per token over the last 1,000 tokens
//   per_token_us_at_1000   the same over the first 1,000 tokens; growth = the ratio of the two
//   max_stall_ms           longest busy stretch (events less than 0.1 ms apart merged)
//   gui_busy_pct           busy / wall time from the first token to the last flush
//   cpu_*                  the same in thread CPU time: wall figures include waiting for the cores on a
//                          shared machine (and for Qt's paint thread pool), CPU figures do not
//   frame_ms               average time between flushes (the view stretches frames when they cost more)
//   painted_viewports      area of all paints of the text area, in viewports
bool chatRender(TimedApplication &app, const ChatRenderOptions &options);

} // namespace rapport::bench
