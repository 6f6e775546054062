// Latency histograms: bucket layout, percentiles within one bucket of the truth, exact max, concurrency.

#include "core/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#include <QtTest/QTest>

#include "core_test_support.h"

using namespace rapport;
using namespace Qt::StringLiterals;
using json = nlohmann::json;

using Distribution = std::function<std::vector<std::uint64_t>()>;
Q_DECLARE_METATYPE(Distribution)

namespace {

// The true q-quantile in the same convention the histogram uses: the value of rank ceil(q * n).
std::uint64_t trueQuantile(std::vector<std::uint64_t> values, double q)
{
    std::sort(values.begin(), values.end());
    const auto rank = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(q * double(values.size()))));
    return values[rank - 1];
}

// A reported percentile is the upper bound of the true value's bucket: never below it, at most 1/16 above.
bool withinBucket(double reportedUs, std::uint64_t trueNs)
{
    const double trueUs = double(trueNs) / 1000.0;
    return reportedUs >= trueUs && reportedUs <= trueUs * (1.0 + 1.0 / 16.0) + 1e-9;
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void bucketLayout();
    void percentiles_data();
    void percentiles();
    void constantIsExact();
    void emptySnapshot();
    void hugeValuesStayBounded();
    void concurrentRecording();
    void histogramReferenceIsStable();
    void jsonShape();
};

