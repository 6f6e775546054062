// scanChunk() must answer exactly what json::parse + deltaContent()/finishReason() answer, for real chunk
// shapes, for every escape and validity corner, and for thousands of generated and mutated documents.

#include "ai/chunk_scan.h"

#include <random>

#include <QtTest/QTest>

#include "ai/chat_chunk.h"
#include "unit/core/core_test_support.h"

using namespace rapport::ai;
using json = nlohmann::json;

namespace {

// The DOM answer scanChunk() must reproduce, rendered as JSON for readable failures.
json viaDom(std::string_view data)
{
    const json chunk = json::parse(data, nullptr, false);
    if (chunk.is_discarded())
        return "invalid";
    const auto content = deltaContent(chunk);
    const auto reason = finishReason(chunk);
    return {content ? json(*content) : json(), reason ? json(*reason) : json()};
}

json viaScan(std::string_view data)
{
    const auto delta = scanChunk(data);
    if (!delta)
        return "invalid";
    return {delta->content ? json(*delta->content) : json(), delta->finishReason ? json(*delta->finishReason) : json()};
}

std::string show(const json &j)
{
    return j.dump(-1, ' ', true, json::error_handler_t::replace);
}

// A random JSON value biased towards the chunk's own keys so the interesting paths are reached often.
json randomValue(std::mt19937 &rng, int depth)
{
    static const std::vector<std::string> keys = {"choices", "delta", "content", "finish_reason", "index", "usage",
                                                  "role", "x"};
    static const std::vector<json> leaves = {nullptr, true, false, 0, -1, 1.5, 1e300, "", " ", "stop", "Hi",
                                             "Gr\xC3\xBC\xC3\x9F" "e", "\xF0\x9F\x98\x80", "a\"b\\c\n\t\x01", "\xE2\x80\xA8"};
    const int kind = std::uniform_int_distribution<int>(0, depth > 4 ? 0 : 3)(rng);
    if (kind == 0)
        return leaves[std::uniform_int_distribution<std::size_t>(0, leaves.size() - 1)(rng)];
    const int n = std::uniform_int_distribution<int>(0, 3)(rng);
    json out = kind == 1 ? json::array() : json::object();
    for (int i = 0; i < n; ++i) {
        if (kind == 1)
            out.push_back(randomValue(rng, depth + 1));
        else
            out[keys[std::uniform_int_distribution<std::size_t>(0, keys.size() - 1)(rng)]] = randomValue(rng, depth + 1);
    }
    return out;
}

} // namespace

class TestChunkScan : public QObject {
    Q_OBJECT

private slots:
    void matchesDom_data();
    void matchesDom();
    void generatedDocumentsMatchDom();
    void mutatedChunksMatchDom();
};

