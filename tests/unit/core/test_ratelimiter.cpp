// Token buckets driven by a ManualClock: every refill and retry time is exact, so tests assert equality.

#include "core/ratelimiter.h"

#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include <QtTest/QTest>

#include "core_test_support.h"

using namespace rapport;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(rapport::RouteClass)

namespace {

RateLimits only(RouteClass cls, RateLimit limit)
{
    RateLimits limits;
    limits[cls] = limit;
    return limits;
}

void drain(RateLimiter &limiter, RouteClass cls, std::int64_t tokens, std::string_view who = "local")
{
    for (std::int64_t i = 0; i < tokens; ++i)
        QVERIFY(limiter.take(cls, who).allowed);
}

} // namespace

class TestRateLimiter : public QObject {
    Q_OBJECT

private slots:
    void defaultBurst_data();
    void defaultBurst();
    void refillIsExact();
    void refillStopsAtCapacity();
    void retryAfter_data();
    void retryAfter();
    void bucketsPerIdentityAndClass();
    void unlimited();
    void classNames();
    void invalidLimitsThrow_data();
    void invalidLimitsThrow();
    void manyIdentitiesKeepState();
    void concurrentTakesNeverExceedCapacity();
    void concurrentTakesWithRefill();
};

void TestRateLimiter::defaultBurst_data()
{
    QTest::addColumn<RouteClass>("cls");
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<qint64>("retryMs");  // right after the burst is spent

    QTest::newRow("read")  << RouteClass::Read  << qint64(10000) << qint64(1);     // 1 per 0.2 ms
    QTest::newRow("write") << RouteClass::Write << qint64(4000)  << qint64(1);     // 1 per 0.5 ms
    QTest::newRow("ai")    << RouteClass::Ai    << qint64(10)    << qint64(6000);  // 10 per minute
    QTest::newRow("auth")  << RouteClass::Auth  << qint64(5)     << qint64(6000);  // 10 per minute
}

void TestRateLimiter::defaultBurst()
{
    QFETCH(RouteClass, cls);
    QFETCH(qint64, capacity);
    QFETCH(qint64, retryMs);

    ManualClock clock;
    RateLimiter limiter(RateLimits::defaults(), clock);
    for (qint64 i = 1; i <= capacity; ++i) {
        const RateLimiter::Decision d = limiter.take(cls, "local");
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, capacity - i);
    }
    const RateLimiter::Decision refused = limiter.take(cls, "local");
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterMs, retryMs);
    QCOMPARE(refused.remaining, std::int64_t(0));
}

