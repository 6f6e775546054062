// The issue's "done means", in the window: laptop A is the real main window (offscreen), laptop B is
// rapportctl, and the team server is a real rapport-server process on loopback. Both edit while the
// server is down, both come back, both show the same data, and the one real conflict shows on the
// Conflicts page and is settled with Keep mine.

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "integration/sync_cluster.h"
#include "mainwindow.h"
#include "contacts/contactspage.h"
#include "secrets/memory_secret_store.h"
#include "settings/settingspage.h"
#include "shared/pagedjsonmodel.h"
#include "sync/conflictcard.h"
#include "sync/conflictspage.h"
#include "sync/syncindicator.h"
#include "sync/teamserverbox.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {

// Every contact as {id: fields} without local times: what must match on both laptops.
nlohmann::json contactsOf(const nlohmann::json &list)
{
    nlohmann::json out = nlohmann::json::object();
    for (nlohmann::json item : list.value("items", nlohmann::json::array())) {
        const std::string id = item["id"];
        for (const char *k : {"id", "created_at", "updated_at", "company_name"})
            item.erase(k);
        out["contacts/" + id] = item;
    }
    return out;
}

} // namespace

class TestSyncTeamUi : public QObject {
    Q_OBJECT

private slots:
    void twoLaptopsEditOfflineComeBackAndSettleTheConflict()
    {
        synctest::Cluster team;
        QVERIFY(team.setUp({u"anna@example.com"_s, u"ben@example.com"_s}));
        test::TestProfile laptopA;
        QVERIFY(laptopA.isOpen());
        MemorySecretStore keychain;
        ui::MainWindow window(laptopA.client(), laptopA.settings(), keychain);
        window.resize(1200, 760);
        window.show();
        ui::SyncIndicator *indicator = window.syncIndicator();

        // Anna signs in in Settings -> Team server.
        ui::TeamServerBox *box = window.settingsPage()->teamServer();
        QVERIFY(window.showPageNamed(u"settings"_s));
        QTRY_VERIFY(box->findChild<QPushButton *>(u"signIn"_s)->isVisible());
        QTest::keyClicks(box->findChild<QLineEdit *>(u"server"_s), team.url());
        QTest::keyClicks(box->findChild<QLineEdit *>(u"email"_s), u"anna@example.com"_s);
        QTest::keyClicks(box->findChild<QLineEdit *>(u"password"_s), QString::fromUtf8(synctest::kPassword));
        QTest::mouseClick(box->findChild<QPushButton *>(u"signIn"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(box->isSignedIn(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), u"idle"_s, 20000);

        // Ben adds a contact on his laptop; Anna's list shows it after her next sync.
        QVERIFY(team.login(u"b"_s, u"ben@example.com"_s));
        const nlohmann::json made =
            team.route(u"b"_s, u"POST"_s, u"/contacts"_s, {{"name", "Zoë Ångström 😀"}, {"title", "Buyer"}});
        QVERIFY(made.is_object());
        const std::string id = made["id"];
        QVERIFY(team.sync(u"b"_s)["last_error"].is_null());
        indicator->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(test::namesIn(*window.contactsPage()->model()), QStringList{u"Zoë Ångström 😀"_s},
                                  20000);

        // The server goes down; both edit. Anna's title edit and Ben's later one collide; Ben's notes and
        // Anna's phone do not.
        team.stopServer(false);
        const std::string path = "/contacts/" + id;
        QVERIFY(laptopA.gateway().call(Method::Patch, path, R"({"title":"Head of Purchasing"})").isSuccess());
        QVERIFY(laptopA.gateway().call(Method::Patch, path, R"({"phones":[{"number":"+46 8 123 45 67"}]})").isSuccess());
        QTest::qWait(5);
        QVERIFY(team.route(u"b"_s, u"PATCH"_s, QString::fromStdString(path), {{"title", "CFO"}}).is_object());
        QVERIFY(team.route(u"b"_s, u"PATCH"_s, QString::fromStdString(path), {{"notes", "met in Malmö"}}).is_object());
        indicator->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), u"offline"_s, 20000);
        QVERIFY2(indicator->text().contains(u"Offline"_s), qPrintable(indicator->text()));
        QVERIFY2(indicator->text().contains(u"2"_s), qPrintable(indicator->text()));  // two edits wait

        // Both come back: Ben first, then Anna, then Ben again.
        QVERIFY(team.startServer());
        QVERIFY(team.sync(u"b"_s)["last_error"].is_null());
        indicator->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), u"idle"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(indicator->openConflicts(), 1, 20000);
        QVERIFY(team.sync(u"b"_s)["last_error"].is_null());

        // The one real conflict is on Anna's Conflicts page; she keeps hers.
        QVERIFY(window.showPageNamed(u"conflicts"_s));
        ui::ConflictCard *card = nullptr;
        QTRY_VERIFY((card = window.conflictsPage()->findChild<ui::ConflictCard *>()) != nullptr);
        QCOMPARE(window.conflictsPage()->findChildren<ui::ConflictCard *>().size(), 1);
        QTest::mouseClick(card->findChild<QPushButton *>(u"keepMine"_s), Qt::LeftButton);
        QTRY_VERIFY(window.conflictsPage()->findChildren<ui::ConflictCard *>().isEmpty());
        indicator->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(indicator->openConflicts(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), u"idle"_s, 20000);
        QVERIFY(team.sync(u"b"_s)["last_error"].is_null());

        // Both laptops show the same data: Anna's title and phone, Ben's notes.
        const nlohmann::json onA = contactsOf(laptopA.gateway().call(Method::Get, "/contacts").body);
        const nlohmann::json onB = contactsOf(team.route(u"b"_s, u"GET"_s, u"/contacts"_s));
        QCOMPARE(QString::fromStdString(onA.dump()), QString::fromStdString(onB.dump()));
        const nlohmann::json &zoe = onA["contacts/" + id];
        QCOMPARE(zoe.value("title", ""), std::string("Head of Purchasing"));
        QCOMPARE(zoe.value("notes", ""), std::string("met in Malmö"));
        QCOMPARE(zoe["phones"][0].value("number", ""), std::string("+46 8 123 45 67"));
        QCOMPARE(team.ctl(u"b"_s, {u"conflicts"_s}).json()["items"].size(), 0u);
    }
};

QTEST_MAIN(TestSyncTeamUi)
#include "test_sync_team_ui.moc"
