// "Explain with AI" and "Draft Email…" from the Contacts and Companies pages, as a user reaches them:
// select a row, press the shortcut (or use the toolbar), and land on Chat or Drafts with the work
// started. Real window offscreen, real gateway, the provider played by the fake server on loopback.

#include <QAction>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

#include "chat/chatpage.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagewidget.h"
#include "chat/transcriptview.h"
#include "companies/companiespage.h"
#include "contacts/contactspage.h"
#include "drafts/drafteditor.h"
#include "drafts/draftspage.h"
#include "fakes/fake_openai_server.h"
#include "fakes/fake_sse.h"
#include "mainwindow.h"
#include "secrets/memory_secret_store.h"
#include "shared/pagedjsonmodel.h"
#include "shared/recordpicker.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;
using rapport::ui::MainWindow;

namespace {

const QByteArray kKey = "actions-key";

struct Window {
    explicit Window(TestProfile &profile) : window(profile.client(), profile.settings(), secrets)
    {
        window.show();
        window.activateWindow();
    }
    bool ready()
    {
        return QTest::qWaitForWindowActive(&window) && QTest::qWaitFor([&] { return window.isFirstPageShown(); });
    }
    QAction *action(const QString &text)
    {
        for (QAction *a : window.findChildren<QAction *>())
            if (a->text().remove(u'&') == text)
                return a;
        return nullptr;
    }
    QWidget *currentPage() { return window.findChild<QStackedWidget *>()->currentWidget(); }
    rapport::MemorySecretStore secrets;
    MainWindow window;
};

bool selectFirstRow(ui::RecordPage &page)
{
    if (!QTest::qWaitFor([&] { return page.model()->rowCount() > 0; }))
        return false;
    page.table()->setFocus();
    page.table()->selectRow(0);
    return !page.selectedId().isEmpty();
}

} // namespace

class TestRecordAiActions : public QObject {
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

    void explainAContactOpensChatWithTheAnswerStreaming()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        const auto contact = profile.addContact({{"name", "Zoë Ångström"}, {"notes", "Wants a pilot in März 🚀"}});
        m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"Zoë is "_s, u"a buyer."_s})));
        Window w(profile);
        QVERIFY(w.ready());
        QAction *explain = w.action(u"Explain with AI"_s);
        QVERIFY(explain);
        QVERIFY(selectFirstRow(*w.window.contactsPage()));
        QVERIFY(explain->isEnabled());
        QVERIFY(w.action(u"Draft Email…"_s)->isEnabled());

        QTest::keyClick(w.window.contactsPage()->table(), Qt::Key_E, Qt::ControlModifier);
        ui::ChatPage *chat = w.window.chatPage();
        QCOMPARE(w.currentPage(), chat);
        QVERIFY(QTest::qWaitFor([&] { return !chat->isStreaming() && !chat->conversationId().isEmpty(); }, 20000));
        const auto messages = chat->transcript()->messages();
        QVERIFY(!messages.isEmpty());
        QVERIFY(messages.last()->text().contains(u"Zoë is a buyer."_s));
        // The provider was given the record: the grounding names the contact and its notes.
        const auto &sent = m_server.requests().last().json["messages"];
        QVERIFY(sent.dump().find("Zoë Ångström") != std::string::npos);
        QVERIFY(sent.dump().find("März 🚀") != std::string::npos);
    }

    void explainACompanyFromItsPage()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        profile.addCompany({{"name", "Müller & Söhne GmbH"}});
        m_server.enqueue(fakes::FakeReply::stream(fakes::sse::completion({u"A family firm."_s})));
        Window w(profile);
        QVERIFY(w.ready());
        w.window.showPage(w.window.companiesPage());
        QVERIFY(selectFirstRow(*w.window.companiesPage()));
        QVERIFY(!w.action(u"Draft Email…"_s)->isEnabled());  // companies have no address of their own
        w.action(u"Explain with AI"_s)->trigger();
        QCOMPARE(w.currentPage(), w.window.chatPage());
        QVERIFY(QTest::qWaitFor([&] { return !w.window.chatPage()->isStreaming(); }, 20000));
        QVERIFY(m_server.requests().last().json["messages"].dump().find("Müller & Söhne GmbH") != std::string::npos);
    }

    void draftEmailOpensTheComposerAddressedToTheContact()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        profile.addContact({{"name", "李小龍"}, {"emails", {{{"address", "lee@example.cn"}}, {{"address", "b@x.cn"}}}}});
        Window w(profile);
        QVERIFY(w.ready());
        QVERIFY(selectFirstRow(*w.window.contactsPage()));
        QAction *draft = w.action(u"Draft Email…"_s);
        QVERIFY(draft && draft->isEnabled());
        QTest::keyClick(w.window.contactsPage()->table(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        ui::DraftEditor *editor = w.window.draftsPage()->draftEditor();
        QVERIFY(QTest::qWaitFor([&] { return w.currentPage() == w.window.draftsPage() && editor->hasRecord(); }));
        QVERIFY(editor->isNew());
        QCOMPARE(editor->findChild<QLineEdit *>(u"to"_s)->text(), u"lee@example.cn"_s);
        QCOMPARE(editor->findChild<ui::RecordPicker *>()->recordId(), w.window.contactsPage()->selectedId());
    }

    void actionsAreOffWithoutASelectionOrOnOtherPages()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        Window w(profile);
        QVERIFY(w.ready());
        QVERIFY(!w.action(u"Explain with AI"_s)->isEnabled());  // no contacts, nothing selected
        w.window.showPage(w.window.chatPage());
        QVERIFY(!w.action(u"Explain with AI"_s)->isEnabled());
        QVERIFY(!w.action(u"Draft Email…"_s)->isEnabled());
    }
};

QTEST_MAIN(TestRecordAiActions)
#include "test_record_ai_actions.moc"
