// Request::make target splitting and query decoding, and the small text helpers the Router relies on.

#include "core/request.h"

#include <QtTest/QTest>

#include "core_test_support.h"

using namespace rapport;
using namespace std::string_literals;

namespace {

// "k=v|k2=v2" rendering of decoded pairs, so rows can state the expectation on one line.
QByteArray render(const std::vector<std::pair<std::string, std::string>> &pairs)
{
    QByteArray out;
    for (const auto &[key, value] : pairs) {
        if (!out.isEmpty())
            out += '|';
        out += QByteArray::fromStdString(key) + '=' + QByteArray::fromStdString(value);
    }
    return out;
}

} // namespace

class TestRequest : public QObject {
    Q_OBJECT

private slots:
    void parseMethodCaseInsensitive_data();
    void parseMethodCaseInsensitive();
    void methodNames();
    void query_data();
    void query();
    void queryValueFirstWins();
    void paramLookup();
    void utf8_data();
    void utf8();
};

void TestRequest::parseMethodCaseInsensitive_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("expected");  // -1: not a method

    QTest::newRow("GET")    << QByteArray("GET")    << int(Method::Get);
    QTest::newRow("get")    << QByteArray("get")    << int(Method::Get);
    QTest::newRow("pOsT")   << QByteArray("pOsT")   << int(Method::Post);
    QTest::newRow("put")    << QByteArray("put")    << int(Method::Put);
    QTest::newRow("Patch")  << QByteArray("Patch")  << int(Method::Patch);
    QTest::newRow("delete") << QByteArray("delete") << int(Method::Delete);
    QTest::newRow("HEAD")   << QByteArray("HEAD")   << -1;
    QTest::newRow("GETS")   << QByteArray("GETS")   << -1;
    QTest::newRow("empty")  << QByteArray("")       << -1;
}

void TestRequest::parseMethodCaseInsensitive()
{
    QFETCH(QByteArray, name);
    QFETCH(int, expected);

    const std::optional<Method> method = parseMethod(std::string_view(name.constData(), size_t(name.size())));
    QCOMPARE(method.has_value(), expected >= 0);
    if (method)
        QCOMPARE(int(*method), expected);
}

void TestRequest::methodNames()
{
    QCOMPARE(methodName(Method::Get), std::string_view("GET"));
    QCOMPARE(methodName(Method::Delete), std::string_view("DELETE"));
    QCOMPARE(parseMethod(methodName(Method::Patch)), std::optional<Method>(Method::Patch));
}

void TestRequest::query_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("pairs");

    QTest::newRow("no query")       << QByteArray("/contacts")                 << QByteArray("/contacts") << QByteArray();
    QTest::newRow("empty query")    << QByteArray("/contacts?")                << QByteArray("/contacts") << QByteArray();
    QTest::newRow("simple")         << QByteArray("/c?limit=10&q=ann")         << QByteArray("/c")        << QByteArray("limit=10|q=ann");
    QTest::newRow("plus is space")  << QByteArray("/c?q=ann+lee")              << QByteArray("/c")        << QByteArray("q=ann lee");
    QTest::newRow("escapes")        << QByteArray("/c?q=a%26b%3Dc%2B")         << QByteArray("/c")        << QByteArray("q=a&b=c+");
    QTest::newRow("utf-8 escape")   << QByteArray("/c?q=J%C3%BCrgen")          << QByteArray("/c")        << QByteArray("q=J\xC3\xBCrgen");
    QTest::newRow("lower hex")      << QByteArray("/c?q=%c3%bc")               << QByteArray("/c")        << QByteArray("q=\xC3\xBC");
    QTest::newRow("bad escapes")    << QByteArray("/c?q=100%&r=%zz&s=%4")      << QByteArray("/c")        << QByteArray("q=100%|r=%zz|s=%4");
    QTest::newRow("key without =")  << QByteArray("/c?archived&q=x")           << QByteArray("/c")        << QByteArray("archived=|q=x");
    QTest::newRow("empty value")    << QByteArray("/c?q=")                     << QByteArray("/c")        << QByteArray("q=");
    QTest::newRow("empty pieces")   << QByteArray("/c?&a=1&&b=2&")             << QByteArray("/c")        << QByteArray("a=1|b=2");
    QTest::newRow("repeated keys")  << QByteArray("/c?tag=a&tag=b")            << QByteArray("/c")        << QByteArray("tag=a|tag=b");
    QTest::newRow("= in value")     << QByteArray("/c?f=a=b")                  << QByteArray("/c")        << QByteArray("f=a=b");
    QTest::newRow("encoded key")    << QByteArray("/c?sort%5Bby%5D=name")      << QByteArray("/c")        << QByteArray("sort[by]=name");
    QTest::newRow("? in value")     << QByteArray("/c?q=why?")                 << QByteArray("/c")        << QByteArray("q=why?");
    QTest::newRow("path kept raw")  << QByteArray("/contacts/a%2Fb?x=1")       << QByteArray("/contacts/a%2Fb") << QByteArray("x=1");
    QTest::newRow("plus in path")   << QByteArray("/tags/c++")                 << QByteArray("/tags/c++") << QByteArray();
}

void TestRequest::query()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, pairs);

    const Request r = Request::make(Method::Get, target.toStdString());
    QCOMPARE(r.path, path.toStdString());
    QCOMPARE(render(r.query), pairs);
}

void TestRequest::queryValueFirstWins()
{
    const Request r = Request::make(Method::Post, "/c?tag=a&tag=b&empty", "{}");
    QCOMPARE(r.queryValue("tag"), std::optional<std::string_view>("a"));
    QCOMPARE(r.queryValue("empty"), std::optional<std::string_view>(""));
    QVERIFY(!r.queryValue("missing").has_value());
    QCOMPARE(r.body, "{}"s);
    QCOMPARE(r.method, Method::Post);
    QCOMPARE(r.identity, "local"s);
}

void TestRequest::paramLookup()
{
    Request r;
    r.params = {{"id", "42"}, {"noteId", ""}};
    QCOMPARE(r.param("id"), std::string_view("42"));
    QCOMPARE(r.param("noteId"), std::string_view(""));
    QCOMPARE(r.param("absent"), std::string_view(""));
}

void TestRequest::utf8_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("ascii")              << QByteArray("plain")              << true;
    QTest::newRow("empty")              << QByteArray("")                   << true;
    QTest::newRow("two bytes")          << QByteArray("J\xC3\xBCrgen")      << true;
    QTest::newRow("three bytes")        << QByteArray("\xE2\x82\xAC")       << true;
    QTest::newRow("four bytes")         << QByteArray("\xF0\x9F\x98\x80")   << true;
    QTest::newRow("stray continuation") << QByteArray("a\x80")              << false;
    QTest::newRow("truncated")          << QByteArray("\xE2\x82")           << false;
    QTest::newRow("overlong slash")     << QByteArray("\xC0\xAF")           << false;
    QTest::newRow("overlong three")     << QByteArray("\xE0\x80\xAF")       << false;
    QTest::newRow("surrogate")          << QByteArray("\xED\xA0\x80")       << false;
    QTest::newRow("above U+10FFFF")     << QByteArray("\xF4\x90\x80\x80")   << false;
    QTest::newRow("0xFF")               << QByteArray("\xFF")               << false;
}

void TestRequest::utf8()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(std::string_view(text.constData(), size_t(text.size()))), valid);
}

QTEST_GUILESS_MAIN(TestRequest)
#include "test_request.moc"
