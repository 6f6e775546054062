// The hybrid logical clock: never backwards on one node, past everything it observed, close to real
// time, ties broken by node, and its text form sorts exactly like the clock.

#include <random>

#include <QtTest>

#include "sync/hlc.h"

using rapport::sync::HlcTimestamp;
using rapport::sync::HybridClock;

namespace {
constexpr std::int64_t kNow = 1'790'000'000'000;  // Sept 2026
}

class TestHlc : public QObject {
    Q_OBJECT
private slots:
    void neverRunsBackwardsWhenTheWallClockDoes()
    {
        std::int64_t wall = kNow;
        HybridClock clock("a", [&] { return wall; });
        HlcTimestamp last = clock.now();
        for (std::int64_t step : {5, 0, 0, -3'600'000, 1, -1, 0, 10'000'000}) {
            wall += step;
            const HlcTimestamp t = clock.now();
            QVERIFY2(t > last, (t.encode() + " after " + last.encode()).c_str());
            last = t;
        }
        QCOMPARE(last.ms, wall);  // back with the wall clock once it is ahead again
        QCOMPARE(last.counter, std::uint16_t(0));
    }

    void movesPastWhatItObservesEvenFromAFastClock()
    {
        std::int64_t wallA = kNow, wallB = kNow + 4 * 3'600'000;  // B's clock is four hours fast
        HybridClock a("a", [&] { return wallA; }), b("b", [&] { return wallB; });
        const HlcTimestamp fromB = b.now();
        QVERIFY(a.observe(fromB));
        const HlcTimestamp next = a.now();
        QVERIFY(next > fromB);
        QCOMPARE(next.ms, fromB.ms);  // A carries B's time forward instead of losing every tie to it
        // A's own later edit still orders after B's, so "the later edit wins" holds across the two.
        wallA += 1000;
        QVERIFY(a.now() > fromB);
        // And B, observing A, stays ahead of everything A did.
        QVERIFY(b.observe(next));
        QVERIFY(b.now() > next);
    }

    void refusesATimestampFromTheFarFuture()
    {
        HybridClock a("a", [] { return kNow; });
        const HlcTimestamp before = a.now();
        QVERIFY(!a.observe({kNow + HybridClock::kMaxAheadMs + 1, 0, "broken"}));
        const HlcTimestamp after = a.now();
        QVERIFY(after > before);
        QVERIFY(after.ms < kNow + 1000);
    }

    void sameTimeTiesGoByNode()
    {
        const HlcTimestamp x{kNow, 3, "client-a"}, y{kNow, 3, "client-b"};
        QVERIFY(x < y);
        QVERIFY(x.encode() < y.encode());
    }

    void manyEventsInOneMillisecondStayOrdered()
    {
        HybridClock a("a", [] { return kNow; });
        HlcTimestamp last = a.now();
        for (int i = 0; i < 70'000; ++i) {  // past the 16-bit counter
            const HlcTimestamp t = a.now();
            if (!(t > last))
                QFAIL(("not increasing at " + std::to_string(i)).c_str());
            last = t;
        }
        QCOMPARE(last.ms, kNow + 1);
    }

    void restoreKeepsOrderAcrossARestart()
    {
        HybridClock before("a", [] { return kNow; });
        HlcTimestamp last;
        for (int i = 0; i < 5; ++i)
            last = before.now();
        HybridClock after("a", [] { return kNow - 60'000; });  // restarted with the clock set back
        after.restore(last);
        QVERIFY(after.now() > last);
    }

    void textFormRoundTripsAndSortsLikeTheClock()
    {
        std::mt19937_64 random(7);
        std::uniform_int_distribution<std::int64_t> ms(0, 999'999'999'999'999);
        std::uniform_int_distribution<int> counter(0, 0xffff);
        const char *nodes[] = {"a", "b", "01a2b3c4", "zz"};
        for (int i = 0; i < 5000; ++i) {
            const HlcTimestamp x{ms(random) % 3 == 0 ? kNow : ms(random), std::uint16_t(counter(random)), nodes[i % 4]};
            const HlcTimestamp y{i % 2 ? x.ms : ms(random), std::uint16_t(i % 3 ? x.counter : counter(random)),
                                 nodes[(i / 4) % 4]};
            QCOMPARE(HlcTimestamp::decode(x.encode()), std::optional(x));
            QCOMPARE(x < y, x.encode() < y.encode());
        }
    }

    void malformedTextIsRefused()
    {
        for (const char *bad : {"", "123", "00000000000000x-0000-a", "000000000000001-00g0-a", "000000000000001-0000-",
                                "000000000000001-0000-a-b", "000000000000001_0000-a"})
            QVERIFY2(!HlcTimestamp::decode(bad), bad);
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "test_hlc.moc"
