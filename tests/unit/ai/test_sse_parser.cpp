// SseParser against the WHATWG event-stream rules (WPT eventsource/ style cases), caps and end of stream.
// Every table row is also fed byte by byte and in every 2-way split: read boundaries must not matter.

#include <QtTest/QTest>

#include "sse_test_support.h"

using namespace rapport;
using namespace rapport::ai;
using namespace sse_test;
using json = nlohmann::json;

namespace {
// A byte-exact QByteArray from a literal, embedded NULs included.
template <std::size_t N>
QByteArray bytes(const char (&s)[N])
{
    return QByteArray(s, static_cast<qsizetype>(N - 1));
}
} // namespace

class TestSseParser : public QObject {
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void crAtEndOfReadThenLf();
    void crAtEndOfReadThenCr();
    void bomSplitOverReads();
    void lineCap();
    void lineCapAcrossReads();
    void eventCap();
    void errorIsStickyUntilFinish();
    void finishReportsDiscardedEvent();
    void finishKeepsIdAndRetry();
    void eventIsReusedNotAccumulated();
};

void TestSseParser::rules_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArray>("events");  // JSON: [[type, id, data], ...]
    QTest::addColumn<int>("retry");          // -1: never set
    QTest::addColumn<QByteArray>("lastId");

    // clang-format off
    QTest::newRow("event-data")           << bytes("data: hello\n\n")                          << bytes(R"([["message","","hello"]])")               << -1   << bytes("");
    QTest::newRow("two events")           << bytes("data: a\n\ndata: b\n\n")                   << bytes(R"([["message","","a"],["message","","b"]])") << -1 << bytes("");
    QTest::newRow("comment ignored")      << bytes(": ping\ndata: x\n: more\n\n")              << bytes(R"([["message","","x"]])")                   << -1   << bytes("");
    QTest::newRow("comment-only block")   << bytes(":\n\n: keep-alive\n\n")                    << bytes(R"([])")                                     << -1   << bytes("");
    QTest::newRow("CR-only line ends")    << bytes("data: a\rdata: b\r\r")                      << bytes(R"([["message","","a\nb"]])")                << -1   << bytes("");
    QTest::newRow("CRLF line ends")       << bytes("data: a\r\ndata: b\r\n\r\n")                << bytes(R"([["message","","a\nb"]])")                << -1   << bytes("");
    QTest::newRow("mixed line ends")      << bytes("data: a\r\n\ndata: b\n\rdata: c\r\r\n")     << bytes(R"([["message","","a"],["message","","b"],["message","","c"]])") << -1 << bytes("");
    QTest::newRow("LF CR is two breaks")  << bytes("data: a\n\r")                               << bytes(R"([["message","","a"]])")                   << -1   << bytes("");
    QTest::newRow("BOM stripped")         << bytes("\xEF\xBB\xBF" "data: x\n\n")                << bytes(R"([["message","","x"]])")                   << -1   << bytes("");
    QTest::newRow("second BOM kept")      << bytes("\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\ndata: y\n\n") << bytes(R"([["message","","y"]])")          << -1   << bytes("");
    QTest::newRow("BOM not at byte 0")    << bytes("\n\xEF\xBB\xBF" "data: x\n\ndata: y\n\n")   << bytes(R"([["message","","y"]])")                   << -1   << bytes("");
    QTest::newRow("BOM inside value")     << bytes("data: \xEF\xBB\xBFx\n\n")                   << bytes(R"([["message","","\ufeffx"]])")             << -1   << bytes("");
    QTest::newRow("BOM prefix only")      << bytes("\xEF\xBB" "data: x\n\ndata: y\n\n")         << bytes(R"([["message","","y"]])")                   << -1   << bytes("");
    QTest::newRow("UTF-16 BOM not honoured") << bytes("\xFF\xFE" "data: x\n\ndata: y\n\n")      << bytes(R"([["message","","y"]])")                   << -1   << bytes("");
    QTest::newRow("field without colon")  << bytes("data\n\n")                                 << bytes(R"([["message","",""]])")                    << -1   << bytes("");
    QTest::newRow("data: with space")     << bytes("data: x\n\n")                              << bytes(R"([["message","","x"]])")                   << -1   << bytes("");
    QTest::newRow("data: without space")  << bytes("data:x\n\n")                               << bytes(R"([["message","","x"]])")                   << -1   << bytes("");
    QTest::newRow("data: empty value")    << bytes("data:\n\n")                                << bytes(R"([["message","",""]])")                    << -1   << bytes("");
    QTest::newRow("two spaces keep one")  << bytes("data:  x\n\n")                             << bytes(R"([["message",""," x"]])")                  << -1   << bytes("");
    QTest::newRow("trailing space kept")  << bytes("data: x \t\n\n")                           << bytes(R"([["message","","x \t"]])")                << -1   << bytes("");
    QTest::newRow("split on first colon") << bytes("data: a: b:c\n\n")                         << bytes(R"([["message","","a: b:c"]])")              << -1   << bytes("");
    QTest::newRow("space before colon")   << bytes("data : x\n\n")                             << bytes(R"([])")                                     << -1   << bytes("");
    QTest::newRow("names case-sensitive") << bytes("Data: x\nDATA: y\n\n")                     << bytes(R"([])")                                     << -1   << bytes("");
    QTest::newRow("unknown field ignored")<< bytes("foo: bar\ndata: x\nerror: {}\n\n")         << bytes(R"([["message","","x"]])")                   << -1   << bytes("");
    QTest::newRow("multi-line data")      << bytes("data: a\ndata: b\ndata: c\n\n")            << bytes(R"([["message","","a\nb\nc"]])")             << -1   << bytes("");
    QTest::newRow("empty middle line")    << bytes("data: a\ndata\ndata: c\n\n")               << bytes(R"([["message","","a\n\nc"]])")              << -1   << bytes("");
    QTest::newRow("data with LF only")    << bytes("data\ndata\n\n")                           << bytes(R"([["message","","\n"]])")                  << -1   << bytes("");
    QTest::newRow("event type")           << bytes("event: add\ndata: x\n\n")                  << bytes(R"([["add","","x"]])")                       << -1   << bytes("");
    QTest::newRow("type resets")          << bytes("event: add\ndata: x\n\ndata: y\n\n")       << bytes(R"([["add","","x"],["message","","y"]])")    << -1   << bytes("");
    QTest::newRow("empty type is message")<< bytes("event\ndata: x\n\n")                       << bytes(R"([["message","","x"]])")                   << -1   << bytes("");
    QTest::newRow("last event type wins") << bytes("event: a\nevent: b\ndata: x\n\n")          << bytes(R"([["b","","x"]])")                         << -1   << bytes("");
    QTest::newRow("event-only never fires") << bytes("event: add\n\ndata: y\n\n")              << bytes(R"([["message","","y"]])")                   << -1   << bytes("");
    QTest::newRow("id set and persists")  << bytes("id: 7\ndata: a\n\ndata: b\n\n")            << bytes(R"([["message","7","a"],["message","7","b"]])") << -1 << bytes("7");
    QTest::newRow("id cleared by empty")  << bytes("id: 7\ndata: a\n\nid\ndata: b\n\n")        << bytes(R"([["message","7","a"],["message","","b"]])") << -1  << bytes("");
    QTest::newRow("id with NUL ignored")  << bytes("id: 1\ndata: a\n\nid: 2\0003\ndata: b\n\n") << bytes(R"([["message","1","a"],["message","1","b"]])") << -1 << bytes("1");
    QTest::newRow("id-only block")        << bytes("id: 9\n\n")                                << bytes(R"([])")                                     << -1   << bytes("9");
    QTest::newRow("id of discarded event")<< bytes("id: 1\ndata: a\n\nid: 2\ndata: b\n")       << bytes(R"([["message","1","a"]])")                  << -1   << bytes("1");
    QTest::newRow("NUL in data kept")     << bytes("data: a\0b\n\n")                           << bytes(R"([["message","","a\u0000b"]])")            << -1   << bytes("");
    QTest::newRow("retry digits")         << bytes("retry: 5000\n\n")                          << bytes(R"([])")                                     << 5000 << bytes("");
    QTest::newRow("retry non-digits")     << bytes("retry: 50x\n\nretry: -1\n\nretry: 1.5\n\n") << bytes(R"([])")                                    << -1   << bytes("");
    QTest::newRow("retry leading space")  << bytes("retry:  100\n\n")                          << bytes(R"([])")                                     << -1   << bytes("");
    QTest::newRow("retry empty ignored")  << bytes("retry: 300\nretry\nretry:\n\n")            << bytes(R"([])")                                     << 300  << bytes("");
    QTest::newRow("retry saturates")      << bytes("retry: 99999999999999999999\n\n")          << bytes(R"([])")                                     << 2147483647 << bytes("");
    QTest::newRow("retry zero")           << bytes("retry:0\n")                                << bytes(R"([])")                                     << 0    << bytes("");
    QTest::newRow("unterminated final LF")<< bytes("data: a\n\ndata: b\n")                     << bytes(R"([["message","","a"]])")                   << -1   << bytes("");
    QTest::newRow("unterminated final")   << bytes("data: a\n\ndata: b")                       << bytes(R"([["message","","a"]])")                   << -1   << bytes("");
    QTest::newRow("UTF-8 kept")           << bytes("data: h\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80\n\n") << bytes(R"([["message","","h\u00e9 \u4e2d \ud83d\ude00"]])") << -1 << bytes("");
    QTest::newRow("invalid byte")         << bytes("data: a\xFF" "b\n\n")                      << bytes(R"([["message","","a\ufffdb"]])")            << -1   << bytes("");
    QTest::newRow("truncated sequence")   << bytes("data: \xE2\x82\n\n")                       << bytes(R"([["message","","\ufffd"]])")              << -1   << bytes("");
    QTest::newRow("truncated then ASCII") << bytes("data: \xF0\x9F\x98z\n\n")                  << bytes(R"([["message","","\ufffdz"]])")             << -1   << bytes("");
    QTest::newRow("overlong")             << bytes("data: \xC0\xAF\n\n")                       << bytes(R"([["message","","\ufffd\ufffd"]])")        << -1   << bytes("");
    QTest::newRow("surrogate")            << bytes("data: \xED\xA0\x80\n\n")                   << bytes(R"([["message","","\ufffd\ufffd\ufffd"]])")  << -1   << bytes("");
    QTest::newRow("above U+10FFFF")       << bytes("data: \xF4\x90\x80\x80\n\n")               << bytes(R"([["message","","\ufffd\ufffd\ufffd\ufffd"]])") << -1 << bytes("");
    QTest::newRow("invalid in type")      << bytes("event: a\x80\ndata: x\n\n")                << bytes(R"([["a\ufffd","","x"]])")                   << -1   << bytes("");
    QTest::newRow("invalid in id")        << bytes("id: \xC3\ndata: x\n\n")                    << bytes(R"([["message","\ufffd","x"]])")             << -1   << bytes("\xEF\xBF\xBD");
    QTest::newRow("invalid in name")      << bytes("dat\xE1: x\n\n")                           << bytes(R"([])")                                     << -1   << bytes("");
    QTest::newRow("LLM stream")           << bytes("data: {\"a\":1}\n\n: ping\n\ndata: [DONE]\n\n") << bytes(R"([["message","","{\"a\":1}"],["message","","[DONE]"]])") << -1 << bytes("");
    // clang-format on
}