void TestRateLimiter::refillIsExact()
{
    ManualClock clock;
    RateLimiter limiter(only(RouteClass::Read, {3, 5000}), clock);  // one token per 200 us
    drain(limiter, RouteClass::Read, 3);

    clock.advance(199'999ns);
    QVERIFY(!limiter.take(RouteClass::Read, "local").allowed);
    clock.advance(1ns);
    QVERIFY(limiter.take(RouteClass::Read, "local").allowed);
    QVERIFY(!limiter.take(RouteClass::Read, "local").allowed);

    // Many small steps add up to exactly the same as one big one: no rounding loss per step.
    for (int i = 0; i < 400; ++i)
        clock.advance(1us);
    QCOMPARE(limiter.take(RouteClass::Read, "local").remaining, std::int64_t(1));
    QVERIFY(limiter.take(RouteClass::Read, "local").allowed);
    QVERIFY(!limiter.take(RouteClass::Read, "local").allowed);
}

void TestRateLimiter::refillStopsAtCapacity()
{
    ManualClock clock;
    RateLimiter limiter(only(RouteClass::Auth, {5, 0, 10}), clock);
    drain(limiter, RouteClass::Auth, 5);

    clock.advance(1h);
    QCOMPARE(limiter.take(RouteClass::Auth, "local").remaining, std::int64_t(4));
    clock.advance(std::chrono::hours(24 * 365 * 200));  // long idle must not overflow the arithmetic
    QCOMPARE(limiter.take(RouteClass::Auth, "local").remaining, std::int64_t(4));
}

void TestRateLimiter::retryAfter_data()
{
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<qint64>("perSecond");
    QTest::addColumn<qint64>("perMinute");
    QTest::addColumn<qint64>("waitedNs");   // after draining the bucket
    QTest::addColumn<qint64>("retryMs");

    QTest::newRow("1/s fresh")          << qint64(1) << qint64(1)    << qint64(0)  << qint64(0)             << qint64(1000);
    QTest::newRow("1/s after 400ms")    << qint64(1) << qint64(1)    << qint64(0)  << qint64(400'000'000)   << qint64(600);
    QTest::newRow("1/s 1ns short")      << qint64(1) << qint64(1)    << qint64(0)  << qint64(999'999'999)   << qint64(1);
    QTest::newRow("3/s rounds up")      << qint64(2) << qint64(3)    << qint64(0)  << qint64(0)             << qint64(334);
    QTest::newRow("2000/s sub-ms")      << qint64(4) << qint64(2000) << qint64(0)  << qint64(0)             << qint64(1);
    QTest::newRow("10/min fresh")       << qint64(5) << qint64(0)    << qint64(10) << qint64(0)             << qint64(6000);
    QTest::newRow("10/min after 1s")    << qint64(5) << qint64(0)    << qint64(10) << qint64(1'000'000'000) << qint64(5000);
    QTest::newRow("10/min 0.5ms short") << qint64(5) << qint64(0)    << qint64(10) << qint64(5'999'500'000) << qint64(1);
    QTest::newRow("1/s + 30/min")       << qint64(1) << qint64(1)    << qint64(30) << qint64(0)             << qint64(667);
}

void TestRateLimiter::retryAfter()
{
    QFETCH(qint64, capacity);
    QFETCH(qint64, perSecond);
    QFETCH(qint64, perMinute);
    QFETCH(qint64, waitedNs);
    QFETCH(qint64, retryMs);

    ManualClock clock;
    RateLimiter limiter(only(RouteClass::Ai, {capacity, perSecond, perMinute}), clock);
    drain(limiter, RouteClass::Ai, capacity);
    clock.advance(std::chrono::nanoseconds(waitedNs));

    const RateLimiter::Decision d = limiter.take(RouteClass::Ai, "local");
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterMs, retryMs);

    // Waiting the advertised time is always enough.
    clock.advance(std::chrono::milliseconds(retryMs));
    QVERIFY(limiter.take(RouteClass::Ai, "local").allowed);
}

void TestRateLimiter::bucketsPerIdentityAndClass()
{
    ManualClock clock;
    RateLimits limits;
    limits[RouteClass::Read] = {2, 1};
    limits[RouteClass::Write] = {1, 1};
    RateLimiter limiter(limits, clock);

    drain(limiter, RouteClass::Read, 2, "alice");
    QVERIFY(!limiter.take(RouteClass::Read, "alice").allowed);
    QCOMPARE(limiter.take(RouteClass::Read, "bob").remaining, std::int64_t(1));
    QVERIFY(limiter.take(RouteClass::Write, "alice").allowed);
    QVERIFY(!limiter.take(RouteClass::Write, "alice").allowed);
    QVERIFY(limiter.take(RouteClass::Read, "bob").allowed);
    QVERIFY(!limiter.take(RouteClass::Read, "bob").allowed);
}

void TestRateLimiter::unlimited()
{
    ManualClock clock;
    RateLimiter limiter(RateLimits::unlimited(), clock);
    for (const RouteClass cls : {RouteClass::Read, RouteClass::Write, RouteClass::Ai, RouteClass::Auth}) {
        for (int i = 0; i < 10'000; ++i) {
            const RateLimiter::Decision d = limiter.take(cls, "local");
            QVERIFY(d.allowed);
            QCOMPARE(d.remaining, std::numeric_limits<std::int64_t>::max());
        }
    }
}

void TestRateLimiter::classNames()
{
    QCOMPARE(routeClassName(RouteClass::Read), std::string_view("read"));
    QCOMPARE(routeClassName(RouteClass::Write), std::string_view("write"));
    QCOMPARE(routeClassName(RouteClass::Ai), std::string_view("ai"));
    QCOMPARE(routeClassName(RouteClass::Auth), std::string_view("auth"));
}

void TestRateLimiter::invalidLimitsThrow_data()
{
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<qint64>("perSecond");
    QTest::addColumn<qint64>("perMinute");

    QTest::newRow("negative capacity")  << qint64(-1)          << qint64(1) << qint64(0);
    QTest::newRow("negative rate")      << qint64(1)           << qint64(-1) << qint64(0);
    QTest::newRow("never refills")      << qint64(5)           << qint64(0) << qint64(0);
    QTest::newRow("capacity too large") << qint64(100'000'001) << qint64(1) << qint64(0);
    QTest::newRow("rate too large")     << qint64(1)           << std::numeric_limits<qint64>::max() << qint64(0);
}

void TestRateLimiter::invalidLimitsThrow()
{
    QFETCH(qint64, capacity);
    QFETCH(qint64, perSecond);
    QFETCH(qint64, perMinute);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             RateLimiter(only(RouteClass::Write, {capacity, perSecond, perMinute})));
}

void TestRateLimiter::manyIdentitiesKeepState()
{
    // Thousands of callers, each full again 6 s after its call, make the limiter drop full buckets;
    // the drained one must keep its exact state through that.
    ManualClock clock;
    RateLimiter limiter(only(RouteClass::Auth, {5, 0, 10}), clock);
    drain(limiter, RouteClass::Auth, 5, "attacker");
    for (int i = 0; i < 20'000; ++i) {
        QVERIFY(limiter.take(RouteClass::Auth, "client-" + std::to_string(i)).allowed);
        clock.advance(1ms);
    }
    // 20 s at 10 per minute is 3 1/3 tokens.
    drain(limiter, RouteClass::Auth, 3, "attacker");
    const RateLimiter::Decision d = limiter.take(RouteClass::Auth, "attacker");
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterMs, std::int64_t(4000));
    QCOMPARE(limiter.take(RouteClass::Auth, "client-7").remaining, std::int64_t(4));
    QCOMPARE(limiter.take(RouteClass::Auth, "client-19999").remaining, std::int64_t(3));
}

