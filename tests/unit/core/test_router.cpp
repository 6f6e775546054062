// Router matching: params, precedence, slashes, 404/405, malformed paths, pattern registration.

#include <stdexcept>

#include <QtTest/QTest>

#include "router_fixture.h"

using namespace rapport;
using namespace rapport::test;
using namespace std::string_literals;

class TestRouter : public QObject {
    Q_OBJECT

private slots:
    void params_data();
    void params();
    void literalBeatsParam_data();
    void literalBeatsParam();
    void trailingSlashAndRoot();
    void notFound_data();
    void notFound();
    void methodNotAllowedListsMethods();
    void malformedPathOrQuery_data();
    void malformedPathOrQuery();
    void badPatternsThrow_data();
    void badPatternsThrow();
    void duplicateRouteThrows();
};

void TestRouter::params_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expected");  // the params object as JSON

    QTest::newRow("plain")          << QByteArray("/contacts/0192abc")           << QByteArray(R"({"id":"0192abc"})");
    QTest::newRow("two params")     << QByteArray("/contacts/7/notes/9")         << QByteArray(R"({"id":"7","noteId":"9"})");
    QTest::newRow("raw utf-8")      << QByteArray("/contacts/J\xC3\xBCrgen")     << QByteArray(R"({"id":"Jürgen"})");
    QTest::newRow("percent utf-8")  << QByteArray("/contacts/J%C3%BCrgen")       << QByteArray(R"({"id":"Jürgen"})");
    QTest::newRow("emoji")          << QByteArray("/contacts/%F0%9F%98%80")      << QByteArray(R"({"id":"😀"})");
    QTest::newRow("encoded slash")  << QByteArray("/contacts/a%2Fb")             << QByteArray(R"({"id":"a/b"})");
    QTest::newRow("encoded space")  << QByteArray("/contacts/Ann%20Lee")         << QByteArray(R"({"id":"Ann Lee"})");
    QTest::newRow("plus is kept")   << QByteArray("/contacts/a+b")               << QByteArray(R"({"id":"a+b"})");
    QTest::newRow("bad escape")     << QByteArray("/contacts/100%")              << QByteArray(R"({"id":"100%"})");
    QTest::newRow("with query")     << QByteArray("/contacts/7?fields=name")     << QByteArray(R"({"id":"7"})");
    QTest::newRow("encoded in 2nd") << QByteArray("/contacts/a%20b/notes/c%2Fd") << QByteArray(R"({"id":"a b","noteId":"c/d"})");
}

void TestRouter::params()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expected);

    Fixture f;
    f.router.get("/contacts/:id", echo);
    f.router.get("/contacts/:id/notes/:noteId", echo);

    Request request = Request::make(Method::Get, target.toStdString());
    request.params = {{"stale", "x"}};  // the router replaces, never appends
    const Response r = f.router.handle(std::move(request));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body["params"], json::parse(expected.toStdString()));
}

void TestRouter::literalBeatsParam_data()
{
    QTest::addColumn<bool>("literalFirst");  // registration order must not matter
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("route");

    for (const bool literalFirst : {true, false}) {
        const char *order = literalFirst ? "literal first" : "param first";
        QTest::addRow("%s: import", order)      << literalFirst << QByteArray("/contacts/import") << QByteArray("import");
        QTest::addRow("%s: id", order)          << literalFirst << QByteArray("/contacts/imports") << QByteArray("id");
        QTest::addRow("%s: leftmost wins", order) << literalFirst << QByteArray("/a/b/c")         << QByteArray("a/b/:y");
        QTest::addRow("%s: only param", order)  << literalFirst << QByteArray("/a/x/c")           << QByteArray("a/:x/c");
        QTest::addRow("%s: all literal", order) << literalFirst << QByteArray("/a/b/z")           << QByteArray("a/b/:y");
    }
}

void TestRouter::literalBeatsParam()
{
    QFETCH(bool, literalFirst);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, route);

    Fixture f;
    if (literalFirst) {
        f.router.get("/contacts/import", named("import"));
        f.router.get("/a/b/:y", named("a/b/:y"));
        f.router.get("/contacts/:id", named("id"));
        f.router.get("/a/:x/c", named("a/:x/c"));
    } else {
        f.router.get("/a/:x/c", named("a/:x/c"));
        f.router.get("/contacts/:id", named("id"));
        f.router.get("/a/b/:y", named("a/b/:y"));
        f.router.get("/contacts/import", named("import"));
    }
    const Response r = f.router.call(Method::Get, target.toStdString());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body["route"], json(route.toStdString()));
}

