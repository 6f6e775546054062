// The streaming answer view as the chat uses it: real widgets, offscreen, tokens delivered from the
// event loop in bursts the way queued signals arrive, flushes driven by the view's own frame timer.

#include <QEventLoop>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextFrame>
#include <QTextTable>
#include <QtTest>

#include "chat/answerview.h"
#include "chat/markdownblocks.h"
#include "support/markdown_answer.h"

using namespace Qt::StringLiterals;
using rapport::ui::AnswerView;
using rapport::ui::MarkdownBlocks;

namespace {

// Feeds tokens from a 1 ms timer, perTick at a time, in a plain event loop (QTest::qWaitFor would sleep
// 10 ms between rounds); returns false if they were not all delivered within two minutes.
bool stream(AnswerView &view, const QStringList &tokens, int perTick)
{
    qsizetype next = 0;
    QEventLoop loop;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(1);
    QObject::connect(&feeder, &QTimer::timeout, &view, [&] {
        for (int i = 0; i < perTick && next < tokens.size(); ++i)
            view.appendTokens(tokens[next++]);
        if (next == tokens.size())
            loop.quit();
    });
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    feeder.start();
    loop.exec();
    return next == tokens.size();
}

QTextDocument *doc(AnswerView &view) { return view.textView()->document(); }

QTextBlock blockContaining(AnswerView &view, const QString &text)
{
    for (QTextBlock b = doc(view)->begin(); b.isValid(); b = b.next()) {
        if (b.text().contains(text))
            return b;
    }
    return {};
}

QTextCharFormat formatAt(AnswerView &view, const QString &text)
{
    const QTextBlock b = blockContaining(view, text);
    QTextCursor c(b);
    c.setPosition(b.position() + static_cast<int>(b.text().indexOf(text)) + 1);
    return c.charFormat();
}

QString withoutSpace(QString s)
{
    s.removeIf([](QChar c) { return c.isSpace() || c == QChar::LineSeparator || c == QChar::ParagraphSeparator; });
    return s;
}

// The whole answer rendered at once, as a reference for what block-by-block rendering must show.
QString renderedAtOnce(const QString &markdown)
{
    QTextDocument reference;
    reference.setMarkdown(rapport::ui::documentText(markdown),
                          QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub)
                              | QTextDocument::MarkdownNoHTML);
    return reference.toPlainText();
}

struct Window {
    Window()
    {
        view.resize(480, 320);
        view.show();
    }
    bool ready() { return QTest::qWaitForWindowExposed(&view); }
    QScrollBar *bar() { return view.textView()->verticalScrollBar(); }
    AnswerView view;
};

} // namespace

class TestAnswerView : public QObject {
    Q_OBJECT
private slots:
    void blocksEndWhereCommonMarkSaysWhateverTheChunking_data();
    void blocksEndWhereCommonMarkSaysWhateverTheChunking();
    void longStreamShowsExactlyWhatWasReceived();
    void finishedBlocksRenderWhileTheTailStaysPlain();
    void failureKeepsThePartialTextAndSaysWhy();
    void followsTheEndUnlessTheUserScrolledUp();
    void tokensAreBatchedPerFrame();
};

void TestAnswerView::blocksEndWhereCommonMarkSaysWhateverTheChunking_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("blocks");  // the finished blocks; the rest stays pending
    QTest::newRow("paragraph ends at a blank line")
        << u"one\ntwo\n\nthree"_s << QStringList{u"one\ntwo\n\n"_s};
    QTest::newRow("heading is complete at its newline")
        << u"# Title\nText"_s << QStringList{u"# Title\n"_s};
    QTest::newRow("fence keeps blank and Markdown-like lines")
        << u"```py\n\n# x\n- y\n```\nafter"_s << QStringList{u"```py\n\n# x\n- y\n```\n"_s};
    QTest::newRow("fence interrupts a paragraph")
        << u"Run:\n```\nls\n```\n"_s << QStringList{u"Run:\n"_s, u"```\nls\n```\n"_s};
    QTest::newRow("loose list stays one block")
        << u"1. a\n\n2. b\n   more\n\nAfter\n"_s << QStringList{u"1. a\n\n2. b\n   more\n\n"_s};
    QTest::newRow("list waits for the line after a blank")
        << u"- a\n- b\n\n"_s << QStringList{};
    QTest::newRow("setext underline ends the heading")
        << u"Title\n---\nNext"_s << QStringList{u"Title\n---\n"_s};
    QTest::newRow("numbered line other than 1 does not interrupt")
        << u"We had\n2. items\n\n"_s << QStringList{u"We had\n2. items\n\n"_s};
    QTest::newRow("longer closing fence, tilde fence")
        << u"~~~\n```\n~~~~\n"_s << QStringList{u"~~~\n```\n~~~~\n"_s};
}

