// The composer's Send and Save to Gmail Drafts as a user meets them, against the fake Gmail on
// loopback: sent (the MIME Gmail got carries the draft), saved as a Gmail draft, waiting in the
// outbox while Gmail is down (the status bar counts it), and the reason when Gmail is not connected.

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>

#include "drafts/drafteditor.h"
#include "drafts/draftspage.h"
#include "drafts/gmailsendbar.h"
#include "drafts/outboxpump.h"
#include "secrets/memory_secret_store.h"
#include "shared/pagedjsonmodel.h"
#include "support/gmail_test_account.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;

namespace {

struct Composer {
    explicit Composer(TestProfile &profile) : page(profile.client(), undo)
    {
        page.resize(1100, 760);
        page.show();
        page.start();
    }
    ui::DraftEditor &editor() { return *page.draftEditor(); }
    QString status() { return editor().findChild<QLabel *>(u"gmailSendStatus"_s)->text(); }
    void write(const nlohmann::json &contact, const QString &subject, const QString &body)
    {
        editor().startForContact(QString::fromStdString(contact["id"].get<std::string>()), u"Søren"_s,
                                 QString::fromStdString(contact["emails"][0]["address"].get<std::string>()));
        editor().findChild<QLineEdit *>(u"subject"_s)->setText(subject);
        editor().findChild<QPlainTextEdit *>(u"body"_s)->setPlainText(body);
    }
    void click(const char *button) { QTest::mouseClick(editor().findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton); }
    QUndoStack undo;
    ui::DraftsPage page;
};

nlohmann::json someone(TestProfile &profile)
{
    return profile.addContact({{"name", "Søren Ørsted"}, {"emails", {{{"address", "soren@example.dk"}}}}});
}

} // namespace

class TestDraftsGmail : public QObject {
    Q_OBJECT
    fakes::FakeGoogleServer m_google;

private slots:
    void initTestCase()
    {
        QVERIFY(m_google.listen());
        test::useFakeGoogle(m_google);
    }

    void sendSavesThenSendsAndTheDraftIsMarkedSent()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen() && test::connectFakeGmail(profile.gateway(), m_google, u"anna@example.com"_s));
        Composer c(profile);
        c.write(someone(profile), u"Angebot für Ørsted 🚀"_s, u"Hej Søren,\n\nanbei das Angebot."_s);
        const int before = int(m_google.received().size());
        c.click("sendDraft");  // the new draft is saved first, then sent
        QTRY_COMPARE_WITH_TIMEOUT(c.status(), u"Sent."_s, 15000);
        QCOMPARE(int(m_google.received().size()), before + 1);
        const QByteArray mime = m_google.received().last().mime;
        QVERIFY(mime.contains("To: soren@example.dk"));
        QVERIFY(mime.contains("From: anna@example.com"));
        QVERIFY(mime.contains("Subject: =?UTF-8?B?"));  // the non-ASCII subject as encoded-words
        QTRY_COMPARE(c.page.model()->textAt(0, 2), u"Sent"_s);
    }

    void saveToGmailDraftsKeepsTheLocalDraft()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen() && test::connectFakeGmail(profile.gateway(), m_google));
        Composer c(profile);
        c.write(someone(profile), u"Termin"_s, u"Passt Dienstag?"_s);
        c.click("saveToGmail");
        QTRY_COMPARE_WITH_TIMEOUT(c.status(), u"Saved to your Gmail drafts."_s, 15000);
        QCOMPARE(m_google.received().last().via, fakes::ReceivedMail::Via::Draft);
        QVERIFY(c.editor().findChild<QPushButton *>(u"sendDraft"_s)->isEnabled());
    }

    void gmailDownKeepsItInTheOutboxAndTheCountShowsIt()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen() && test::connectFakeGmail(profile.gateway(), m_google));
        ui::OutboxPump pump(profile.client());
        Composer c(profile);
        c.write(someone(profile), u"Aus dem Zug"_s, u"Kein Netz hier."_s);
        m_google.failNextGmailCalls(100, 503);
        const int before = int(m_google.received().size());
        c.click("sendDraft");
        QTRY_VERIFY_WITH_TIMEOUT(c.status().contains(u"outbox"_s), 15000);
        QCOMPARE(int(m_google.received().size()), before);
        pump.poke();
        QTRY_COMPARE(pump.waiting(), 1);
        QTRY_COMPARE(c.page.model()->textAt(0, 2), u"Queued"_s);
        m_google.failNextGmailCalls(0);
    }

    void notConnectedSaysWhatToDo()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen());
        Composer c(profile);
        c.write(someone(profile), u"Hallo"_s, u"Text"_s);
        c.click("sendDraft");
        QTRY_VERIFY_WITH_TIMEOUT(c.status().contains(u"not connected"_s), 15000);
        QVERIFY(c.editor().findChild<QPushButton *>(u"sendDraft"_s)->isEnabled());
    }
};

QTEST_MAIN(TestDraftsGmail)
#include "test_drafts_gmail.moc"
