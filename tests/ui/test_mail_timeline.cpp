// A contact's mail in the contact editor: not connected -> a clear note and Open Settings; connected ->
// the cached copy at once, then Gmail's newest mail (the fake on loopback); Gmail down -> the saved
// copy stays with the reason. Real widgets offscreen on a real gateway.

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "contacts/mailtimeline.h"
#include "fakes/fake_google_server.h"
#include "support/gmail_test_account.h"
#include "secrets/memory_secret_store.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;

namespace {

QStringList rows(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

} // namespace

class TestMailTimeline : public QObject {
    Q_OBJECT
    fakes::FakeGoogleServer m_google;

private slots:
    void initTestCase()
    {
        QVERIFY(m_google.listen());
        test::useFakeGoogle(m_google);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
        m_google.addMessage({{}, {}, u"李小龍 <lee@example.cn>"_s, u"me@example.com"_s, {}, u"合同 ✍️"_s, u"你好"_s, {}, {}, t0});
        m_google.addMessage({{}, {}, u"me@example.com"_s, u"lee@example.cn"_s, {}, u"Re: 合同"_s, {}, {}, {}, t0 + 60'000});
    }

    void notConnectedOffersSettings()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen());
        const auto contact = profile.addContact({{"name", "李小龍"}, {"emails", {{{"address", "lee@example.cn"}}}}});
        ui::MailTimeline timeline(profile.client());
        timeline.show();
        QSignalSpy settings(&timeline, &ui::MailTimeline::settingsRequested);
        timeline.setContact(QString::fromStdString(contact["id"].get<std::string>()));
        QLabel *note = timeline.findChild<QLabel *>(u"mailNote"_s);
        QTRY_VERIFY(note->text().contains(u"Connect Gmail"_s));
        QPushButton *open = nullptr;
        for (QPushButton *b : timeline.findChildren<QPushButton *>())
            if (b->text() == u"Open Settings"_s)
                open = b;
        QVERIFY(open && open->isVisible());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(settings.size(), 1);
        QVERIFY(!timeline.findChild<QPushButton *>(u"refreshMail"_s)->isEnabled());
    }

    void connectedShowsGmailsNewestFirstThenKeepsTheCopyWhenGmailIsDown()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen());
        QVERIFY(test::connectFakeGmail(profile.gateway(), m_google));
        const auto contact = profile.addContact({{"name", "李小龍"}, {"emails", {{{"address", "lee@example.cn"}}}}});
        const QString id = QString::fromStdString(contact["id"].get<std::string>());
        ui::MailTimeline timeline(profile.client());
        timeline.show();
        timeline.setContact(id);  // never refreshed: asks Gmail by itself
        QListWidget *list = timeline.list();
        QTRY_COMPARE_WITH_TIMEOUT(rows(list), (QStringList{u"Re: 合同"_s, u"合同 ✍️"_s}), 10000);
        QVERIFY(list->item(1)->data(Qt::UserRole).toString().startsWith(u"李小龍 · "_s));
        QVERIFY(timeline.findChild<QLabel *>(u"mailStamp"_s)->text().startsWith(u"Refreshed"_s));

        // Another contact and back: the copy shows at once; Refresh with Gmail down keeps it and says why.
        timeline.setContact({});
        QCOMPARE(list->count(), 0);
        timeline.setContact(id);
        QTRY_COMPARE(list->count(), 2);
        m_google.failNextGmailCalls(10, 503);
        QPushButton *refresh = timeline.findChild<QPushButton *>(u"refreshMail"_s);
        QTRY_VERIFY(refresh->isEnabled());
        QTest::mouseClick(refresh, Qt::LeftButton);
        QLabel *note = timeline.findChild<QLabel *>(u"mailNote"_s);
        QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(u"Could not refresh"_s), 10000);
        QCOMPARE(list->count(), 2);
        m_google.failNextGmailCalls(0);
    }
};

QTEST_MAIN(TestMailTimeline)
#include "test_mail_timeline.moc"