void TestSseParser::rules()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArray, events);
    QFETCH(int, retry);
    QFETCH(QByteArray, lastId);

    const std::string s = toStd(stream);
    const Outcome whole = run(s);
    const auto replace = json::error_handler_t::replace;  // print, not throw, if a value were invalid UTF-8
    QCOMPARE(whole.events.dump(-1, ' ', true, replace), json::parse(events.toStdString()).dump(-1, ' ', true));
    QCOMPARE(whole.retryMs.value_or(-1), retry);
    QCOMPARE(QByteArray::fromStdString(whole.lastEventId), lastId);

    QCOMPARE(run(s, everyByte(s.size())).text(), whole.text());
    for (std::size_t cut = 0; cut <= s.size(); ++cut)
        QCOMPARE(run(s, {cut}).text(), whole.text());
}

void TestSseParser::crAtEndOfReadThenLf()
{
    const Outcome split = run("data: a\r\ndata: b\r\n\r\n", {7});
    QCOMPARE(split.events, json::parse(R"([["message","","a\nb"]])"));
    const Outcome split2 = run("data: a\r\n\r\n", {7, 8, 9, 10});
    QCOMPARE(split2.events, json::parse(R"([["message","","a"]])"));
}

void TestSseParser::crAtEndOfReadThenCr()
{
    // A second CR is a new (empty) line, so the event fires after the second read.
    SseParser parser;
    int fired = 0;
    const auto onEvent = [&fired](const SseEvent &) { ++fired; };
    QVERIFY(parser.feed("data: a\r", onEvent).ok());
    QCOMPARE(fired, 0);
    QVERIFY(parser.feed("\r", onEvent).ok());
    QCOMPARE(fired, 1);
}