void TestAnswerView::blocksEndWhereCommonMarkSaysWhateverTheChunking()
{
    QFETCH(QString, text);
    QFETCH(QStringList, blocks);
    for (const int chunk : {1, 2, 3, 1000}) {
        MarkdownBlocks splitter;
        QStringList found;
        for (qsizetype i = 0; i < text.size(); i += chunk) {
            splitter.append(QStringView(text).sliced(i, std::min<qsizetype>(chunk, text.size() - i)));
            while (splitter.hasFinishedBlock())
                found.append(splitter.takeFinishedBlock());
        }
        QCOMPARE(found, blocks);
        QCOMPARE(found.join(QString()) + splitter.pending(), text);
    }
}

void TestAnswerView::longStreamShowsExactlyWhatWasReceived()
{
    Window w;
    QVERIFY(w.ready());
    QStringList tokens = rapport::test::MarkdownAnswer(42).tokens(20'000);
    tokens.insert(100, u"\xd83d"_s);  // a surrogate pair split across two tokens must survive
    tokens.insert(101, u"\xde80 "_s);
    tokens.insert(500, u"line\r"_s);  // so must "\r\n" split across tokens
    tokens.insert(501, u"\nnext "_s);
    const QString answer = tokens.join(QString());

    w.view.beginAnswer();
    QVERIFY(stream(w.view, tokens, 100));
    w.view.finishAnswer();
    QCOMPARE(w.view.tokenCount(), tokens.size());
    QCOMPARE(w.view.plainText(), answer);
    QVERIFY(w.view.msToFirstToken() >= 0);
    QVERIFY(w.view.tokensPerSecond() > 0);
    // Rendering block by block shows the same characters as rendering the whole answer at once.
    QCOMPARE(withoutSpace(doc(w.view)->toPlainText()), withoutSpace(renderedAtOnce(answer)));
    w.view.appendTokens(u"late token"_s);  // still queued when the stream was stopped
    QCOMPARE(w.view.plainText(), answer);
}

void TestAnswerView::finishedBlocksRenderWhileTheTailStaysPlain()
{
    Window w;
    QVERIFY(w.ready());
    w.view.beginAnswer();
    for (const QString &t : {u"## Next "_s, u"steps\n"_s, u"Call **Zoë "_s, u"Müller** today.\n\n"_s,
                             u"1. Send the offer\n2. Book a demo\n\n"_s, u"```cpp\nint total = 0;\n"_s,
                             u"```\n\nStill *going"_s, u"* on"_s})
        w.view.appendTokens(t);
    QTRY_VERIFY_WITH_TIMEOUT(w.view.flushCount() > 0, 5000);

    QCOMPARE(blockContaining(w.view, u"steps"_s).blockFormat().headingLevel(), 2);
    QVERIFY(formatAt(w.view, u"Zoë"_s).fontWeight() >= QFont::Bold);
    QVERIFY(formatAt(w.view, u"today"_s).fontWeight() < QFont::Bold);
    QVERIFY(!blockContaining(w.view, u"**"_s).isValid() || blockContaining(w.view, u"**"_s).text().startsWith(u"Still"_s));
    QVERIFY(blockContaining(w.view, u"Send the offer"_s).textList());
    QCOMPARE(blockContaining(w.view, u"Send the offer"_s).textList(), blockContaining(w.view, u"Book a demo"_s).textList());
    const QTextBlock code = blockContaining(w.view, u"int total = 0;"_s);
    QVERIFY(code.blockFormat().hasProperty(QTextFormat::BlockCodeFence));
    QVERIFY(QFontInfo(formatAt(w.view, u"total"_s).font()).fixedPitch());
    QVERIFY(!blockContaining(w.view, u"```"_s).isValid());  // the fence markers are gone
    // The open paragraph is still the raw text, markers and all.
    QCOMPARE(doc(w.view)->lastBlock().text(), u"Still *going* on"_s);
    QVERIFY(!formatAt(w.view, u"going"_s).fontItalic());

    w.view.finishAnswer();
    QCOMPARE(doc(w.view)->lastBlock().text(), u"Still going on"_s);
    QVERIFY(formatAt(w.view, u"going"_s).fontItalic());

    // The next answer starts empty; one ending inside an unclosed fence renders as code when finished.
    w.view.beginAnswer();
    w.view.appendTokens(u"```\nx = 1"_s);
    w.view.finishAnswer();
    QCOMPARE(w.view.plainText(), u"```\nx = 1"_s);
    QCOMPARE(doc(w.view)->toPlainText().trimmed(), u"x = 1"_s);
    QVERIFY(doc(w.view)->lastBlock().blockFormat().hasProperty(QTextFormat::BlockCodeFence));
}

void TestAnswerView::failureKeepsThePartialTextAndSaysWhy()
{
    Window w;
    QVERIFY(w.ready());
    QSignalSpy failed(&w.view, &AnswerView::answerFailed);
    w.view.beginAnswer();
    const QStringList tokens = rapport::test::MarkdownAnswer(7).tokens(3000);
    QVERIFY(stream(w.view, tokens, 50));
    w.view.failAnswer(u"Fireworks closed the connection (HTTP 502)"_s);

    QCOMPARE(w.view.state(), AnswerView::State::Failed);
    QCOMPARE(w.view.plainText(), tokens.join(QString()));
    QCOMPARE(failed.count(), 1);
    const QString shown = doc(w.view)->toPlainText();
    QVERIFY(withoutSpace(shown).contains(withoutSpace(renderedAtOnce(tokens.join(QString())))));
    QVERIFY(shown.contains(u"Fireworks closed the connection (HTTP 502)"_s));
    // The reason sits in a framed notice after the text, scrolled into view.
    const QTextBlock reason = blockContaining(w.view, u"HTTP 502"_s);
    QTextFrame *notice = doc(w.view)->frameAt(reason.position());
    QVERIFY(notice && notice != doc(w.view)->rootFrame() && !qobject_cast<QTextTable *>(notice));
    QVERIFY(notice->frameFormat().border() > 0);
    QCOMPARE(doc(w.view)->rootFrame()->childFrames().constLast(), notice);
    QTextCursor at(reason);
    QVERIFY(w.view.textView()->viewport()->rect().contains(w.view.textView()->cursorRect(at)));
    w.view.appendTokens(u"more"_s);
    QCOMPARE(w.view.plainText(), tokens.join(QString()));
}

void TestAnswerView::followsTheEndUnlessTheUserScrolledUp()
{
    Window w;
    QVERIFY(w.ready());
    rapport::test::MarkdownAnswer answer(3);
    w.view.beginAnswer();
    QVERIFY(stream(w.view, answer.tokens(2000), 20));
    QTRY_VERIFY(w.bar()->maximum() > 0);
    QTRY_COMPARE(w.bar()->value(), w.bar()->maximum());
    QVERIFY(w.view.isPinnedToBottom());

    // The user scrolls up with the mouse wheel: new text must not move what they are reading.
    QWheelEvent up(QPointF(50, 50), w.view.mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, 5 * 120),
                   Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w.view.textView()->viewport(), &up);
    const int readingAt = w.bar()->value();
    QVERIFY(readingAt < w.bar()->maximum());
    QVERIFY(!w.view.isPinnedToBottom());
    const int maxBefore = w.bar()->maximum();
    QVERIFY(stream(w.view, answer.tokens(1000), 20));
    QTRY_VERIFY(w.bar()->maximum() > maxBefore);
    QCOMPARE(w.bar()->value(), readingAt);

    // Back at the bottom (dragging the handle down), the view follows again.
    w.bar()->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(w.view.isPinnedToBottom());
    const int maxAtBottom = w.bar()->maximum();
    QVERIFY(stream(w.view, answer.tokens(1000), 20));
    QTRY_VERIFY(w.bar()->maximum() > maxAtBottom);
    QTRY_COMPARE(w.bar()->value(), w.bar()->maximum());
    w.view.finishAnswer();
    QCOMPARE(w.bar()->value(), w.bar()->maximum());
}

