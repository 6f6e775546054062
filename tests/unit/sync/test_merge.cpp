// The server's merge (sync/merge.h) case by case, and the retry delays of the sync scheduler.

#include <QtTest>

#include "sync/merge.h"
#include "sync/sync_backoff.h"

using namespace rapport::sync;

namespace {

const std::string kA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const std::string kB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

std::string hlc(std::int64_t ms, const std::string &node)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%015lld-0000-", static_cast<long long>(ms));
    return buf + node;
}

Mutation edit(const std::string &op, const std::string &node, std::int64_t ms, FieldMap fields = {},
              std::string base = {})
{
    Mutation m;
    m.mutationId = "m-" + std::to_string(ms);
    m.entity = "contact";
    m.entityId = "r1";
    m.op = op;
    m.hlc = hlc(ms, node);
    for (auto &[k, f] : fields)
        f.hlc = m.hlc;
    m.fields = std::move(fields);
    m.base = std::move(base);
    return m;
}

RecordState record(std::int64_t ms, const std::string &node, const std::string &title)
{
    RecordState r;
    r.entity = "contact";
    r.entityId = "r1";
    r.lifeHlc = hlc(ms, node);
    r.fields["name"] = {"Ann", hlc(ms, node), {}};
    r.fields["title"] = {title, hlc(ms, node), {}};
    return r;
}

} // namespace

class TestMerge : public QObject {
    Q_OBJECT

private slots:
    void createThenUnknownUpdateAndDelete()
    {
        const MergeOutcome made = mergeMutation(std::nullopt, edit("create", kA, 10, {{"name", {"Ann", {}, {}}}}), kA);
        QCOMPARE(made.result.status, std::string("applied"));
        QVERIFY(made.changed && !made.state.deleted);
        QCOMPARE(mergeMutation(std::nullopt, edit("update", kA, 11, {{"name", {"B", {}, {}}}}), kA).result.status,
                 std::string("rejected"));
        QCOMPARE(mergeMutation(std::nullopt, edit("delete", kA, 11), kA).result.code, std::string("not_found"));
    }

    void sequentialEditWinsWithoutConflict()
    {
        const RecordState cur = record(10, kA, "CEO");
        const MergeOutcome out = mergeMutation(cur, edit("update", kB, 20, {{"title", {"CFO", {}, hlc(10, kA)}}}), kB);
        QCOMPARE(out.result.status, std::string("applied"));
        QCOMPARE(out.state.fields.at("title").value, "CFO");
        QVERIFY(out.conflicts.empty());
    }