void TestRouter::trailingSlashAndRoot()
{
    Fixture f;
    f.router.get("/", named("root"));
    f.router.get("/contacts/", named("contacts"));  // a trailing slash in the pattern is ignored too
    f.router.get("/contacts/:id", named("id"));

    QCOMPARE(f.router.call(Method::Get, "/").body["route"], json("root"));
    QCOMPARE(f.router.call(Method::Get, "").body["route"], json("root"));
    QCOMPARE(f.router.call(Method::Get, "?x=1").body["route"], json("root"));
    QCOMPARE(f.router.call(Method::Get, "/contacts").body["route"], json("contacts"));
    QCOMPARE(f.router.call(Method::Get, "/contacts/").body["route"], json("contacts"));
    QCOMPARE(f.router.call(Method::Get, "/contacts/7/").body["route"], json("id"));
    QCOMPARE(f.router.call(Method::Get, "/contacts//").status, 404);   // only one trailing slash is ignored
    QCOMPARE(f.router.call(Method::Get, "/contacts//7").status, 404);  // an empty segment is no id
}

void TestRouter::notFound_data()
{
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("unknown")        << QByteArray("/companies");
    QTest::newRow("too long")       << QByteArray("/contacts/7/extra");
    QTest::newRow("too short")      << QByteArray("/");
    QTest::newRow("case differs")   << QByteArray("/Contacts/7");
    QTest::newRow("many segments")  << QByteArray("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s");
}

void TestRouter::notFound()
{
    QFETCH(QByteArray, target);

    Fixture f;
    f.router.get("/contacts/:id", echo);
    const Response r = f.router.call(Method::Get, target.toStdString());
    QCOMPARE(r.status, 404);
    QCOMPARE(errorCode(r), "not_found"s);
}

void TestRouter::methodNotAllowedListsMethods()
{
    Fixture f;
    f.router.del("/contacts/:id", echo);
    f.router.get("/contacts/:id", echo);
    f.router.patch("/contacts/:id", echo);
    f.router.post("/contacts", echo);

    const Response r = f.router.call(Method::Post, "/contacts/7");
    QCOMPARE(r.status, 405);
    QCOMPARE(errorCode(r), "method_not_allowed"s);
    const json expected = {{{"field", "method"}, {"message", "GET"}},
                           {{"field", "method"}, {"message", "PATCH"}},
                           {{"field", "method"}, {"message", "DELETE"}}};
    QCOMPARE(r.body["error"]["details"], expected);
    QCOMPARE(r.body["error"]["message"], json("Method not allowed: POST /contacts/7; allowed: GET, PATCH, DELETE"));
}

void TestRouter::malformedPathOrQuery_data()
{
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("relative path")        << QByteArray("contacts/7");
    QTest::newRow("raw invalid utf-8")    << QByteArray("/contacts/\xFF");
    QTest::newRow("escaped invalid utf-8") << QByteArray("/contacts/%FF");
    QTest::newRow("escaped surrogate")    << QByteArray("/contacts/%ED%A0%80");
    QTest::newRow("query invalid utf-8")  << QByteArray("/contacts/7?q=%C3");
}

void TestRouter::malformedPathOrQuery()
{
    QFETCH(QByteArray, target);

    Fixture f;
    f.router.get("/contacts/:id", echo);
    const Response r = f.router.call(Method::Get, target.toStdString());
    QCOMPARE(r.status, 400);
    QCOMPARE(errorCode(r), "bad_request"s);
    QVERIFY(!r.body.dump().empty());  // the message never echoes the bad bytes, so it serializes
}
void TestRouter::badPatternsThrow_data()
{
    QTest::addColumn<QByteArray>("pattern");

    QTest::newRow("empty")          << QByteArray("");
    QTest::newRow("relative")       << QByteArray("contacts");
    QTest::newRow("empty segment")  << QByteArray("/contacts//notes");
    QTest::newRow("unnamed param")  << QByteArray("/contacts/:");
    QTest::newRow("17 segments")    << QByteArray("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q");
}

void TestRouter::badPatternsThrow()
{
    QFETCH(QByteArray, pattern);
    Fixture f;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.router.get(pattern.toStdString(), echo));
}

void TestRouter::duplicateRouteThrows()
{
    Fixture f;
    f.router.get("/contacts/:id", echo);
    f.router.del("/contacts/:id", echo);         // another method is fine
    f.router.get("/contacts/import", echo);      // a literal is another shape
    try {
        f.router.get("/contacts/:contactId/", echo);
        QFAIL("a second GET /contacts/:param was accepted");
    } catch (const std::logic_error &e) {
        QCOMPARE(std::string(e.what()), "duplicate route GET /contacts/:contactId"s);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.router.get("/contacts", Handler()));
}

QTEST_GUILESS_MAIN(TestRouter)
#include "test_router.moc"
