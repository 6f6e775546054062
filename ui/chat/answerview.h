#pragma once
// The AI answer as it streams in. Tokens arrive on the GUI thread (queued signals, thousands a second);
// appendTokens() only buffers them, and at most once per frame the buffer goes into the document with
// a cursor insert at the end, so the cost per token does not grow with the length of the answer.
// Each Markdown block (paragraph, list, fenced code, heading) is rendered once, when it is complete;
// the unfinished tail stays plain text. The view follows the end of the answer unless the user has
// scrolled up, and follows again once they scroll back to the bottom.

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include "chat/markdownblocks.h"
#include "chat/markdownrenderer.h"

class QTextBrowser;
class QUrl;

namespace rapport::ui {

class AnswerBrowser;

class AnswerView : public QWidget {
    Q_OBJECT
public:
    enum class State { Empty, Streaming, Finished, Failed };
    // Tokens reach the document at most once per frame of kFrameMs. When a frame (insert, layout, fill and
    // paint) costs more than 1/kBudgetShare of that, as on a slow or busy machine, frames stretch up to kMaxFrameMs
    // so that streaming never takes more than about a sixth of the GUI thread.
    static constexpr int kFrameMs = 16;
    static constexpr int kMaxFrameMs = 100;
    static constexpr int kBudgetShare = 6;

    explicit AnswerView(QWidget *parent = nullptr);

    // Clears the view and starts a new answer; the clock for the statistics starts here.
    void beginAnswer();
    // One call per streamed token (any text, any length); O(1), the text is shown within a frame. A token
    // before beginAnswer() begins the answer; tokens after finishAnswer() or failAnswer() are dropped (a
    // stopped stream may still have queued signals in flight).
    void appendTokens(QStringView text);
    // Shows everything received and renders the last block.
    void finishAnswer();
    // Like finishAnswer(), then shows why the answer stopped, below the partial text.
    void failAnswer(const QString &reason);
    void clear();

    State state() const { return m_state; }
    // The answer exactly as received (for Copy), including tokens not shown yet.
    QString plainText() const { return m_received; }
    QString failureReason() const { return m_failure; }
    int tokenCount() const { return m_tokens; }
    // Milliseconds from beginAnswer() to the first token; -1 before it.
    qint64 msToFirstToken() const { return m_firstTokenMs; }
    // Tokens per second from the first to the latest token; 0 until there are two.
    double tokensPerSecond() const;
    // Times buffered tokens went into the document (batching shows as far fewer flushes than tokens).
    int flushCount() const { return m_flushCount; }
    int frameMs() const { return m_flushTimer.interval(); }  // the current frame length
    bool isPinnedToBottom() const { return m_pinned; }
    QTextBrowser *textView() const;

signals:
    // After each batch reached the document, at most once per frame: a cheap place to update statistics.
    void flushed(int tokenCount);
    void answerFinished();
    void answerFailed(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void flush();
    void renderFinishedBlocks();
    void renderBlock(const QString &markdown);
    void finishStream();
    void showFailure(const QString &reason);
    void resetDocument();
    void followEnd();
    void openLink(const QUrl &url);
    void updateColors();

    AnswerBrowser *m_text = nullptr;
    MarkdownBlocks m_blocks;
    MarkdownRenderer m_renderer;
    QTimer m_flushTimer;
    QString m_buffer;    // received, not yet in the document
    QString m_received;  // everything received, as received
    QString m_failure;
    State m_state = State::Empty;
    int m_rawStart = 1;  // document position where the unrendered tail starts
    int m_tokens = 0;
    int m_flushCount = 0;
    qint64 m_frameCostNs = 0;  // moving average of a frame: insert, layout, fill and paint
    QElapsedTimer m_clock;
    qint64 m_firstTokenMs = -1;
    qint64 m_lastTokenMs = -1;
    bool m_pinned = true;
    bool m_scrolling = false;  // our own scroll-bar moves, not the user's
};

} // namespace rapport::ui
