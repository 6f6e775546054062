// The sync scheduler with a real engine and profile: a round at start, one after a local edit, and
// for a server that cannot be reached, retries that keep coming with growing gaps (never giving up).

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "crm/contacts_service.h"
#include "gateway.h"
#include "secrets/memory_secret_store.h"
#include "secrets/secret_store.h"
#include "store/settings_kv.h"
#include "sync/sync_engine.h"
#include "sync/sync_scheduler.h"

using namespace Qt::StringLiterals;
using namespace rapport;

class TestSyncScheduler : public QObject {
    Q_OBJECT

private slots:
    void signedOutRoundsAtStartAndAfterAnEdit()
    {
        QTemporaryDir dir;
        auto g = Gateway::open(dir.path());
        QVERIFY(g.ok());
        sync::SyncScheduler scheduler((*g)->syncEngine(), (*g)->store(), nullptr, {}, std::chrono::milliseconds(50));
        QSignalSpy rounds(&scheduler, &sync::SyncScheduler::roundFinished);
        scheduler.start();
        QVERIFY(rounds.wait(5000));
        QCOMPARE(rounds.takeFirst().at(0).toBool(), true);  // signed out: nothing to do, nothing failed
        QVERIFY((*g)->contacts().create({{"name", "Edited Eda"}}).ok());
        QVERIFY(rounds.wait(5000));  // the edit asked for a round (the healthy interval is a minute)
    }

    void anUnreachableServerIsRetriedForEverWithBackoff()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        GatewayOptions options;
        options.secrets = &secrets;
        auto g = Gateway::open(dir.path(), options);
        QVERIFY(g.ok());
        // Signed in to a server that is not there (port 1 on loopback refuses at once).
        QVERIFY(writeSecretBlocking(secrets, QString::fromLatin1(sync::SyncEngine::kTokenKey), u"token"_s).ok());
        QVERIFY(writeSetting((*g)->store(), "sync.account",
                             {{"server", "http://127.0.0.1:1"}, {"email", "a@example.com"}, {"team_id", "t"}})
                    .ok());
        sync::SyncBackoff fast;
        fast.base = std::chrono::milliseconds(40);
        fast.cap = std::chrono::milliseconds(160);
        sync::SyncScheduler scheduler((*g)->syncEngine(), (*g)->store(), nullptr, fast);
        QSignalSpy rounds(&scheduler, &sync::SyncScheduler::roundFinished);
        scheduler.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 6, 20000);  // past the cap: it keeps trying
        for (const auto &r : rounds)
            QCOMPARE(r.at(0).toBool(), false);
        QVERIFY(scheduler.failures() >= 6);
        const auto status = (*g)->syncEngine().status();
        QVERIFY(status.ok());
        QCOMPARE((*status)["state"], "offline");
        QCOMPARE((*status)["last_error"]["code"], "upstream_error");
        QVERIFY((*status)["next_attempt_at"].is_string());
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "test_sync_scheduler.moc"
