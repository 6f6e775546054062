// Team sync as a fresh profile meets it: the status bar says "Not signed in", Settings -> Team server
// says plainly why a sign-in failed (and forgets the password), and Conflicts is empty. Conflict cards
// are checked from conflicts shaped like GET /sync/conflicts items. Real widgets offscreen, a real
// gateway; the tests against a real rapport-server live in tests/integration.

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

#include "mainwindow.h"
#include "secrets/memory_secret_store.h"
#include "sync/conflictcard.h"
#include "sync/conflictspage.h"
#include "sync/syncformat.h"
#include "sync/syncindicator.h"
#include "sync/teamserverbox.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;

namespace {

template <class T> T *child(QObject &parent, const QString &name)
{
    return parent.findChild<T *>(name);
}

// Every byte the profile wrote (database, WAL, settings): a secret must be in none of them.
bool profileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

// One item as GET /sync/conflicts lists it.
nlohmann::json conflict(const char *kind, const char *field, nlohmann::json mine, nlohmann::json theirs)
{
    return {{"id", std::string("c-") + kind},
            {"entity", "contact"},
            {"entity_id", "0190-contact"},
            {"record_name", "Zoë Ångström"},
            {"field", field},
            {"kind", kind},
            {"mine", {{"value", std::move(mine)}}},
            {"theirs", {{"value", std::move(theirs)}}},
            {"message", "validation_failed: owner must be a team member"},
            {"created_at", "2026-12-02T09:30:00.000Z"}};
}

} // namespace