void TestChunkScan::matchesDom_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");  // [content, finish_reason] or "invalid"

    // clang-format off
    QTest::newRow("content")          << QByteArray(R"({"id":"c1","object":"chat.completion.chunk","created":1718000000,"choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}],"usage":null})") << QByteArray(R"(["Hi",null])");
    QTest::newRow("finish")           << QByteArray(R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})")                << QByteArray(R"([null,"stop"])");
    QTest::newRow("usage chunk")      << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":9,"total_tokens":21}})")              << QByteArray(R"([null,null])");
    QTest::newRow("role chunk")       << QByteArray(R"({"choices":[{"delta":{"role":"assistant","content":null}}]})")              << QByteArray(R"([null,null])");
    QTest::newRow("ollama empty")     << QByteArray(R"({"choices":[{"delta":{"content":""},"finish_reason":""}]})")                << QByteArray(R"(["",null])");
    QTest::newRow("escapes")          << QByteArray(R"({"choices":[{"delta":{"content":"a\"b\\c\/d\b\f\n\r\t"}}]})")              << QByteArray(R"(["a\"b\\c/d\b\f\n\r\t",null])");
    QTest::newRow("unicode escapes")  << QByteArray(R"({"choices":[{"delta":{"content":"\u00fc\u6771\ud83d\ude00\u0000"}}]})")     << QByteArray(R"(["\u00fc\u6771\ud83d\ude00\u0000",null])");
    QTest::newRow("escaped key")      << QByteArray(R"({"ch\u006fices":[{"delta":{"c\u006fntent":"k"}}]})")                        << QByteArray(R"(["k",null])");
    QTest::newRow("raw UTF-8")        << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\"}}]}") << QByteArray(R"(["caf\u00e9 \ud83d\ude00",null])");
    QTest::newRow("whitespace")       << QByteArray(" {\n\"choices\" : [ { \"delta\" : { \"content\" : \"w\" } } ] }\r\n\t")     << QByteArray(R"(["w",null])");
    QTest::newRow("duplicate choices")<< QByteArray(R"({"choices":[{"delta":{"content":"a"},"finish_reason":"stop"}],"choices":[]})") << QByteArray(R"([null,null])");
    QTest::newRow("duplicate content")<< QByteArray(R"({"choices":[{"delta":{"content":"a","content":null}}]})")                   << QByteArray(R"([null,null])");
    QTest::newRow("second choice")    << QByteArray(R"({"choices":[{"delta":{}},{"delta":{"content":"n2"},"finish_reason":"stop"}]})") << QByteArray(R"([null,null])");
    QTest::newRow("nested lookalike") << QByteArray(R"({"x":{"choices":[{"delta":{"content":"no"}}]},"choices":[{"delta":{"content":"yes"}}]})") << QByteArray(R"(["yes",null])");
    QTest::newRow("BOM skipped")      << QByteArray("\xEF\xBB\xBF{\"choices\":[{\"delta\":{\"content\":\"b\"}}]}")                 << QByteArray(R"(["b",null])");
    QTest::newRow("exponent")         << QByteArray(R"({"n":1e5,"choices":[{"delta":{"content":"e"}}]})")                          << QByteArray(R"(["e",null])");
    QTest::newRow("float overflow")   << QByteArray(R"({"n":1e999,"choices":[{"delta":{"content":"e"}}]})")                        << QByteArray(R"("invalid")");
    QTest::newRow("long integer")     << QByteArray("{\"n\":1" + QByteArray(400, '0') + ",\"choices\":[]}")                        << QByteArray(R"("invalid")");
    QTest::newRow("deep nesting")     << QByteArray("{\"d\":" + QByteArray(100, '[') + QByteArray(100, ']') + ",\"choices\":[{\"delta\":{\"content\":\"d\"}}]}") << QByteArray(R"(["d",null])");
    QTest::newRow("[DONE]")           << QByteArray("[DONE]")                                                                      << QByteArray(R"("invalid")");
    QTest::newRow("empty")            << QByteArray("")                                                                            << QByteArray(R"("invalid")");
    QTest::newRow("truncated")        << QByteArray(R"({"choices":[{"delta":{"content":"Hi"}})")                                   << QByteArray(R"("invalid")");
    QTest::newRow("trailing garbage") << QByteArray(R"({"choices":[]} x)")                                                         << QByteArray(R"("invalid")");
    QTest::newRow("trailing comma")   << QByteArray(R"({"choices":[],})")                                                          << QByteArray(R"("invalid")");
    QTest::newRow("raw control char") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"a\x01\"}}]}")                         << QByteArray(R"("invalid")");
    QTest::newRow("lone low surrogate") << QByteArray(R"({"choices":[{"delta":{"content":"\udc00"}}]})")                           << QByteArray(R"("invalid")");
    QTest::newRow("lone high surrogate") << QByteArray(R"({"choices":[{"delta":{"content":"\ud83dx"}}]})")                         << QByteArray(R"("invalid")");
    QTest::newRow("bad escape")       << QByteArray(R"({"choices":[{"delta":{"content":"\x"}}]})")                                 << QByteArray(R"("invalid")");
    QTest::newRow("leading zero")     << QByteArray(R"({"n":01,"choices":[]})")                                                    << QByteArray(R"("invalid")");
    QTest::newRow("invalid UTF-8")    << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"\xFF\"}}]}")                          << QByteArray(R"("invalid")");
    QTest::newRow("single quotes")    << QByteArray(R"({'choices':[]})")                                                           << QByteArray(R"("invalid")");
    // clang-format on
}

void TestChunkScan::matchesDom()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);

    const std::string_view text(data.constData(), static_cast<std::size_t>(data.size()));
    QCOMPARE(show(viaDom(text)), show(json::parse(expected.toStdString())));  // the table itself is right
    QCOMPARE(show(viaScan(text)), show(viaDom(text)));
}

void TestChunkScan::generatedDocumentsMatchDom()
{
    std::mt19937 rng(5005);
    int withContent = 0;
    for (int i = 0; i < 20000; ++i) {
        json doc = randomValue(rng, 0);
        if (i % 2 == 0) {  // half of them shaped like a real chunk around the random parts
            json delta = i % 4 == 0 ? json::object({{"content", randomValue(rng, 5)}}) : randomValue(rng, 1);
            doc = {{"id", "c"},
                   {"choices", json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", randomValue(rng, 4)}}})}};
        }
        const std::string text = doc.dump(i % 3 == 0 ? 2 : -1, ' ', /*ensure_ascii=*/i % 5 == 0);
        const json want = viaDom(text);
        withContent += want.is_array() && !want[0].is_null();
        if (viaScan(text) != want)
            QFAIL(("document " + text + "\n   scan: " + show(viaScan(text)) + "\n    dom: " + show(want)).c_str());
    }
    QVERIFY(withContent > 1000);  // the generator reaches choices[0].delta.content
}

void TestChunkScan::mutatedChunksMatchDom()
{
    // Single-byte edits of a real chunk: almost all are invalid JSON, and scan and DOM must agree which.
    const std::string base = R"({"id":"c1","object":"chat.completion.chunk","created":17,"choices":[{"index":0,)"
                             R"("delta":{"content":"G\u00fc \"q\" \ud83d\ude00 caf\u00e9"},"finish_reason":null}],"usage":null})";
    const std::string alphabet = std::string("{}[]\":,\\ 0-1.eEtfnu") + '\0' + "\x80\xC3\xFF";
    int valid = 0;
    for (std::size_t at = 0; at < base.size(); ++at) {
        for (char c : alphabet) {
            for (int op = 0; op < 3; ++op) {
                std::string text = base;
                if (op == 0)
                    text[at] = c;
                else if (op == 1)
                    text.insert(at, 1, c);
                else
                    text.erase(at, 1);
                const json want = viaDom(text);
                valid += want.is_array();
                if (viaScan(text) != want)
                    QFAIL(("document " + show(json(text)) + "\n   scan: " + show(viaScan(text)) + "\n    dom: " + show(want)).c_str());
            }
        }
    }
    QVERIFY(valid > 100);
}

QTEST_APPLESS_MAIN(TestChunkScan)
#include "test_chunk_scan.moc"
