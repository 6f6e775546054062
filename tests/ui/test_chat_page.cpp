// The Chat page as a sales person uses it: real widgets, offscreen, on a real gateway and profile, with
// the AI provider played by the fake OpenAI-compatible server on loopback.

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTextBrowser>
#include <QtTest>

#include "ai/conversations.h"
#include "chat/answerview.h"
#include "chat/chatinput.h"
#include "chat/chatpage.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagewidget.h"
#include "chat/markdownblocks.h"
#include "chat/transcriptview.h"
#include "fakes/fake_openai_server.h"
#include "fakes/fake_sse.h"
#include "store/store.h"
#include "support/jcompare.h"
#include "support/markdown_answer.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;
using rapport::ui::ChatPage;
using rapport::ui::MessageWidget;

namespace {

constexpr int kStreamTimeoutMs = 20000;
const QByteArray kKey = "chat-page-key";

// The page in a shown, active window, so that its shortcuts (Esc) work.
struct Page {
    explicit Page(TestProfile &profile) : page(profile.client())
    {
        page.resize(1000, 700);
        page.show();
        page.activateWindow();
    }
    bool ready() { return QTest::qWaitForWindowActive(&page); }
    QList<MessageWidget *> messages() { return page.transcript()->messages(); }
    MessageWidget *last() { return messages().isEmpty() ? nullptr : messages().last(); }
    // The document starts with an empty anchor block (see AnswerView::resetDocument).
    QString shownText(MessageWidget *m) { return m->body()->textView()->document()->toPlainText().trimmed(); }
    void ask(const QString &text)
    {
        page.input()->setFocus();
        page.input()->setPlainText(text);
        QTest::keyClick(page.input(), Qt::Key_Return);
    }
    bool settled() { return QTest::qWaitFor([&] { return !page.isStreaming(); }, kStreamTimeoutMs); }
    ChatPage page;
};

QString withoutSpace(QString s)
{
    s.removeIf([](QChar c) { return c.isSpace() || c == QChar::LineSeparator || c == QChar::ParagraphSeparator; });
    return s;
}

QString renderedAtOnce(const QString &markdown)
{
    QTextDocument reference;
    reference.setMarkdown(ui::documentText(markdown), QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub)
                                                          | QTextDocument::MarkdownNoHTML);
    return reference.toPlainText();
}

} // namespace

class TestChatPage : public QObject {
    Q_OBJECT
    fakes::FakeOpenAiServer m_server;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.setExpectedApiKey(kKey);
        qputenv("RAPPORT_AI_BASE_URL", m_server.baseUrl().toString().toUtf8());
        qputenv("RAPPORT_AI_API_KEY", kKey);
    }

    void longAnswerStreamsIntoTheTranscriptAndListsTheConversation();
    void stopKeepsThePartialAnswerMarkedAsStopped();
    void failedAnswerKeepsItsTextAndRetryAsksAgain_data();
    void failedAnswerKeepsItsTextAndRetryAsksAgain();
    void noApiKeyOffersSettings();
    void reopenedConversationShowsItsHistoryWithoutSystemMessages();
    void closingThePageCancelsItsStream();
};

