#include "chat/markdownblocks.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

// Leading spaces (a tab counts as four), the way CommonMark measures indentation.
int indentOf(QStringView line)
{
    int n = 0;
    for (QChar c : line) {
        if (c == u' ')
            ++n;
        else if (c == u'\t')
            n += 4;
        else
            break;
    }
    return n;
}

bool isBlank(QStringView line) { return line.trimmed().isEmpty(); }

// "```lang" or "~~~": the fence character and its run length, or length 0.
std::pair<QChar, qsizetype> fenceOf(QStringView line)
{
    if (indentOf(line) > 3)
        return {};
    line = line.trimmed();
    if (line.isEmpty() || (line.front() != u'`' && line.front() != u'~'))
        return {};
    const QChar c = line.front();
    qsizetype n = 0;
    while (n < line.size() && line[n] == c)
        ++n;
    if (n < 3 || (c == u'`' && line.sliced(n).contains(u'`')))
        return {};
    return {c, n};
}

bool isHeading(QStringView line)
{
    if (indentOf(line) > 3)
        return false;
    line = line.trimmed();
    qsizetype n = 0;
    while (n < line.size() && line[n] == u'#')
        ++n;
    return n >= 1 && n <= 6 && (n == line.size() || line[n] == u' ' || line[n] == u'\t');
}

// "***", "- - -", "___": a run of one character, optionally spaced, at least three long.
bool isThematicBreak(QStringView line, QChar only = {})
{
    if (indentOf(line) > 3)
        return false;
    QChar mark;
    int count = 0;
    for (QChar c : line) {
        if (c == u' ' || c == u'\t')
            continue;
        if (count == 0 && (c == u'*' || c == u'-' || c == u'_') && (only.isNull() || c == only))
            mark = c;
        else if (c != mark)
            return false;
        ++count;
    }
    return count >= 3;
}

// A setext underline turns the paragraph above it into a heading: "===" or "---".
bool isSetextUnderline(QStringView line)
{
    if (indentOf(line) > 3)
        return false;
    line = line.trimmed();
    return !line.isEmpty() && (line.count(u'=') == line.size() || line.count(u'-') == line.size());
}

// "- x", "* x", "+ x", "12. x", "3) x". startsWithOne: the number is 1 (only those interrupt a paragraph).
bool isListItem(QStringView line, bool *startsWithOne = nullptr)
{
    line = line.trimmed();
    if (line.isEmpty())
        return false;
    qsizetype n = 0;
    if (line[0] == u'-' || line[0] == u'*' || line[0] == u'+') {
        n = 1;
    } else {
        while (n < line.size() && n < 9 && line[n].isDigit())
            ++n;
        if (n == 0 || n >= line.size() || (line[n] != u'.' && line[n] != u')'))
            return false;
        if (startsWithOne)
            *startsWithOne = line.first(n) == u"1"_s;
        ++n;
    }
    return n == line.size() || line[n] == u' ' || line[n] == u'\t';
}

} // namespace

void MarkdownBlocks::append(QStringView text)
{
    m_pending.append(text);
    qsizetype start = m_scanned;
    for (qsizetype nl = m_pending.indexOf(u'\n', start); nl >= 0; nl = m_pending.indexOf(u'\n', start)) {
        scanLine(start, nl + 1);
        start = nl + 1;
    }
    m_scanned = start;
}

QString MarkdownBlocks::takeFinishedBlock()
{
    const qsizetype end = m_finishedEnds.front();
    m_finishedEnds.pop_front();
    QString block = m_pending.first(end);
    m_pending.remove(0, end);  // pending holds only the open tail, so this stays short
    for (qsizetype &e : m_finishedEnds)
        e -= end;
    m_scanned -= end;
    return block;
}

QString MarkdownBlocks::takeAll()
{
    QString all = std::move(m_pending);
    clear();
    return all;
}

void MarkdownBlocks::clear()
{
    m_pending.clear();
    m_finishedEnds.clear();
    m_scanned = 0;
    m_kind = Kind::None;
    m_blankInList = false;
    m_fenceLength = 0;
}

void MarkdownBlocks::finishBefore(qsizetype pos)
{
    const qsizetype last = m_finishedEnds.empty() ? 0 : m_finishedEnds.back();
    if (pos > last)
        m_finishedEnds.push_back(pos);
    m_kind = Kind::None;
}

// [start, end) is one line including its '\n'.
void MarkdownBlocks::scanLine(qsizetype start, qsizetype end)
{
    const QStringView line = QStringView(m_pending).sliced(start, end - start - 1);
    switch (m_kind) {
    case Kind::Fence: {
        const auto [c, n] = fenceOf(line);
        if (c == m_fenceChar && n >= m_fenceLength && line.trimmed().size() == n)
            finishBefore(end);
        return;
    }
    case Kind::Paragraph: {
        bool one = false;
        if (isBlank(line)) {
            finishBefore(end);  // the blank line belongs to the paragraph it ends
        } else if (isSetextUnderline(line)) {
            finishBefore(end);
        } else if (fenceOf(line).second > 0 || isHeading(line) || isThematicBreak(line)
                   || (isListItem(line, &one) && (one || !line.trimmed().front().isDigit()))) {
            finishBefore(start);
            startLine(line, end);
        }
        return;
    }
    case Kind::List:
        if (isBlank(line)) {
            m_blankInList = true;
        } else if (indentOf(line) >= 2 || isListItem(line)) {
            m_blankInList = false;  // another item, or an item's indented content (even a fence)
        } else if (m_blankInList || fenceOf(line).second > 0 || isHeading(line) || isThematicBreak(line)) {
            finishBefore(start);
            startLine(line, end);
        }
        return;  // an unindented line right after an item without a blank is a lazy continuation
    case Kind::None:
        startLine(line, end);
        return;
    }
}

// A line that starts a new block (or is blank between blocks).
void MarkdownBlocks::startLine(QStringView line, qsizetype end)
{
    m_blankInList = false;
    if (isBlank(line)) {
        m_kind = Kind::None;  // kept with the next block; rendering ignores leading blank lines
    } else if (const auto [c, n] = fenceOf(line); n > 0) {
        m_kind = Kind::Fence;
        m_fenceChar = c;
        m_fenceLength = n;
    } else if (isHeading(line) || isThematicBreak(line)) {
        finishBefore(end);
    } else if (isListItem(line)) {
        m_kind = Kind::List;
    } else {
        m_kind = Kind::Paragraph;
    }
}

QString documentText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'\r':
            break;
        case QChar::ParagraphSeparator:
            out.append(u'\n');
            break;
        case 0xfdd0:  // QTextBeginningOfFrame
        case 0xfdd1:  // QTextEndOfFrame
        case QChar::ObjectReplacementCharacter:
            out.append(QChar::ReplacementCharacter);
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

} // namespace rapport::ui