void TestAnswerView::tokensAreBatchedPerFrame()
{
    Window w;
    QVERIFY(w.ready());
    // Counts paints of the text area: each flush should cost one paint, not one per token.
    struct PaintCounter : QObject {
        int paints = 0;
        bool eventFilter(QObject *, QEvent *e) override
        {
            paints += e->type() == QEvent::Paint;
            return false;
        }
    } counter;
    w.view.textView()->viewport()->installEventFilter(&counter);
    QSignalSpy flushed(&w.view, &AnswerView::flushed);

    w.view.beginAnswer();
    const QStringList tokens = rapport::test::MarkdownAnswer(11).tokens(5000);
    const int perTick = 5;  // about 5 tokens a millisecond: the target rate
    QVERIFY(stream(w.view, tokens, perTick));
    QTRY_COMPARE(w.view.flushCount(), flushed.count());
    QVERIFY2(doc(w.view)->characterCount() > 1000, "text is visible before the answer finishes");
    w.view.finishAnswer();

    qInfo("%d tokens, %d flushes, %d paints", w.view.tokenCount(), w.view.flushCount(), counter.paints);
    // Each flush needs at least one delivery in between, so any batching view stays within tokens/perTick
    // however slow the machine; one insert per token would not. (Usually it is about one in 16 ticks.)
    QVERIFY(w.view.flushCount() >= 2);
    QVERIFY(w.view.flushCount() <= tokens.size() / perTick);
    QVERIFY(counter.paints <= tokens.size() / perTick);
    QCOMPARE(flushed.last().first().toInt(), tokens.size());
}

QTEST_MAIN(TestAnswerView)
#include "test_answer_view.moc"