void TestChatPage::longAnswerStreamsIntoTheTranscriptAndListsTheConversation()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    const QStringList pieces = test::MarkdownAnswer(11, test::MarkdownAnswer::Script::Latin).tokens(3000);
    const QString answer = pieces.join(QString());
    m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion(pieces)));
    Page p(profile);
    QVERIFY(p.ready());
    QCOMPARE(p.page.transcript()->emptyState()->isVisible(), true);

    p.ask(u"Wie begrüße ich Zoë Ångström?"_s);
    QVERIFY(p.page.isStreaming());
    QVERIFY(!p.page.sendButton()->isEnabled());
    QVERIFY(p.page.stopButton()->isEnabled());
    QVERIFY(!p.page.conversationList()->isEnabled());
    QCOMPARE(p.page.input()->toPlainText(), QString());
    QVERIFY(p.settled());

    QCOMPARE(p.messages().size(), 2);
    QCOMPARE(p.messages()[0]->role(), MessageWidget::Role::User);
    QCOMPARE(p.shownText(p.messages()[0]), u"Wie begrüße ich Zoë Ångström?"_s);
    MessageWidget *reply = p.last();
    QCOMPARE(reply->role(), MessageWidget::Role::Assistant);
    QVERIFY(!reply->isIncomplete());
    QCOMPARE(reply->text(), answer);
    QCOMPARE(withoutSpace(p.shownText(reply)), withoutSpace(renderedAtOnce(answer)));
    QVERIFY(!p.page.transcript()->emptyState()->isVisible());
    QVERIFY(p.page.transcript()->isPinnedToBottom());
    QVERIFY(p.page.statsLabel()->text().contains(u"tokens/s"_s));
    QVERIFY(p.page.statsLabel()->text().contains(u"llama-v3p1-8b-instruct"_s));

    // The new conversation is listed, selected, and the page continues it.
    QTRY_COMPARE(p.page.conversations()->rowCount(), 1);
    QCOMPARE(p.page.conversations()->index(0).data().toString(), u"Wie begrüße ich Zoë Ångström?"_s);
    QCOMPARE(p.page.conversationList()->currentIndex().row(), 0);
    QCOMPARE(p.page.conversationId(), p.page.conversations()->idAt(0));

    QTest::mouseClick(p.page.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), answer);

    m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Gern "_s, u"geschehen."_s})));
    p.ask(u"Danke!"_s);
    QVERIFY(p.settled());
    QCOMPARE(p.messages().size(), 4);
    QCOMPARE(p.last()->text(), u"Gern geschehen."_s);
    QCOMPARE(m_server.requests().back().json["messages"].size(), 3u);  // the whole conversation went out
    QTRY_COMPARE(p.page.conversations()->rowCount(), 1);
}

void TestChatPage::stopKeepsThePartialAnswerMarkedAsStopped()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    fakes::FakeReply slow = fakes::FakeReply::stream(
        fakes::sse::completion({u"Erstens "_s, u"zweitens "_s, u"drittens "_s, u"viertens "_s, u"fünftens "_s,
                                u"sechstens "_s, u"siebtens "_s, u"achtens"_s}));
    slow.pauseMs = 300;
    m_server.enqueue(slow);
    const int disconnectsBefore = m_server.disconnectsMidReply();
    Page p(profile);
    QVERIFY(p.ready());

    p.ask(u"Zähl bis acht"_s);
    QTRY_VERIFY_WITH_TIMEOUT(p.last() && !p.last()->text().isEmpty(), kStreamTimeoutMs);
    QTest::keyClick(p.page.input(), Qt::Key_Escape);
    QVERIFY(p.settled());
    QTRY_VERIFY_WITH_TIMEOUT(m_server.disconnectsMidReply() > disconnectsBefore, kStreamTimeoutMs);

    MessageWidget *reply = p.last();
    QVERIFY(reply->isIncomplete());
    QVERIFY(reply->text().startsWith(u"Erstens "_s));
    QVERIFY(!reply->text().contains(u"achtens"_s));
    QCOMPARE(reply->body()->failureReason(), u"You stopped the answer."_s);
    QVERIFY(p.shownText(reply).contains(u"You stopped the answer."_s));
    QTRY_VERIFY(reply->retryButton()->isVisible());
    QVERIFY(p.page.sendButton()->isEnabled() == false);  // the input is empty
    QVERIFY(!p.page.stopButton()->isEnabled());
    QVERIFY(p.page.regenerateButton()->isEnabled());

    // The stopped conversation is the page's own now, and stored with the partial text.
    QTRY_COMPARE(p.page.conversations()->rowCount(), 1);
    QTRY_COMPARE(p.page.conversationId(), p.page.conversations()->idAt(0));
    const nlohmann::json stored = profile.get("/ai/conversations/" + p.page.conversationId().toStdString());
    JCOMPARE(stored["messages"][1]["status"], "partial");
    JCOMPARE(stored["messages"][1]["content"], reply->text().toStdString());
}

void TestChatPage::failedAnswerKeepsItsTextAndRetryAsksAgain_data()
{
    QTest::addColumn<bool>("inStreamError");
    QTest::addColumn<QString>("reason");
    QTest::newRow("truncated stream") << false << u"The answer was cut off before it finished."_s;
    QTest::newRow("error inside the stream") << true << u"The AI provider reported an error while answering."_s;
}

