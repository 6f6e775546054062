// Chunk accessors against the shapes OpenAI-compatible servers really send (docs/protocols.md section B).

#include "ai/chat_chunk.h"

#include <QtTest/QTest>

#include "unit/core/core_test_support.h"

using namespace rapport::ai;
using json = nlohmann::json;

class TestChatChunk : public QObject {
    Q_OBJECT

private slots:
    void deltaContent_data();
    void deltaContent();
    void finishReason_data();
    void finishReason();
    void done();
};

void TestChatChunk::deltaContent_data()
{
    QTest::addColumn<QByteArray>("chunk");
    QTest::addColumn<bool>("hasContent");
    QTest::addColumn<QByteArray>("content");

    // clang-format off
    QTest::newRow("content")            << QByteArray(R"({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]})") << true  << QByteArray("Hi");
    QTest::newRow("space is content")   << QByteArray(R"({"choices":[{"delta":{"content":" "}}]})")                          << true  << QByteArray(" ");
    QTest::newRow("empty string")       << QByteArray(R"({"choices":[{"delta":{"content":""}}]})")                           << true  << QByteArray("");
    QTest::newRow("non-ASCII")          << QByteArray(R"({"choices":[{"delta":{"content":"Gr\u00fc\u00dfe \ud83d\ude00"}}]})") << true << QByteArray("Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x98\x80");
    QTest::newRow("first role chunk")   << QByteArray(R"({"choices":[{"index":0,"delta":{"role":"assistant","content":null}}]})") << false << QByteArray();
    QTest::newRow("usage chunk")        << QByteArray(R"({"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}})") << false << QByteArray();
    QTest::newRow("tool-call delta")    << QByteArray(R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":""}}]}}]})") << false << QByteArray();
    QTest::newRow("finish chunk")       << QByteArray(R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})")     << false << QByteArray();
    QTest::newRow("content is number")  << QByteArray(R"({"choices":[{"delta":{"content":5}}]})")                            << false << QByteArray();
    QTest::newRow("content parts")      << QByteArray(R"({"choices":[{"delta":{"content":[{"type":"text","text":"x"}]}}]})") << false << QByteArray();
    QTest::newRow("no choices")         << QByteArray(R"({"id":"x"})")                                                       << false << QByteArray();
    QTest::newRow("choices null")       << QByteArray(R"({"choices":null})")                                                 << false << QByteArray();
    QTest::newRow("choices object")     << QByteArray(R"({"choices":{"delta":{"content":"x"}}})")                            << false << QByteArray();
    QTest::newRow("choice not object")  << QByteArray(R"({"choices":["x"]})")                                                << false << QByteArray();
    QTest::newRow("delta null")         << QByteArray(R"({"choices":[{"delta":null}]})")                                     << false << QByteArray();
    QTest::newRow("error chunk")        << QByteArray(R"({"error":{"message":"overloaded"}})")                               << false << QByteArray();
    QTest::newRow("top-level array")    << QByteArray(R"([1,2])")                                                            << false << QByteArray();
    QTest::newRow("second choice only") << QByteArray(R"({"choices":[{"delta":{}},{"delta":{"content":"n2"}}]})")            << false << QByteArray();
    // clang-format on
}

void TestChatChunk::deltaContent()
{
    QFETCH(QByteArray, chunk);
    QFETCH(bool, hasContent);
    QFETCH(QByteArray, content);

    const auto got = rapport::ai::deltaContent(json::parse(chunk.toStdString()));
    QCOMPARE(got.has_value(), hasContent);
    if (hasContent)
        QCOMPARE(QByteArray::fromStdString(*got), content);
}

void TestChatChunk::finishReason_data()
{
    QTest::addColumn<QByteArray>("chunk");
    QTest::addColumn<QByteArray>("reason");  // empty: none

    // clang-format off
    QTest::newRow("stop")             << QByteArray(R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})")  << QByteArray("stop");
    QTest::newRow("length")           << QByteArray(R"({"choices":[{"delta":{},"finish_reason":"length"}]})")          << QByteArray("length");
    QTest::newRow("tool_calls")       << QByteArray(R"({"choices":[{"delta":{},"finish_reason":"tool_calls"}]})")      << QByteArray("tool_calls");
    QTest::newRow("with usage")       << QByteArray(R"({"choices":[{"delta":{"content":"."},"finish_reason":"stop"}],"usage":{"total_tokens":3}})") << QByteArray("stop");
    QTest::newRow("null")             << QByteArray(R"({"choices":[{"delta":{"content":"x"},"finish_reason":null}]})") << QByteArray();
    QTest::newRow("ollama empty")     << QByteArray(R"({"choices":[{"delta":{"content":"x"},"finish_reason":""}]})")   << QByteArray();
    QTest::newRow("absent")           << QByteArray(R"({"choices":[{"delta":{"content":"x"}}]})")                      << QByteArray();
    QTest::newRow("usage chunk")      << QByteArray(R"({"choices":[],"usage":{"total_tokens":3}})")                    << QByteArray();
    QTest::newRow("not a string")     << QByteArray(R"({"choices":[{"finish_reason":1}]})")                            << QByteArray();
    // clang-format on
}

void TestChatChunk::finishReason()
{
    QFETCH(QByteArray, chunk);
    QFETCH(QByteArray, reason);

    const auto got = rapport::ai::finishReason(json::parse(chunk.toStdString()));
    QCOMPARE(QByteArray::fromStdString(got.value_or("")), reason);
    QCOMPARE(got.has_value(), !reason.isEmpty());
}

void TestChatChunk::done()
{
    QVERIFY(isDone("[DONE]"));
    QVERIFY(!isDone("[DONE] "));
    QVERIFY(!isDone(" [DONE]"));
    QVERIFY(!isDone("[done]"));
    QVERIFY(!isDone(""));
    QVERIFY(!isDone(R"({"choices":[]})"));
}

QTEST_APPLESS_MAIN(TestChatChunk)
#include "test_chat_chunk.moc"