void TestSseParser::bomSplitOverReads()
{
    const std::string s = "\xEF\xBB\xBF" "data: x\n\n";
    QCOMPARE(run(s, {1, 2}).events, json::parse(R"([["message","","x"]])"));
    QCOMPARE(run(s, {1}).events, json::parse(R"([["message","","x"]])"));
    // Held-back bytes that turn out not to be a BOM are content: here they start the field name.
    QCOMPARE(run("\xEF" "data: x\n\ndata: y\n\n", {1}).events, json::parse(R"([["message","","y"]])"));
}

void TestSseParser::lineCap()
{
    const SseLimits limits{16, 64};
    QCOMPARE(run("data: 1234567890\n\n", {}, limits).events.size(), std::size_t{1});  // exactly 16 bytes
    const Outcome over = run("data: 12345678901\n\n", {}, limits);
    QCOMPARE(over.error.value_or(""), std::string("payload_too_large"));
    QVERIFY(over.events.empty());
    // A comment counts too: a peer must not make the parser buffer without bound.
    QCOMPARE(run(": 123456789012345\n", {}, limits).error.value_or(""), std::string("payload_too_large"));
}

void TestSseParser::lineCapAcrossReads()
{
    const SseLimits limits{16, 64};
    const std::string s = "data: a\n\ndata: 12345678901234567890";  // the long line never ends
    const Outcome split = run(s, {12, 20, 28}, limits);
    QCOMPARE(split.error.value_or(""), std::string("payload_too_large"));
    QCOMPARE(split.events, json::parse(R"([["message","","a"]])"));
}

