#include "chat/answerview.h"

#include <algorithm>

#include <QDesktopServices>
#include <QEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextFrame>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {
constexpr int kBottomSlack = 4;  // pixels from the bottom that still count as "at the bottom"
const QColor kFailureColor(0xc6, 0x28, 0x28);  // the red of field errors, readable on light and dark

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + tint.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + tint.blueF() * amount));
}
} // namespace

// The text area, timing each frame from the flush that starts it to the end of the paint that shows it
// (background fill included), so that the view can pace its frames by what they really cost.
class AnswerBrowser : public QTextBrowser {
public:
    using QTextBrowser::QTextBrowser;
    void startFrame()
    {
        m_frame.start();
        m_frameNs = -1;
    }
    // The last frame's cost, or -1 when it has not been painted (a hidden view).
    qint64 lastFrameNs() const { return m_frameNs; }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QTextBrowser::paintEvent(event);
        if (m_frame.isValid() && m_frameNs < 0)
            m_frameNs = m_frame.nsecsElapsed();
    }

private:
    QElapsedTimer m_frame;
    qint64 m_frameNs = -1;
};

AnswerView::AnswerView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new AnswerBrowser(this);
    m_text->setObjectName(u"answerText"_s);
    m_text->setOpenLinks(false);  // links are opened below, and only to the web or mail
    m_text->document()->setUndoRedoEnabled(false);  // nobody undoes a stream; the stack would only grow
    layout->addWidget(m_text);
    connect(m_text, &QTextBrowser::anchorClicked, this, &AnswerView::openLink);
    updateColors();

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFrameMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &AnswerView::flush);

    QScrollBar *bar = m_text->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_scrolling)
            m_pinned = value >= bar->maximum() - kBottomSlack;  // the user moved: follow only from the bottom
    });
    connect(bar, &QScrollBar::rangeChanged, this, &AnswerView::followEnd);  // layout may finish after a flush
    resetDocument();
}

QTextBrowser *AnswerView::textView() const
{
    return m_text;
}

void AnswerView::beginAnswer()
{
    clear();
    m_state = State::Streaming;
    m_clock.start();
}