void TestMetrics::bucketLayout()
{
    // Every value lies in its bucket, buckets are ordered and contiguous, and none is wider than 1/16.
    std::vector<std::uint64_t> values;
    for (std::uint64_t v = 0; v < 70'000; ++v)
        values.push_back(v);
    std::mt19937_64 rng(7);
    for (int i = 0; i < 100'000; ++i)
        values.push_back(rng() >> (rng() % 64));
    for (const std::uint64_t v : values) {
        const int index = LatencyHistogram::bucketIndex(v);
        QVERIFY(index >= 0 && index < 42 * 16);
        QVERIFY(LatencyHistogram::bucketUpperBound(index) >= v);
        if (index > 0)
            QVERIFY(LatencyHistogram::bucketUpperBound(index - 1) < v);
    }
    for (std::uint64_t v = 0; v < 32; ++v)
        QCOMPARE(LatencyHistogram::bucketUpperBound(LatencyHistogram::bucketIndex(v)), v);
    for (int index = 32; index < 42 * 16 - 1; ++index) {
        const std::uint64_t lower = LatencyHistogram::bucketUpperBound(index - 1) + 1;
        const std::uint64_t upper = LatencyHistogram::bucketUpperBound(index);
        QCOMPARE(LatencyHistogram::bucketIndex(lower), index);
        QCOMPARE(LatencyHistogram::bucketIndex(upper), index);
        QVERIFY(double(upper - lower + 1) <= double(lower) / 16.0);
    }
}

void TestMetrics::percentiles_data()
{
    QTest::addColumn<Distribution>("values");

    QTest::newRow("uniform 1..1000 us") << Distribution([] {
        std::vector<std::uint64_t> v;
        for (std::uint64_t i = 1; i <= 1000; ++i)
            v.push_back(i * 1000);
        return v;
    });
    QTest::newRow("bimodal 10 us / 10 ms") << Distribution([] {
        std::vector<std::uint64_t> v(9000, 10'000);
        v.insert(v.end(), 1000, 10'000'000);
        return v;
    });
    QTest::newRow("exponential, mean 30 us") << Distribution([] {
        std::mt19937_64 rng(42);
        std::exponential_distribution<double> dist(1.0 / 30'000.0);
        std::vector<std::uint64_t> v;
        for (int i = 0; i < 50'000; ++i)
            v.push_back(static_cast<std::uint64_t>(dist(rng)) + 1);
        return v;
    });
    QTest::newRow("log-uniform 100 ns .. 1 s") << Distribution([] {
        std::mt19937_64 rng(1);
        std::uniform_real_distribution<double> exponent(2.0, 9.0);
        std::vector<std::uint64_t> v;
        for (int i = 0; i < 20'000; ++i)
            v.push_back(static_cast<std::uint64_t>(std::pow(10.0, exponent(rng))));
        return v;
    });
    QTest::newRow("single value") << Distribution([] { return std::vector<std::uint64_t>{18'250}; });
}

void TestMetrics::percentiles()
{
    QFETCH(Distribution, values);
    const std::vector<std::uint64_t> data = values();

    LatencyHistogram h;
    for (const std::uint64_t v : data)
        h.record(v);
    const LatencySnapshot s = h.snapshot();

    QCOMPARE(s.count, std::uint64_t(data.size()));
    QCOMPARE(s.maxUs, double(*std::max_element(data.begin(), data.end())) / 1000.0);
    const std::pair<double, double> checks[] = {{0.5, s.p50Us}, {0.9, s.p90Us}, {0.99, s.p99Us}, {0.999, s.p999Us}};
    for (const auto &[q, reported] : checks) {
        const std::uint64_t truth = trueQuantile(data, q);
        QVERIFY2(withinBucket(reported, truth),
                 qPrintable(u"q=%1 reported %2 us, true %3 ns"_s.arg(q).arg(reported).arg(truth)));
        QVERIFY(reported <= s.maxUs);
    }
}

void TestMetrics::constantIsExact()
{
    LatencyHistogram h;
    for (int i = 0; i < 1000; ++i)
        h.record(42'123);
    const LatencySnapshot s = h.snapshot();
    QCOMPARE(s.count, std::uint64_t(1000));
    for (const double p : {s.p50Us, s.p90Us, s.p99Us, s.p999Us, s.maxUs})
        QCOMPARE(p, 42.123);  // capped at the exact max, so no bucket error at all
}

void TestMetrics::emptySnapshot()
{
    const LatencySnapshot s = LatencyHistogram().snapshot();
    QCOMPARE(s.count, std::uint64_t(0));
    for (const double p : {s.p50Us, s.p90Us, s.p99Us, s.p999Us, s.maxUs})
        QCOMPARE(p, 0.0);
}

void TestMetrics::hugeValuesStayBounded()
{
    LatencyHistogram h;
    h.record(1000);
    h.record(std::uint64_t(1) << 62);  // far beyond the last bucket's start: lands there, max stays exact
    LatencySnapshot s = h.snapshot();
    QCOMPARE(s.count, std::uint64_t(2));
    QCOMPARE(s.p50Us, 1.023);  // upper bound of the [992, 1023] ns bucket
    QCOMPARE(s.p99Us, double(std::uint64_t(1) << 62) / 1000.0);
    QCOMPARE(s.maxUs, s.p99Us);

    h.record(std::numeric_limits<std::uint64_t>::max());
    s = h.snapshot();
    QCOMPARE(s.maxUs, double(std::numeric_limits<std::uint64_t>::max()) / 1000.0);
    QVERIFY(s.p50Us >= double(std::uint64_t(1) << 62) / 1000.0);
    QVERIFY(s.p50Us <= s.maxUs);
}

void TestMetrics::concurrentRecording()
{
    constexpr int kThreads = 4;
    constexpr std::uint64_t kPerThread = 100'000;
    LatencyHistogram h;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&h, t] {
            for (std::uint64_t i = 1; i <= kPerThread; ++i)
                h.record(i * 10 + std::uint64_t(t));
        });
    }
    for (std::thread &t : threads)
        t.join();
    const LatencySnapshot s = h.snapshot();
    QCOMPARE(s.count, kThreads * kPerThread);
    QCOMPARE(s.maxUs, double(kPerThread * 10 + kThreads - 1) / 1000.0);
}

void TestMetrics::histogramReferenceIsStable()
{
    Metrics metrics;
    LatencyHistogram &first = metrics.histogram("GET /contacts/:id");
    for (int i = 0; i < 500; ++i)
        metrics.histogram("GET /route/" + std::to_string(i)).record(1);
    QCOMPARE(&metrics.histogram("GET /contacts/:id"), &first);
    first.record(5000);
    QCOMPARE(metrics.toJson()["routes"]["GET /contacts/:id"]["count"], json(1));
}

void TestMetrics::jsonShape()
{
    Metrics metrics;
    QCOMPARE(metrics.toJson(), json({{"routes", json::object()}}));

    LatencyHistogram &h = metrics.histogram("GET /contacts/:id");
    h.record(18'260);  // bucket [17408, 18431] ns: p50 reports 18.431 us -> 18.4
    h.record(18'260);
    h.record(31'040);  // bucket [30720, 31743] ns, capped at the exact max 31.04 us -> 31.0
    (void)metrics.histogram("POST /contacts");

    const json expected = {{"routes",
                            {{"GET /contacts/:id",
                              {{"count", 3}, {"p50_us", 18.4}, {"p90_us", 31.0}, {"p99_us", 31.0}, {"max_us", 31.0}}},
                             {"POST /contacts",
                              {{"count", 0}, {"p50_us", 0.0}, {"p90_us", 0.0}, {"p99_us", 0.0}, {"max_us", 0.0}}}}}};
    QCOMPARE(metrics.toJson(), expected);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