void TestChatPage::failedAnswerKeepsItsTextAndRetryAsksAgain()
{
    QFETCH(bool, inStreamError);
    QFETCH(QString, reason);
    TestProfile profile;
    QVERIFY(profile.isOpen());
    fakes::FakeReply broken = fakes::FakeReply::stream(fakes::sse::completion({u"Erster Teil, "_s, u"zweiter"_s}));
    broken.chunks = broken.chunks.mid(0, 3);  // role + two content chunks
    if (inStreamError)
        broken.chunks.append(fakes::sse::event(fakes::sse::errorChunk(u"model crashed"_s)));
    else
        broken.truncate = true;
    m_server.enqueue(broken);
    Page p(profile);
    QVERIFY(p.ready());

    p.ask(u"Schreib etwas"_s);
    QVERIFY(p.settled());
    MessageWidget *failed = p.last();
    QVERIFY(failed->isIncomplete());
    QCOMPARE(failed->text(), u"Erster Teil, zweiter"_s);
    QVERIFY(failed->body()->failureReason().startsWith(reason));
    QVERIFY(p.shownText(failed).contains(u"Erster Teil, zweiter"_s));
    QTRY_VERIFY(failed->retryButton()->isVisible());

    // Retry asks the same question again in the same conversation, against a provider that answers.
    QTRY_VERIFY(!p.page.conversationId().isEmpty());
    const QString conversation = p.page.conversationId();
    m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Jetzt "_s, u"vollständig."_s})));
    QTest::mouseClick(failed->retryButton(), Qt::LeftButton);
    QVERIFY(p.settled());
    QCOMPARE(p.messages().size(), 4);
    QCOMPARE(p.messages()[2]->text(), u"Schreib etwas"_s);
    QCOMPARE(p.last()->text(), u"Jetzt vollständig."_s);
    QVERIFY(!p.last()->isIncomplete());
    QVERIFY(failed->retryButton()->isHidden());  // Retry belongs to the latest answer
    QCOMPARE(p.page.conversationId(), conversation);
    const auto &sent = m_server.requests().back().json["messages"];
    QCOMPARE(sent.size(), 3u);
    JCOMPARE(sent[2]["content"], "Schreib etwas");
}

void TestChatPage::noApiKeyOffersSettings()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    const QByteArray base = qgetenv("RAPPORT_AI_BASE_URL");
    qunsetenv("RAPPORT_AI_BASE_URL");  // the default hosted provider needs a key
    qunsetenv("RAPPORT_AI_API_KEY");
    Page p(profile);
    QVERIFY(p.ready());
    QSignalSpy settingsRequested(&p.page, &ChatPage::settingsRequested);

    p.ask(u"Hallo"_s);
    const bool settled = p.settled();
    qputenv("RAPPORT_AI_BASE_URL", base);
    qputenv("RAPPORT_AI_API_KEY", kKey);
    QVERIFY(settled);
    QVERIFY(p.page.noticeLabel()->isVisible());
    QVERIFY(p.page.noticeLabel()->text().contains(u"API key"_s));
    QVERIFY(p.page.openSettingsButton()->isVisible());
    QVERIFY(p.messages().isEmpty());  // nothing was asked
    QCOMPARE(p.page.input()->toPlainText(), u"Hallo"_s);  // the question is not lost
    QTest::mouseClick(p.page.openSettingsButton(), Qt::LeftButton);
    QCOMPARE(settingsRequested.count(), 1);

    // With a key the same question goes through and the notice goes away.
    m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Hallo!"_s})));
    QTest::mouseClick(p.page.sendButton(), Qt::LeftButton);
    QVERIFY(p.settled());
    QVERIFY(!p.page.noticeLabel()->isVisible());
    QCOMPARE(p.last()->text(), u"Hallo!"_s);
}