class TestSyncUi : public QObject {
    Q_OBJECT

private slots:
    void indicatorSaysNotSignedInOnAFreshProfile()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        ui::SyncIndicator indicator(profile.client());
        QSignalSpy answered(&indicator, &ui::SyncIndicator::statusChanged);
        indicator.show();
        QTRY_VERIFY(answered.count() >= 1);  // the gateway's answer, not only the starting text
        QCOMPARE(indicator.state(), u"signed_out"_s);
        QCOMPARE(indicator.text(), u"Not signed in"_s);
        QVERIFY(indicator.toolTip().contains(u"Settings"_s));
        QVERIFY(!indicator.syncNowAction()->isEnabled());  // nothing to sync with
        QCOMPARE(indicator.openConflicts(), 0);
    }

    void windowHasTheIndicatorTheConflictsPageAndAFreeShortcut()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        MemorySecretStore secrets;
        ui::MainWindow window(profile.client(), profile.settings(), secrets);
        window.show();
        ui::SyncIndicator *indicator = window.syncIndicator();
        QVERIFY(indicator && window.statusBar()->isAncestorOf(indicator));
        QTRY_COMPARE(indicator->text(), u"Not signed in"_s);
        QVERIFY(window.showPageNamed(u"conflicts"_s));  // what --page conflicts uses
        QTRY_VERIFY(window.conflictsPage()->isVisible());

        const QKeySequence syncKey = indicator->syncNowAction()->shortcut();
        QCOMPARE(syncKey, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        const QList<QAction *> actions = window.findChildren<QAction *>();
        for (const QAction *action : actions)
            if (action != indicator->syncNowAction())
                QVERIFY2(!action->shortcuts().contains(syncKey), qPrintable(action->text()));
    }

    void signInChecksTheFieldsFirst()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        ui::TeamServerBox box(profile.client());
        box.show();
        auto *signIn = child<QPushButton>(box, u"signIn"_s);
        QTRY_VERIFY(signIn->isVisible());
        QTest::mouseClick(signIn, Qt::LeftButton);
        for (const QString &field : {u"server"_s, u"email"_s, u"password"_s})
            QVERIFY2(child<QLabel>(box, u"error:"_s + field)->isVisible(), qPrintable(field));
        QVERIFY(!box.isBusy());  // nothing was sent
    }

    void signInToADeadServerSaysSoAndForgetsThePassword()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        ui::TeamServerBox box(profile.client());
        box.resize(700, 400);
        box.show();
        auto *signIn = child<QPushButton>(box, u"signIn"_s);
        QTRY_VERIFY(signIn->isVisible());
        QVERIFY(child<QLabel>(box, u"teamServerState"_s)->text().contains(u"this computer"_s));
        auto *password = child<QLineEdit>(box, u"password"_s);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QTest::keyClicks(child<QLineEdit>(box, u"server"_s), u"http://127.0.0.1:1"_s);
        QTest::keyClicks(child<QLineEdit>(box, u"email"_s), u"zoe@example.com"_s);
        QTest::keyClicks(password, u"Tr0ub4dor-ß"_s);
        QTest::mouseClick(signIn, Qt::LeftButton);

        auto *error = child<QLabel>(box, u"teamServerError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
        QVERIFY(!box.isBusy());
        QVERIFY(!box.isSignedIn());
        QVERIFY2(error->text().contains(u"could not reach"_s, Qt::CaseInsensitive), qPrintable(error->text()));
        QVERIFY2(error->text().contains(u"127.0.0.1:1"_s), qPrintable(error->text()));
        QVERIFY(password->text().isEmpty());
        QVERIFY(!password->isUndoAvailable());  // not even in the field's undo history
        QVERIFY(signIn->isEnabled());
        QVERIFY(!profileContains(profile.path(), "Tr0ub4dor"));
    }

    void conflictsPageShowsItsEmptyState()
    {
        TestProfile profile;
        QVERIFY(profile.isOpen());
        ui::ConflictsPage page(profile.client());
        page.show();
        QTRY_VERIFY(page.isLoaded());
        QCOMPARE(page.count(), 0);
        auto *empty = child<QLabel>(page, u"conflictsEmpty"_s);
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), u"No conflicts. Edits that collide with a colleague's show up here."_s);
        QVERIFY(!child<QLabel>(page, u"conflictsError"_s)->isVisible());
    }

    void conflictCardsOfferTheRightChoices_data()
    {
        QTest::addColumn<QByteArray>("conflictJson");
        QTest::addColumn<QStringList>("buttons");
        QTest::addColumn<QString>("mine");
        QTest::addColumn<QString>("theirs");
        const auto row = [](const char *name, const nlohmann::json &c, QStringList buttons, QString mine,
                            QString theirs) {
            QTest::newRow(name) << QByteArray::fromStdString(c.dump()) << buttons << mine << theirs;
        };
        row("field", conflict("field", "title", "Head of Sales", "<b>CEO</b>"),
            {u"Keep theirs"_s, u"Keep mine"_s}, u"Head of Sales"_s, u"<b>CEO</b>"_s);
        row("deleted", conflict("deleted", "", {{"name", "Zoë Ångström"}, {"title", "CEO"}}, nullptr),
            {u"Leave deleted"_s, u"Restore mine"_s}, u"Name: Zoë Ångström; Title: CEO"_s, u"Deleted"_s);
        row("rejected", conflict("rejected", "owner", {{"owner", "mallory"}, {"title", "CEO"}}, nullptr),
            {u"Dismiss"_s}, u"mallory"_s, QString());
    }

    void conflictCardsOfferTheRightChoices()
    {
        QFETCH(QByteArray, conflictJson);
        QFETCH(QStringList, buttons);
        QFETCH(QString, mine);
        QFETCH(QString, theirs);
        TestProfile profile;
        QVERIFY(profile.isOpen());
        ui::ConflictCard card(profile.client(), nlohmann::json::parse(conflictJson.toStdString()));
        card.show();
        QStringList shown;
        for (const QPushButton *b : card.findChildren<QPushButton *>())
            shown << b->text();
        QCOMPARE(shown, buttons);
        QCOMPARE(child<QLabel>(card, u"conflictRecord"_s)->text(), u"Zoë Ångström"_s);
        QCOMPARE(child<QLabel>(card, u"mineValue"_s)->text(), mine);
        auto *theirsLabel = child<QLabel>(card, u"theirsValue"_s);
        QCOMPARE(theirsLabel ? theirsLabel->text() : QString(), theirs);
        if (theirsLabel)
            QCOMPARE(theirsLabel->textFormat(), Qt::PlainText);  // a colleague's text is never markup
        if (QTest::currentDataTag() == QByteArray("rejected"))
            QVERIFY(child<QLabel>(card, u"conflictNote"_s)->text().endsWith(u"change: owner must be a team member"_s));
    }

    void valuesReadAsOneLine_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("string")  << QByteArray(R"("Zoë")")                                  << u"Zoë"_s;
        QTest::newRow("null")    << QByteArray("null")                                      << u"(empty)"_s;
        QTest::newRow("emails")  << QByteArray(R"([{"address":"zoe@example.se","label":"work","primary":true},
                                                   {"address":"z@example.de","label":"","primary":false}])")
                                 << u"zoe@example.se (work), z@example.de"_s;
        QTest::newRow("phones")  << QByteArray(R"([{"number":"+46 8 123","label":"mobile"}])")
                                 << u"+46 8 123 (mobile)"_s;
        QTest::newRow("tags")    << QByteArray(R"(["vip","berlin"])")                       << u"vip, berlin"_s;
        QTest::newRow("address") << QByteArray(R"({"street":"Storgatan 1","postal_code":"111 22","city":"Stockholm",
                                                   "country":"Sweden"})")
                                 << u"Storgatan 1, 111 22 Stockholm, Sweden"_s;
    }

    void valuesReadAsOneLine()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, text);
        QCOMPARE(ui::syncValueText(nlohmann::json::parse(value.toStdString())), text);
    }
};

QTEST_MAIN(TestSyncUi)
#include "test_sync_ui.moc"
