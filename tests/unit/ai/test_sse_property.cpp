// Property tests for SseParser on generated streams (every rule mixed, multi-byte UTF-8, emoji, invalid
// bytes, BOMs, all three line ends):
//  - feeding a stream whole matches a naive spec-literal reference (sse_reference.h);
//  - every 2-way split of a short stream and many random k-way splits of longer ones (1-byte reads
//    included) give exactly what feeding it whole gives, with and without tight caps.
// Seeds are fixed so a failure reproduces; the message prints the stream and the read boundaries.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>

#include <QtTest/QTest>

#include "sse_reference.h"
#include "sse_test_support.h"

using namespace rapport::ai;
using namespace sse_test;

namespace {

using Rng = std::mt19937;

template <class T>
const T &pick(Rng &rng, const std::vector<T> &from)
{
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

bool chance(Rng &rng, double p)
{
    return std::bernoulli_distribution(p)(rng);
}

std::string randomText(Rng &rng)
{
    static const std::vector<std::string> pieces = {
        "a", "hello", "world", " ", "  ", ":", ": ", "0", "42", "{\"k\":\"v\"}", "\t", "data", "id",
        "\xC3\xA9",                                // é
        "\xE4\xB8\xAD\xE6\x96\x87",                // 中文
        "\xF0\x9F\x98\x80",                        // 😀
        "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",  // 👩‍💻 (ZWJ sequence)
        "\xEF\xBB\xBF",                            // a BOM in the middle is content
        "\xF0\x9F", "\xE2\x82", "\xFF", "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",  // invalid
        std::string(1, '\0'),
    };
    std::string text;
    const int n = std::uniform_int_distribution<int>(0, 6)(rng);
    for (int i = 0; i < n; ++i)
        text += pick(rng, pieces);
    return text;
}

std::string randomLine(Rng &rng)
{
    switch (std::uniform_int_distribution<int>(0, 15)(rng)) {
    case 0: case 1: case 2: return "data: " + randomText(rng);
    case 3: return "data:" + randomText(rng);
    case 4: return "data";
    case 5: return "event: " + pick(rng, std::vector<std::string>{"add", "update", "", "\xC3\xA9t\xC3\xA9", "a\xFF"});
    case 6: return "event";
    case 7: return "id: " + randomText(rng);
    case 8: return "id";
    case 9: return "retry: " + pick(rng, std::vector<std::string>{"0", "1500", "12a", "", " 5", "99999999999"});
    case 10: return ":" + randomText(rng);
    case 11: return pick(rng, std::vector<std::string>{"foo: bar", "Data: x", "data : x", "retry", "error: {}"});
    case 12: return randomText(rng);  // a random field name, usually unknown
    default: return {};               // blank line: dispatch
    }
}

std::string randomStream(Rng &rng, int maxLines)
{
    static const std::vector<std::string> eols = {"\n", "\n", "\r", "\r\n"};
    std::string s;
    if (chance(rng, 0.2))
        s += "\xEF\xBB\xBF";
    if (chance(rng, 0.05))
        s += "\xEF\xBB\xBF";
    const int lines = std::uniform_int_distribution<int>(0, maxLines)(rng);
    for (int i = 0; i < lines; ++i)
        s += randomLine(rng) + pick(rng, eols);
    if (chance(rng, 0.3))
        s += randomLine(rng);  // unterminated tail
    return s;
}

std::vector<std::size_t> randomCuts(Rng &rng, std::size_t size, int mode)
{
    if (mode == 0)
        return everyByte(size);
    const std::size_t maxRead = mode == 1 ? 3 : mode == 2 ? 17 : 600;
    std::vector<std::size_t> cuts;
    for (std::size_t at = std::uniform_int_distribution<std::size_t>(1, maxRead)(rng); at < size;
         at += std::uniform_int_distribution<std::size_t>(1, maxRead)(rng))
        cuts.push_back(at);
    return cuts;
}

// The stream as a C++ string literal body, so a failing case can be pasted into a test table.
std::string escaped(std::string_view s)
{
    std::string out;
    bool afterHex = false;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out.push_back(static_cast<char>(c));
        } else if (c >= 0x20 && c < 0x7F) {
            if (afterHex && std::isxdigit(c))
                out += "\"\"";  // end the literal so the digit is not read as part of the \x escape
            out.push_back(static_cast<char>(c));
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
            afterHex = true;
            continue;
        }
        afterHex = false;
    }
    return out;
}

std::string failure(std::string_view stream, const std::vector<std::size_t> &cuts, const Outcome &got,
                    const Outcome &want)
{
    std::string cutText = "read ends at";
    if (!cuts.empty() && cuts == everyByte(stream.size())) {
        cutText = "read byte by byte";
    }
    else {
        for (std::size_t c : cuts)
            cutText += " " + std::to_string(c);
    }
    return "stream \"" + escaped(stream) + "\" " + cutText + "\n   got: " + got.text()
        + "\n  want: " + want.text();
}

} // namespace

class TestSseProperty : public QObject {
    Q_OBJECT

private slots:
    void wholeFeedMatchesReference();
    void everyTwoWaySplitMatchesWhole();
    void randomMultiWaySplitsMatchWhole();
    void capsAreSplitInvariant();
};

void TestSseProperty::wholeFeedMatchesReference()
{
    Rng rng(1001);
    for (int i = 0; i < 3000; ++i) {
        const std::string s = randomStream(rng, 12);
        Outcome got = run(s);
        const Outcome want = referenceParse(s);
        // The reference does not model finish(); compare what it does model.
        got.clean = want.clean;
        got.discardedData = want.discardedData;
        if (!(got == want))
            QFAIL(failure(s, {}, got, want).c_str());
    }
}

void TestSseProperty::everyTwoWaySplitMatchesWhole()
{
    Rng rng(2002);
    int splits = 0;
    for (int i = 0; i < 400; ++i) {
        const std::string s = randomStream(rng, 8);
        const Outcome whole = run(s);
        for (std::size_t cut = 0; cut <= s.size(); ++cut, ++splits) {
            const Outcome split = run(s, {cut});
            if (!(split == whole))
                QFAIL(failure(s, {cut}, split, whole).c_str());
        }
    }
    QVERIFY(splits > 10000);  // the generator really produced streams worth splitting
}

void TestSseProperty::randomMultiWaySplitsMatchWhole()
{
    Rng rng(3003);
    for (int i = 0; i < 150; ++i) {
        const std::string s = randomStream(rng, 200);
        const Outcome whole = run(s);
        for (int k = 0; k < 24; ++k) {
            const auto cuts = randomCuts(rng, s.size(), k % 4);
            const Outcome split = run(s, cuts);
            if (!(split == whole))
                QFAIL(failure(s, cuts, split, whole).c_str());
        }
    }
}

void TestSseProperty::capsAreSplitInvariant()
{
    // Tight caps so that many streams hit one: the same events must precede the same error however
    // the stream was read.
    const SseLimits limits{24, 40};
    Rng rng(4004);
    int errors = 0;
    for (int i = 0; i < 600; ++i) {
        const std::string s = randomStream(rng, 30);
        const Outcome whole = run(s, {}, limits);
        errors += whole.error.has_value();
        for (int k = 0; k < 12; ++k) {
            const auto cuts = randomCuts(rng, s.size(), k % 4);
            const Outcome split = run(s, cuts, limits);
            if (!(split == whole))
                QFAIL(failure(s, cuts, split, whole).c_str());
        }
    }
    QVERIFY(errors > 50);  // the caps were really exercised
}

QTEST_APPLESS_MAIN(TestSseProperty)
#include "test_sse_property.moc"
