#pragma once
// Finds where Markdown blocks end in text that arrives in pieces, so that a streaming view can render
// each block once, when it is complete, and leave the unfinished tail as it is.
//
// The rules are CommonMark's, simplified to what decides a block boundary: a paragraph ends at a blank
// line or where a heading, fence, list or thematic break interrupts it; a fenced code block ends at its
// closing fence; a heading or thematic break is complete at the end of its line; a list (with its
// indented continuation lines and blank lines between items) ends at the first unindented line that is
// not a list item. Lines are only judged once their newline has arrived.

#include <deque>

#include <QString>
#include <QStringView>

namespace rapport::ui {

class MarkdownBlocks {
public:
    // Appends streamed text. Finished blocks can then be taken, in order, with takeFinishedBlock().
    void append(QStringView text);

    bool hasFinishedBlock() const { return !m_finishedEnds.empty(); }
    // The source text of the oldest finished block, including its trailing newline(s); removed from pending().
    QString takeFinishedBlock();
    // Everything not yet taken (finished blocks first, then the open tail); leaves the splitter empty.
    QString takeAll();
    // Text appended but not yet taken.
    const QString &pending() const { return m_pending; }
    void clear();

private:
    enum class Kind { None, Paragraph, List, Fence };
    void scanLine(qsizetype start, qsizetype end);
    void finishBefore(qsizetype pos);  // the open block ends where the current line starts
    void startLine(QStringView line, qsizetype end);

    QString m_pending;
    std::deque<qsizetype> m_finishedEnds;  // offsets into m_pending, ascending
    qsizetype m_scanned = 0;               // start of the first line not yet judged
    Kind m_kind = Kind::None;
    bool m_blankInList = false;
    QChar m_fenceChar;
    qsizetype m_fenceLength = 0;
};

// The text as a QTextDocument may hold it: '\r' dropped (so "\r\n" split across tokens stays one line
// break), U+2029 as '\n', and the characters QTextDocument reserves for frames and objects replaced.
// One input character never becomes more than one output character.
QString documentText(QStringView text);

} // namespace rapport::ui