    void concurrentNewerEditWinsAndTheOtherAuthorGetsTheConflict()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.fields["title"] = {"Anna's", hlc(15, kA), {}};
        // Ben edited from the value at 10, not seeing Anna's edit at 15.
        const MergeOutcome out = mergeMutation(cur, edit("update", kB, 20, {{"title", {"Ben's", {}, hlc(10, kA)}}}), kB);
        QCOMPARE(out.result.status, std::string("applied"));
        QCOMPARE(out.state.fields.at("title").value, "Ben's");
        QCOMPARE(out.conflicts.size(), 1u);
        QCOMPARE(out.conflicts[0].loserClient, kA);
        QCOMPARE(out.conflicts[0].mine.value, "Anna's");
        QCOMPARE(out.ownConflict, -1);
    }

    void olderConcurrentEditIsSupersededWithTheWinner()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.fields["title"] = {"Anna's", hlc(30, kA), {}};
        const MergeOutcome out = mergeMutation(cur, edit("update", kB, 20, {{"title", {"Ben's", {}, hlc(10, kA)}}}), kB);
        QCOMPARE(out.result.status, std::string("superseded"));
        QCOMPARE(out.result.winners.at("title").value, "Anna's");
        QCOMPARE(out.state.fields.at("title").value, "Anna's");
        QCOMPARE(out.ownConflict, 0);
        QCOMPARE(out.conflicts[0].loserClient, kB);
    }

    void sameValueIsNoConflictAndARepeatIsNoChange()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.fields["title"] = {"CFO", hlc(15, kA), {}};
        const MergeOutcome same = mergeMutation(cur, edit("update", kB, 20, {{"title", {"CFO", {}, hlc(10, kA)}}}), kB);
        QVERIFY(same.conflicts.empty());
        const Mutation again = edit("update", kA, 15, {{"title", {"CFO", {}, hlc(10, kA)}}});
        QVERIFY(!mergeMutation(cur, again, kA).changed);
    }

    void editOfADeletedRecordIsADeletedConflictAndStaysDeleted()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.deleted = true;
        cur.lifeHlc = hlc(12, kA);
        const MergeOutcome out = mergeMutation(cur, edit("update", kB, 20, {{"notes", {"call", {}, {}}}}), kB);
        QVERIFY(out.state.deleted);
        QCOMPARE(out.result.status, std::string("superseded"));
        QCOMPARE(out.conflicts.size(), 1u);
        QCOMPARE(out.conflicts[0].kind, std::string("deleted"));
        QCOMPARE(out.conflicts[0].loserClient, kB);
        QCOMPARE(out.state.fields.at("notes").value, "call");  // kept for a restore
    }

    void deleteOverUnseenEditsTellsTheirAuthor()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.fields["title"] = {"Ben's", hlc(15, kB), {}};
        const MergeOutcome out = mergeMutation(cur, edit("delete", kA, 20, {}, hlc(10, kA)), kA);
        QVERIFY(out.state.deleted);
        QCOMPARE(out.conflicts.size(), 1u);
        QCOMPARE(out.conflicts[0].loserClient, kB);
        const MergeOutcome seen = mergeMutation(cur, edit("delete", kA, 20, {}, hlc(15, kB)), kA);
        QVERIFY(seen.state.deleted && seen.conflicts.empty());
    }

    void restoreNewerThanTheDeleteRevives()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.deleted = true;
        cur.lifeHlc = hlc(12, kA);
        const MergeOutcome out = mergeMutation(cur, edit("restore", kB, 20, {{"name", {"Ann", {}, {}}}}), kB);
        QVERIFY(!out.state.deleted);
        const MergeOutcome older = mergeMutation(cur, edit("restore", kB, 11, {{"name", {"Ann", {}, {}}}}), kB);
        QVERIFY(older.state.deleted);
    }

    void otherEntityWithTheSameIdIsNotFound()
    {
        Mutation m = edit("update", kA, 20, {{"name", {"X", {}, {}}}});
        m.entity = "company";
        QCOMPARE(mergeMutation(record(10, kA, "CEO"), m, kA).result.code, std::string("not_found"));
    }

    void sequentialEditWinsEvenWithASlowerClock()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.fields["title"] = {"Anna's", hlc(50, kA), {}};
        // Ben saw Anna's value (base) but his clock is behind hers.
        const MergeOutcome out = mergeMutation(cur, edit("update", kB, 20, {{"title", {"Ben's", {}, hlc(50, kA)}}}), kB);
        QCOMPARE(out.result.status, std::string("applied"));
        QCOMPARE(out.state.fields.at("title").value, "Ben's");
        QVERIFY(out.conflicts.empty());
    }

    void deleteComparesEachFieldClockItKnew()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.fields["phone"] = {"+1", hlc(5, kB), {}};  // Ben's edit, stamped earlier by his slow clock
        Mutation del = edit("delete", kA, 30, {}, hlc(10, kA));
        del.bases = {{"name", hlc(10, kA)}, {"title", hlc(10, kA)}};  // Anna never saw Ben's phone
        const MergeOutcome out = mergeMutation(cur, del, kA);
        QVERIFY(out.state.deleted);
        QCOMPARE(out.conflicts.size(), 1u);
        QCOMPARE(out.conflicts[0].loserClient, kB);
        del.bases["phone"] = hlc(5, kB);
        QVERIFY(mergeMutation(cur, del, kA).conflicts.empty());
    }

    void tombstoneClocksAreKeptAndAnOlderRestoreLoses()
    {
        RecordState cur = record(10, kA, "CEO");
        cur.deleted = true;
        cur.lifeHlc = hlc(12, kA);
        const MergeOutcome again = mergeMutation(cur, edit("delete", kB, 40), kB);
        QVERIFY(again.changed);  // the newer tombstone clock is saved
        QCOMPARE(again.state.lifeHlc, hlc(40, kB));
        const MergeOutcome restore = mergeMutation(again.state, edit("restore", kA, 30, {{"name", {"Ann", {}, {}}}}), kA);
        QVERIFY(restore.state.deleted);
        QCOMPARE(restore.result.status, std::string("superseded"));
        QCOMPARE(restore.conflicts.size(), 1u);
        QCOMPARE(restore.conflicts[0].kind, std::string("deleted"));
    }

    void aClockMoreThanADayAheadIsRefused()
    {
        const std::int64_t now = 1'800'000'000'000;
        QVERIFY(!refuseFutureClock(edit("update", kA, now + 3'600'000), now));
        const auto refused = refuseFutureClock(edit("update", kA, now + 2 * 86'400'000LL), now);
        QVERIFY(refused);
        QCOMPARE(refused->code, std::string("clock_ahead"));
    }

    void backoffGrowsToTheCapWithJitterAndNeverStops()
    {
        const SyncBackoff policy;
        QCOMPARE(syncRetryDelay(1, 0.0).count(), 1000);
        QCOMPARE(syncRetryDelay(1, 0.999).count(), 1999);
        QCOMPARE(syncRetryDelay(3, 1.0).count(), 8000);
        QCOMPARE(syncRetryDelay(20, 1.0), policy.cap);
        QCOMPARE(syncRetryDelay(1000, 0.0), policy.cap / 2);
        for (int n = 1; n < 40; ++n)
            QVERIFY(syncRetryDelay(n, 0.5) <= syncRetryDelay(n + 1, 0.5));
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "test_merge.moc"