void AnswerView::appendTokens(QStringView text)
{
    if (m_state == State::Finished || m_state == State::Failed)
        return;
    if (m_state == State::Empty)
        beginAnswer();
    const qint64 now = m_clock.elapsed();
    if (m_firstTokenMs < 0)
        m_firstTokenMs = now;
    m_lastTokenMs = now;
    ++m_tokens;
    m_received.append(text);
    m_buffer.append(text);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AnswerView::finishAnswer()
{
    if (m_state != State::Streaming)
        return;
    finishStream();
    m_state = State::Finished;
    emit answerFinished();
}

void AnswerView::failAnswer(const QString &reason)
{
    if (m_state == State::Finished || m_state == State::Failed)
        return;
    finishStream();
    m_state = State::Failed;
    m_failure = reason;
    showFailure(reason);
    emit answerFailed(reason);
}

void AnswerView::clear()
{
    m_flushTimer.stop();
    m_blocks.clear();
    m_buffer.clear();
    m_received.clear();
    m_failure.clear();
    m_state = State::Empty;
    m_tokens = 0;
    m_flushCount = 0;
    m_firstTokenMs = -1;
    m_lastTokenMs = -1;
    m_frameCostNs = 0;
    m_flushTimer.setInterval(kFrameMs);
    m_pinned = true;
    resetDocument();
}

double AnswerView::tokensPerSecond() const
{
    if (m_tokens < 2 || m_lastTokenMs <= m_firstTokenMs)
        return 0;
    return (m_tokens - 1) * 1000.0 / static_cast<double>(m_lastTokenMs - m_firstTokenMs);
}

// The document starts with an empty block of zero height: rendered blocks are always inserted after a
// block (see MarkdownRenderer::replace), and this one is invisible.
void AnswerView::resetDocument()
{
    QTextDocument *doc = m_text->document();
    doc->clear();
    QTextCursor c(doc);
    QTextBlockFormat anchor;
    anchor.setLineHeight(0, QTextBlockFormat::FixedHeight);
    c.setBlockFormat(anchor);
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_rawStart = c.position();
}

void AnswerView::flush()
{
    m_flushTimer.stop();
    if (m_buffer.isEmpty())
        return;
    // The previous frame has been painted by now (or never will be): pace by its whole cost. A slow average
    // stretches frames; one-off spikes (a font loaded for a new script) are clipped.
    constexpr qint64 maxSampleNs = qint64(kMaxFrameMs) * 1'000'000 / kBudgetShare;
    if (const qint64 frameNs = std::min(m_text->lastFrameNs(), maxSampleNs); frameNs > 0) {
        m_frameCostNs = m_frameCostNs == 0 ? frameNs : (7 * m_frameCostNs + frameNs) / 8;
        m_flushTimer.setInterval(std::clamp(static_cast<int>(m_frameCostNs * kBudgetShare / 1'000'000), kFrameMs,
                                            kMaxFrameMs));
    }
    m_text->startFrame();
    const QString text = documentText(m_buffer);
    m_buffer.clear();
    QTextCursor c(m_text->document());
    c.beginEditBlock();  // one layout pass for the whole batch
    c.movePosition(QTextCursor::End);
    c.insertText(text, QTextCharFormat());
    m_blocks.append(text);
    renderFinishedBlocks();
    c.endEditBlock();
    ++m_flushCount;
    followEnd();
    emit flushed(m_tokens);
}

void AnswerView::renderFinishedBlocks()
{
    while (m_blocks.hasFinishedBlock())
        renderBlock(m_blocks.takeFinishedBlock());
}

// The document's text from m_rawStart on is exactly m_blocks.pending(), one position per character.
void AnswerView::renderBlock(const QString &markdown)
{
    m_rawStart = m_renderer.replace(*m_text->document(), m_rawStart, static_cast<int>(markdown.size()), markdown);
}

void AnswerView::finishStream()
{
    flush();
    QTextCursor c(m_text->document());
    c.beginEditBlock();
    renderFinishedBlocks();
    if (const QString rest = m_blocks.takeAll(); !rest.isEmpty())
        renderBlock(rest);
    // Rendering leaves the tail's now-empty block at the end; drop it so the answer ends on its text.
    c.movePosition(QTextCursor::End);
    if (c.block().text().isEmpty() && c.blockNumber() > 1)
        c.deletePreviousChar();
    c.endEditBlock();
    followEnd();
}

void AnswerView::showFailure(const QString &reason)
{
    const QPalette &pal = palette();
    QTextFrameFormat box;
    box.setBorder(1);
    box.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    box.setBorderBrush(kFailureColor);
    box.setBackground(blend(pal.color(QPalette::Base), kFailureColor, 0.08));
    box.setPadding(6);
    box.setTopMargin(10);
    QTextCharFormat title;
    title.setFontWeight(QFont::Bold);
    title.setForeground(kFailureColor);

    QTextCursor c(m_text->document());
    c.movePosition(QTextCursor::End);
    c.insertFrame(box);
    c.insertText(tr("The answer stopped before it was complete."), title);
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    c.insertText(reason, QTextCharFormat());  // plain text: the reason may quote the server
    followEnd();
}

void AnswerView::followEnd()
{
    if (!m_pinned)
        return;
    QScrollBar *bar = m_text->verticalScrollBar();
    m_scrolling = true;
    bar->setValue(bar->maximum());
    m_scrolling = false;
}

void AnswerView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();  // for blocks rendered from now on; rendered ones keep their colours
}

void AnswerView::updateColors()
{
    m_renderer.setCodeBackground(blend(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.06));
}

void AnswerView::openLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == u"https"_s || scheme == u"http"_s || scheme == u"mailto"_s)
        QDesktopServices::openUrl(url);
}

} // namespace rapport::ui
