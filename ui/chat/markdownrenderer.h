#pragma once
// Renders one finished Markdown block into a document in place of its source text. A scratch document
// parses the block (md4c through QTextDocument::setMarkdown), so the cost depends on the block's size,
// never on the size of the answer around it.

#include <QColor>
#include <QTextDocument>

namespace rapport::ui {

class MarkdownRenderer {
public:
    MarkdownRenderer();

    // Background of fenced code blocks (follow the palette: a light or dark tint of the base colour).
    void setCodeBackground(const QColor &color) { m_codeBackground = color; }

    // Replaces the length characters at from with markdown rendered. from must be the start of a block
    // that is not the document's first, and the replaced text must end at a block start or at the end.
    // Returns where the text that followed the replaced range now starts.
    int replace(QTextDocument &doc, int from, int length, const QString &markdown);

private:
    bool renderScratch(const QString &markdown);

    QTextDocument m_scratch;
    QColor m_codeBackground;
};

} // namespace rapport::ui