void TestChatPage::reopenedConversationShowsItsHistoryWithoutSystemMessages()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    // An explained record's conversation: a hidden system message first, then questions and answers.
    const std::string id = "01936f4e-0000-7000-8000-0000000000c1";
    auto seeded = profile.gateway().store().write<bool>([&](WriteTxn &txn) -> Result<bool> {
        QSqlQuery &c = txn.conn.prepare(u"INSERT INTO conversations(id, title, created_at, updated_at) "
                                        "VALUES (?, 'Über Anna', ?, ?)"_s);
        c.bindValue(0, QString::fromStdString(id));
        c.bindValue(1, txn.nowMs);
        c.bindValue(2, txn.nowMs);
        if (auto e = exec(c, "seeding"); !e)
            return std::move(e).error();
        QSqlQuery &m = txn.conn.prepare(u"INSERT INTO messages(id, conversation_id, role, content, created_at) "
                                        "VALUES ('01936f4e-0000-7000-8000-0000000000c2', ?, 'system', "
                                        "'SECRET GROUNDING', ?)"_s);
        m.bindValue(0, QString::fromStdString(id));
        m.bindValue(1, txn.nowMs);
        if (auto e = exec(m, "seeding"); !e)
            return std::move(e).error();
        return true;
    });
    QVERIFY(seeded);
    ai::Conversations &store = profile.gateway().conversations();
    QVERIFY(store.addUserMessage(id, "Wer ist Anna?"));
    ai::AnswerRecord first{id, "Anna ist **Einkäuferin**.", "complete", {}, "acme/models/small", 12, 5, 321, 42.5};
    QVERIFY(store.addAnswer(first));
    QVERIFY(store.addUserMessage(id, "Und ihre Firma?"));
    ai::AnswerRecord second{id, "Sie arbeitet bei", "partial", "The answer was cut off before it finished.",
                            "acme/models/small", -1, -1, -1, 0};
    QVERIFY(store.addAnswer(second));

    Page p(profile);
    QVERIFY(p.ready());
    QTRY_COMPARE(p.page.conversations()->rowCount(), 1);
    p.page.conversationList()->setCurrentIndex(p.page.conversations()->index(0));
    QTRY_COMPARE(p.messages().size(), 4);
    QCOMPARE(p.page.conversationId(), QString::fromStdString(id));
    for (MessageWidget *m : p.messages())
        QVERIFY(!p.shownText(m).contains(u"SECRET"_s));
    QCOMPARE(p.shownText(p.messages()[0]), u"Wer ist Anna?"_s);
    QCOMPARE(p.shownText(p.messages()[1]), u"Anna ist Einkäuferin."_s);  // Markdown rendered
    QVERIFY(!p.messages()[1]->isIncomplete());
    QVERIFY(p.last()->isIncomplete());
    QVERIFY(p.shownText(p.last()).contains(u"The answer was cut off before it finished."_s));
    QTRY_VERIFY(p.last()->retryButton()->isVisible());
    QVERIFY(p.messages()[1]->retryButton()->isHidden());
    QVERIFY(p.page.statsLabel()->text().contains(u"small"_s));

    // Edit puts an earlier question back into the input; sending adds it to the same conversation.
    QTest::mouseClick(p.messages()[0]->editButton(), Qt::LeftButton);
    QCOMPARE(p.page.input()->toPlainText(), u"Wer ist Anna?"_s);
    p.page.input()->setPlainText(u"Wer ist Anna genau?"_s);
    m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Die Einkäuferin."_s})));
    QTest::keyClick(p.page.input(), Qt::Key_Return);
    QVERIFY(p.settled());
    QCOMPARE(p.messages().size(), 6);
    const auto &sent = m_server.requests().back().json["messages"];
    JCOMPARE(sent[0]["role"], "system");  // the model still gets the grounding
    JCOMPARE(sent.back()["content"], "Wer ist Anna genau?");
    QCOMPARE(p.page.conversationId(), QString::fromStdString(id));

    // New chat empties the transcript; choosing the conversation again brings it all back.
    QTest::keyClick(p.page.input(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(p.messages().isEmpty());
    QVERIFY(p.page.conversationId().isEmpty());
    QVERIFY(!p.page.conversationList()->currentIndex().isValid());
    p.page.conversationList()->setCurrentIndex(p.page.conversations()->index(0));
    QTRY_COMPARE(p.messages().size(), 6);
}

void TestChatPage::closingThePageCancelsItsStream()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    fakes::FakeReply slow = fakes::FakeReply::stream(fakes::sse::completion({u"eins "_s, u"zwei "_s, u"drei "_s, u"vier"_s}));
    slow.pauseMs = 300;
    m_server.enqueue(slow);
    const int disconnectsBefore = m_server.disconnectsMidReply();
    {
        Page p(profile);
        QVERIFY(p.ready());
        p.ask(u"Zähl"_s);
        QTRY_VERIFY_WITH_TIMEOUT(p.last() && !p.last()->text().isEmpty(), kStreamTimeoutMs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_server.disconnectsMidReply() > disconnectsBefore, kStreamTimeoutMs);
}

QTEST_MAIN(TestChatPage)
#include "test_chat_page.moc"
