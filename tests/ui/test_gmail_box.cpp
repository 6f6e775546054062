// Settings -> Gmail as a user meets it: type the Google client id and secret, Save, Connect (the
// "browser" follows Google's page back to Rapport), see the address, Disconnect. Real widgets
// offscreen, a real gateway, Google played by the fake on loopback. The client secret goes into the
// same SecretStore the gateway reads, as the keychain is shared in the app.

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include "fakes/fake_google_server.h"
#include "secrets/memory_secret_store.h"
#include "settings/gmailbox.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;

namespace {

// Stands in for the desktop's browser: QDesktopServices hands it the sign-in address.
class Browser : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

struct Box {
    Box(TestProfile &profile, SecretStore &secrets) : box(profile.client(), secrets)
    {
        box.resize(700, 400);
        box.show();
    }
    template <class T> T *child(const QString &name) { return box.findChild<T *>(name); }
    QString state() { return child<QLabel>(u"gmailState"_s)->text(); }
    ui::GmailBox box;
};

} // namespace

class TestGmailBox : public QObject {
    Q_OBJECT
    fakes::FakeGoogleServer m_google;
    Browser m_browser;

private slots:
    void initTestCase()
    {
        QVERIFY(m_google.listen());
        m_google.setClient(u"1234-desk.apps.googleusercontent.com"_s, u"s3cret-ƒ"_s);
        m_google.setAccountEmail(u"zoë.sales@example.com"_s);
        qunsetenv("RAPPORT_GOOGLE_CLIENT_ID");
        qunsetenv("RAPPORT_GOOGLE_CLIENT_SECRET");
        qputenv("RAPPORT_GOOGLE_AUTH_URL", m_google.authUrl().toString().toUtf8());
        qputenv("RAPPORT_GOOGLE_TOKEN_URL", m_google.tokenUrl().toString().toUtf8());
        qputenv("RAPPORT_GOOGLE_REVOKE_URL", m_google.revokeUrl().toString().toUtf8());
        qputenv("RAPPORT_GMAIL_API_URL", m_google.gmailApiUrl().toString().toUtf8());
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "open");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(u"http"_s); }

    void connectThenDisconnect()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen());
        Box b(profile, secrets);
        QTRY_COMPARE(b.state(), u"Not connected."_s);
        QPushButton *connectButton = b.child<QPushButton>(u"connectGmail"_s);
        QVERIFY(!connectButton->isEnabled());  // no client id yet

        QTest::keyClicks(b.child<QLineEdit>(u"gmailClientId"_s), u"1234-desk.apps.googleusercontent.com"_s);
        b.child<QLineEdit>(u"gmailClientSecret"_s)->setText(u"s3cret-ƒ"_s);
        emit b.child<QLineEdit>(u"gmailClientSecret"_s)->textEdited(u"s3cret-ƒ"_s);
        QTest::mouseClick(b.child<QPushButton>(u"saveGmailClient"_s), Qt::LeftButton);
        QTRY_VERIFY(connectButton->isEnabled());
        QTRY_VERIFY(b.child<QLineEdit>(u"gmailClientSecret"_s)->text().isEmpty());  // saved, field cleared
        // The secret is in the SecretStore, never in the database.
        QVERIFY(profile.gateway().call(Method::Get, "/gmail/status").body.dump().find("s3cret") == std::string::npos);

        m_browser.opened.clear();
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_COMPARE(m_browser.opened.size(), 1);
        QVERIFY(b.child<QLabel>(u"gmailLink"_s)->isVisible());  // the fallback link while waiting
        const fakes::BrowserResult visit = fakes::followAuthorizationUrl(m_browser.opened.first());
        QCOMPARE(visit.authorizeStatus, 302);
        QTRY_VERIFY_WITH_TIMEOUT(b.state().contains(u"zoë.sales@example.com"_s), 10000);
        QVERIFY(b.state().startsWith(u"Connected as"_s));
        QVERIFY(!b.child<QLabel>(u"gmailLink"_s)->isVisible());
        QVERIFY(b.child<QPushButton>(u"disconnectGmail"_s)->isVisible());
        QCOMPARE(m_google.exchanges(), 1);

        QTest::mouseClick(b.child<QPushButton>(u"disconnectGmail"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(b.state(), u"Not connected."_s, 10000);
        QCOMPARE(m_google.revocations(), 1);
        QVERIFY(!b.child<QLabel>(u"gmailError"_s)->isVisible());
    }

    void declinedConsentSaysSoAndStaysDisconnected()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen());
        profile.gateway().call(Method::Patch, "/gmail/settings", R"({"client_id":"1234-desk.apps.googleusercontent.com"})");
        qputenv("RAPPORT_GOOGLE_CLIENT_SECRET", "s3cret-ƒ");
        Box b(profile, secrets);
        QPushButton *connectButton = b.child<QPushButton>(u"connectGmail"_s);
        QTRY_VERIFY(connectButton->isEnabled());
        m_google.setConsent(fakes::Consent::Deny);
        m_browser.opened.clear();
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_COMPARE(m_browser.opened.size(), 1);
        fakes::followAuthorizationUrl(m_browser.opened.first());
        QLabel *error = b.child<QLabel>(u"gmailError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY2(error->text().contains(u"declined"_s), qPrintable(error->text()));
        QTRY_COMPARE(b.state(), u"Not connected."_s);
        m_google.setConsent(fakes::Consent::Approve);
        qunsetenv("RAPPORT_GOOGLE_CLIENT_SECRET");
    }

    void cancelStopsWaitingForTheBrowser()
    {
        MemorySecretStore secrets;
        TestProfile profile(&secrets);
        QVERIFY(profile.isOpen());
        profile.gateway().call(Method::Patch, "/gmail/settings", R"({"client_id":"1234-desk.apps.googleusercontent.com"})");
        Box b(profile, secrets);
        QPushButton *connectButton = b.child<QPushButton>(u"connectGmail"_s);
        QTRY_VERIFY(connectButton->isEnabled());
        m_browser.opened.clear();
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_COMPARE(m_browser.opened.size(), 1);
        QVERIFY(b.box.isBusy());
        QTest::mouseClick(b.child<QPushButton>(u"cancelGmail"_s), Qt::LeftButton);
        QTRY_VERIFY(!b.box.isBusy());
        QTRY_COMPARE(b.state(), u"Not connected."_s);
        QVERIFY(!b.child<QLabel>(u"gmailError"_s)->isVisible());  // the user's own choice is no error
    }
};

QTEST_MAIN(TestGmailBox)
#include "test_gmail_box.moc"
