#include "chat/markdownrenderer.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextTable>

namespace rapport::ui {

namespace {
// GitHub's dialect (tables, strikethrough, task lists, autolinks) without raw HTML: model output is
// data, and inline HTML could style or hide parts of the answer.
constexpr auto kFeatures = QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub)
    | QTextDocument::MarkdownNoHTML;
constexpr qreal kCodePadding = 6;
constexpr qreal kHeadingSpace = 8;
constexpr qreal kCellPadding = 4;
}

MarkdownRenderer::MarkdownRenderer()
{
    m_scratch.setUndoRedoEnabled(false);
}

bool MarkdownRenderer::renderScratch(const QString &markdown)
{
    m_scratch.setMarkdown(markdown, kFeatures);
    if (m_scratch.isEmpty())
        return false;
    // The importer leaves code blocks unboxed and headings and tables tight; give them room to read.
    for (QTextBlock b = m_scratch.begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat f = b.blockFormat();
        if (f.hasProperty(QTextFormat::BlockCodeFence) || f.nonBreakableLines()) {
            if (m_codeBackground.isValid())
                f.setBackground(m_codeBackground);
            f.setLeftMargin(kCodePadding);
            f.setRightMargin(kCodePadding);
            const QTextBlockFormat prev = b.previous().blockFormat(), next = b.next().blockFormat();
            if (!b.previous().isValid() || !prev.hasProperty(QTextFormat::BlockCodeFence))
                f.setTopMargin(kCodePadding);
            if (!b.next().isValid() || !next.hasProperty(QTextFormat::BlockCodeFence))
                f.setBottomMargin(kCodePadding);
            QTextCursor(b).setBlockFormat(f);
        } else if (f.headingLevel() > 0) {
            f.setTopMargin(kHeadingSpace);
            f.setBottomMargin(kHeadingSpace / 2);
            QTextCursor(b).setBlockFormat(f);
        }
    }
    for (QTextFrame *frame : m_scratch.rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(frame)) {
            QTextTableFormat f = table->format();
            f.setBorderCollapse(true);
            f.setCellSpacing(0);
            f.setCellPadding(kCellPadding);
            f.setTopMargin(kCodePadding);
            f.setBottomMargin(kCodePadding);
            table->setFormat(f);
        }
    }
    // insertFragment() gives every block the format of the separator before it, and the first block has
    // none: start with an empty plain block so that the real first block (a heading, the first item of
    // a list, the first line of code) keeps its format.
    QTextCursor c(&m_scratch);
    const QTextBlock first = m_scratch.begin();
    if (!first.text().isEmpty() || first.textList() || first.blockFormat() != QTextBlockFormat()) {
        c.insertBlock();
        c.movePosition(QTextCursor::Start);
        c.setBlockFormat(QTextBlockFormat());
    }
    return true;
}

int MarkdownRenderer::replace(QTextDocument &doc, int from, int length, const QString &markdown)
{
    QTextCursor c(&doc);
    c.setPosition(from);
    c.setPosition(from + length, QTextCursor::KeepAnchor);
    c.removeSelectedText();
    if (!renderScratch(markdown))
        return from;
    QTextCursor all(&m_scratch);
    all.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    // Insert at the end of the block before: the fragment's leading separator opens the new blocks, and
    // the text that followed keeps its own block and format.
    c.setPosition(from - 1);
    c.insertFragment(all.selection());
    return c.position() + 1;
}

} // namespace rapport::ui
