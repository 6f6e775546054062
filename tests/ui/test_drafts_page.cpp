// The Drafts page as a sales person uses it: pick a contact, say what the email is for, "Draft with AI"
// streams subject and body into the composer (against the fake provider on loopback), the draft is
// saved locally, edited and saved again; Stop and failures keep what was written.

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "drafts/aidrafter.h"
#include "drafts/drafteditor.h"
#include "drafts/draftspage.h"
#include "fakes/fake_openai_server.h"
#include "fakes/fake_sse.h"
#include "shared/pagedjsonmodel.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::fakes::FakeReply;
using rapport::test::TestProfile;
using rapport::ui::DraftEditor;
using rapport::ui::DraftsPage;

namespace {

constexpr QByteArrayView kKey = "draft-test-key";

struct Composer {
    explicit Composer(TestProfile &profile) : page(profile.client(), undo)
    {
        page.resize(1100, 760);
        page.show();
        page.start();
    }
    DraftEditor &editor() { return *page.draftEditor(); }
    template <class T> T *field(const QString &name) { return editor().findChild<T *>(name); }
    QLineEdit *line(const QString &field) { return editor().findChild<QLineEdit *>(field); }
    QString status() { return field<QLabel>(u"aiStatus"_s)->text(); }
    void draftFor(const nlohmann::json &contact, const QString &intent, const QString &ownSubject = {})
    {
        editor().startForContact(QString::fromStdString(contact["id"].get<std::string>()),
                                 QString::fromStdString(contact["name"].get<std::string>()),
                                 QString::fromStdString(contact["emails"][0]["address"].get<std::string>()));
        line(u"subject"_s)->setText(ownSubject);
        line(u"intent"_s)->setText(intent);
        QTest::mouseClick(field<QPushButton>(u"draftWithAi"_s), Qt::LeftButton);
    }
    QUndoStack undo;
    DraftsPage page;
};

nlohmann::json someone(TestProfile &profile)
{
    return profile.addContact({{"name", "Søren Ørsted 🇩🇰"}, {"emails", {{{"address", "soren@example.dk"}}}}});
}

} // namespace

class TestDraftsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.setExpectedApiKey(kKey.toByteArray());
        qputenv("RAPPORT_AI_BASE_URL", m_server.baseUrl().toString().toUtf8());
        qputenv("RAPPORT_AI_API_KEY", kKey.toByteArray());
    }

    void aiDraftStreamsIntoTheComposerAndIsSavedLocally()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        const auto contact = someone(profile);
        m_server.enqueue(FakeReply::stream(fakes::sse::completion(
            {u"Subject: Thanks for "_s, u"the demo, Søren\n\nHej Søren,\n\n"_s, u"thank you for your time 🙏.\n"_s,
             u"Best,\nAlex"_s})));
        Composer c(profile);
        c.draftFor(contact, u"Thank him for the demo"_s);
        QTRY_VERIFY(c.status().contains(u"saved"_s));
        QCOMPARE(c.line(u"subject"_s)->text(), u"Thanks for the demo, Søren"_s);
        QCOMPARE(c.field<QPlainTextEdit>(u"body"_s)->toPlainText(), u"Hej Søren,\n\nthank you for your time 🙏.\nBest,\nAlex"_s);
        QCOMPARE(c.line(u"to"_s)->text(), u"soren@example.dk"_s);
        QVERIFY(!c.editor().isDirty());  // what is shown is what was saved
        QTRY_COMPARE(c.page.model()->rowCount(), 1);

        // The request carried the intent and the contact's name, and asked to stream.
        const auto &sent = m_server.requests().last().json;
        QVERIFY(sent.dump().find("Thank him for the demo") != std::string::npos);
        QVERIFY(sent.dump().find("Søren Ørsted") != std::string::npos);

        // The user edits and saves: a local write, no network involved.
        auto *body = c.field<QPlainTextEdit>(u"body"_s);
        body->appendPlainText(u"P.S. Slides attached."_s);
        QVERIFY(c.editor().isDirty());
        QVERIFY(c.page.save());
        QTRY_VERIFY(!c.editor().isDirty());
        const auto drafts = profile.get("/drafts");
        QCOMPARE(drafts["items"].size(), std::size_t(1));
        QVERIFY(drafts["items"][0]["body"].get<std::string>().find("P.S. Slides attached.") != std::string::npos);
        QCOMPARE(drafts["items"][0]["subject"].get<std::string>(), std::string("Thanks for the demo, Søren"));
    }

    void stopKeepsWhatWasWritten()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        const auto contact = someone(profile);
        QStringList pieces{u"Subject: Next steps\n\n"_s};
        for (int i = 0; i < 200; ++i)
            pieces << u"word%1 "_s.arg(i);
        FakeReply slow = FakeReply::stream(fakes::sse::completion(pieces));
        slow.pauseMs = 30;
        m_server.enqueue(slow);
        Composer c(profile);
        c.draftFor(contact, u"Propose next steps"_s);
        auto *body = c.field<QPlainTextEdit>(u"body"_s);
        QTRY_VERIFY(body->toPlainText().contains(u"word3 "_s));
        QVERIFY(body->isReadOnly());  // the AI is writing
        QTest::mouseClick(c.field<QPushButton>(u"stopAi"_s), Qt::LeftButton);
        QTRY_VERIFY(c.status().contains(u"Stopped"_s));
        QTRY_VERIFY(!c.page.drafter()->isRunning());
        QVERIFY(!body->isReadOnly());
        QVERIFY(body->toPlainText().startsWith(u"word0 word1 word2 word3 "_s));
        QVERIFY(!body->toPlainText().contains(u"word199"_s));
        QCOMPARE(c.line(u"subject"_s)->text(), u"Next steps"_s);
        QTRY_COMPARE(m_server.disconnectsMidReply(), 1);  // the upstream request was aborted
    }

    void failureShowsWhyAndKeepsTheUsersText()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        const auto contact = someone(profile);
        m_server.enqueue(FakeReply::error(401, u"Invalid API key"_s));
        Composer c(profile);
        c.draftFor(contact, u"Say hello"_s, u"My own subject"_s);
        QTRY_VERIFY(!c.page.drafter()->isRunning());
        QTRY_VERIFY(!c.status().isEmpty());
        QVERIFY2(c.status().contains(u"key"_s, Qt::CaseInsensitive), qPrintable(c.status()));
        QCOMPARE(c.line(u"subject"_s)->text(), u"My own subject"_s);  // nothing arrived: the text is back
    }

    void missingIntentIsAskedForBeforeAnyRequest()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        const auto contact = someone(profile);
        const auto before = m_server.requests().size();
        Composer c(profile);
        c.draftFor(contact, QString());
        auto *error = c.editor().findChild<QLabel *>(u"error:intent"_s);
        QVERIFY(error);
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(m_server.requests().size(), before);
    }

private:
    fakes::FakeOpenAiServer m_server;
};

QTEST_MAIN(TestDraftsPage)
#include "test_drafts_page.moc"