void TestSseParser::eventCap()
{
    const SseLimits limits{64, 16};
    QCOMPARE(run("data: 1234567\ndata: 1234567\n\n", {}, limits).events.size(), std::size_t{1});  // 16 with LFs
    const Outcome over = run("data: 1234567\ndata: 12345678\n\n", {}, limits);
    QCOMPARE(over.error.value_or(""), std::string("payload_too_large"));
    QVERIFY(over.events.empty());
}

void TestSseParser::errorIsStickyUntilFinish()
{
    SseParser parser(SseLimits{8, 64});
    int fired = 0;
    const auto onEvent = [&fired](const SseEvent &) { ++fired; };
    auto first = parser.feed("data: 123456789\n", onEvent);
    QVERIFY(!first.ok());
    QCOMPARE(first.error().code, ErrorCode::PayloadTooLarge);
    QVERIFY(!parser.feed("data: a\n\n", onEvent).ok());
    QCOMPARE(fired, 0);
    parser.finish();
    QVERIFY(parser.feed("data: a\n\n", onEvent).ok());
    QCOMPARE(fired, 1);
}

void TestSseParser::finishReportsDiscardedEvent()
{
    // llama-server ends with `data: [DONE]` and no blank line: the event is dropped but reported.
    const Outcome bare = run("data: x\n\ndata: [DONE]\n");
    QCOMPARE(bare.events.size(), std::size_t{1});
    QVERIFY(!bare.clean);
    QCOMPARE(bare.discardedData, std::string("[DONE]"));

    const Outcome noEol = run("data: x\n\ndata: [DONE]");  // an unterminated line is not a line
    QVERIFY(!noEol.clean);
    QCOMPARE(noEol.discardedData, std::string());

    const Outcome complete = run("data: x\n\n: bye\n");
    QVERIFY(complete.clean);
    QCOMPARE(complete.discardedData, std::string());
}

void TestSseParser::finishKeepsIdAndRetry()
{
    SseParser parser;
    std::vector<std::string> ids;
    const auto onEvent = [&ids](const SseEvent &e) { ids.push_back(e.id); };
    QVERIFY(parser.feed("retry: 250\nid: 5\ndata: a\n\nid: 6\ndata: b\n", onEvent).ok());
    parser.finish();
    QCOMPARE(parser.lastEventId(), std::string("5"));
    QCOMPARE(parser.retryMs().value_or(-1), 250);
    // The follow-up stream starts fresh (a BOM is allowed again) but keeps the dispatched id.
    QVERIFY(parser.feed("\xEF\xBB\xBF" "data: c\n\n", onEvent).ok());
    QCOMPARE(ids, (std::vector<std::string>{"5", "5"}));
    parser.reset();
    QCOMPARE(parser.lastEventId(), std::string());
    QVERIFY(!parser.retryMs().has_value());
}

void TestSseParser::eventIsReusedNotAccumulated()
{
    SseParser parser;
    std::vector<std::string> data;
    const auto onEvent = [&data](const SseEvent &e) { data.push_back(e.data); };
    QVERIFY(parser.feed("event: t\ndata: long value\n\ndata: s\n\n", onEvent).ok());
    QCOMPARE(data, (std::vector<std::string>{"long value", "s"}));
}

QTEST_APPLESS_MAIN(TestSseParser)
#include "test_sse_parser.moc"