void TestRateLimiter::concurrentTakesNeverExceedCapacity()
{
    ManualClock clock;  // time stands still: exactly the burst can be granted
    RateLimiter limiter(only(RouteClass::Write, {1000, 1}), clock);
    std::atomic<int> granted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                if (limiter.take(RouteClass::Write, "local").allowed)
                    ++granted;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(granted.load(), 1000);
}

void TestRateLimiter::concurrentTakesWithRefill()
{
    constexpr std::int64_t kCapacity = 100;
    constexpr std::int64_t kPerSecond = 1000;  // one token per millisecond
    ManualClock clock;
    RateLimiter limiter(only(RouteClass::Write, {kCapacity, kPerSecond}), clock);
    std::atomic<std::int64_t> granted{0};
    std::atomic<bool> done{false};

    std::vector<std::thread> takers;
    for (int t = 0; t < 6; ++t) {
        takers.emplace_back([&] {
            while (!done.load()) {
                if (limiter.take(RouteClass::Write, "local").allowed)
                    ++granted;
            }
        });
    }
    constexpr int kSteps = 500;
    for (int i = 0; i < kSteps; ++i) {
        clock.advance(100us);
        std::this_thread::yield();
    }
    done = true;
    for (std::thread &t : takers)
        t.join();

    const std::int64_t refilled = kSteps * 100 * kPerSecond / 1'000'000;  // 50 tokens over 50 ms
    QVERIFY2(granted.load() <= kCapacity + refilled, std::to_string(granted.load()).c_str());
    QVERIFY(granted.load() >= kCapacity);  // the burst is always there to take
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "test_ratelimiter.moc"
