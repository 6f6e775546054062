// The loopback redirect listener over real 127.0.0.1 sockets, with hand-made HTTP clients that do
// what browsers do: split requests, favicon requests, silent pre-connects, stale tabs with an old
// state, denial, a mixed-up issuer, and nothing at all until the timeout.

#include <memory>
#include <vector>

#include <QHostAddress>
#include <QTcpSocket>
#include <QtTest>

#include "gmail/loopback_listener.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace rapport::gmail;

namespace {

constexpr int kWaitMs = 5000;
const QByteArray kState = "s7aTe-Value_0123456789abcdefghijklmnopqrstu";
const QString kIssuer = u"https://accounts.google.com"_s;

// One raw HTTP client connection.
class Client {
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_context, [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_context, [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        m_connected = m_socket.waitForConnected(kWaitMs);
    }
    bool isConnected() const { return m_connected; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    bool waitClosed() { return QTest::qWaitFor([this] { return m_closed; }, kWaitMs); }
    bool isClosed() const { return m_closed; }
    int status() const { return m_received.split(' ').value(1).toInt(); }
    QByteArray head() const { return m_received.left(m_received.indexOf("\r\n\r\n") + 4); }
    QByteArray body() const { return m_received.mid(m_received.indexOf("\r\n\r\n") + 4); }

private:
    QTcpSocket m_socket;
    QObject m_context;  // declared after the socket: gone first, so no slot runs during teardown
    QByteArray m_received;
    bool m_closed = false;
    bool m_connected = false;
};

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\nAccept: text/html\r\n\r\n";
}

QByteArray redirect(const QByteArray &query)
{
    return get("/?" + query);
}

// A listener waiting for kState, with every signal recorded.
struct Fixture {
    std::unique_ptr<LoopbackListener> listener = std::make_unique<LoopbackListener>();
    QStringList codes;
    std::vector<GmailError> failures;
    QStringList ignored;

    explicit Fixture(std::chrono::milliseconds timeout = 10s, bool expect = true)
    {
        QObject::connect(listener.get(), &LoopbackListener::codeReceived, listener.get(),
                         [this](const QString &code) { codes << code; });
        QObject::connect(listener.get(), &LoopbackListener::failed, listener.get(),
                         [this](const GmailError &e) { failures.push_back(e); });
        QObject::connect(listener.get(), &LoopbackListener::requestIgnored, listener.get(),
                         [this](const QString &reason) { ignored << reason; });
        const auto error = listener->listen();
        if (error)
            qWarning() << "listen failed:" << error->detail;
        if (expect)
            listener->expect(kState, kIssuer, timeout);
    }
    quint16 port() const { return listener->port(); }
    int terminalSignals() const { return int(codes.size() + failures.size()); }
};

} // namespace

class TestLoopbackListener : public QObject {
    Q_OBJECT
private slots:
    void listensOnTheLoopbackLiteral()
    {
        Fixture f;
        QVERIFY(f.port() > 0);
        QVERIFY(!f.listener->listen());  // a second call is harmless
        Client c(f.port());
        QVERIFY(c.isConnected());
    }

    void requestLineSplitAcrossReads()
    {
        Fixture f;
        Client c(f.port());
        const QByteArray request = redirect("state=" + kState + "&code=4%2F0AeaYSHB-split&scope=x");
        for (const QByteArray &piece : {request.left(3), request.mid(3, 20), request.mid(23, 30), request.mid(53)}) {
            c.send(piece);
            QTest::qWait(30);
            if (piece != request.mid(53))
                QCOMPARE(f.terminalSignals(), 0);  // nothing decided on a partial head
        }
        QVERIFY(c.waitClosed());
        QCOMPARE(f.codes, QStringList{u"4/0AeaYSHB-split"_s});
        QCOMPARE(c.status(), 200);
        QVERIFY2(c.body().contains("You can close this tab"), c.body().constData());
        QVERIFY(c.head().contains("Connection: close\r\n"));
        QVERIFY(c.head().contains("Cache-Control: no-store\r\n"));
        QVERIFY(!c.body().contains("4/0AeaYSHB"));  // the page never echoes the code
    }

    void faviconIsIgnored()
    {
        Fixture f;
        Client favicon(f.port());
        favicon.send(get("/favicon.ico"));
        QVERIFY(favicon.waitClosed());
        QCOMPARE(favicon.status(), 404);
        QCOMPARE(f.terminalSignals(), 0);
        QVERIFY(!f.listener->isFinished());
        QCOMPARE(f.ignored.size(), 1);
        QVERIFY2(f.ignored.first().contains(u"favicon"_s), qPrintable(f.ignored.first()));

        Client browser(f.port());
        browser.send(redirect("state=" + kState + "&code=abc"));
        QVERIFY(browser.waitClosed());
        QCOMPARE(f.codes, QStringList{u"abc"_s});
    }

    void silentPreconnectDoesNotBlockTheRedirect()
    {
        Fixture f;
        Client idle(f.port());
        QVERIFY(idle.isConnected());
        QTest::qWait(50);
        Client browser(f.port());
        browser.send(redirect("state=" + kState + "&code=abc"));
        QVERIFY(browser.waitClosed());
        QCOMPARE(f.codes, QStringList{u"abc"_s});
        QVERIFY(idle.waitClosed());  // dropped once the listener is done
        QCOMPARE(f.terminalSignals(), 1);
    }

    void wrongStatesAreIgnoredThenTheRightOneAccepted()
    {
        Fixture f;
        const QList<QByteArray> queries = {"state=stale-tab&code=old", "code=no-state",
                                           "state=" + kState + "&state=" + kState + "&code=twice",
                                           "state=" + kState.left(10) + "&error=access_denied"};
        for (const QByteArray &query : queries) {
            Client c(f.port());
            c.send(redirect(query));
            QVERIFY(c.waitClosed());
            QCOMPARE(c.status(), 400);
            QVERIFY(c.body().contains("does not belong"));
        }
        QCOMPARE(f.terminalSignals(), 0);
        QCOMPARE(f.ignored.count(u"state does not match"_s), 4);

        Client right(f.port());
        right.send(redirect("state=" + kState + "&code=good"));
        QVERIFY(right.waitClosed());
        QCOMPARE(f.codes, QStringList{u"good"_s});
        QVERIFY(f.failures.empty());
    }

    void anyStateBeforeExpectIsIgnored()
    {
        Fixture f(10s, /*expect=*/false);
        Client early(f.port());
        early.send(redirect("state=" + kState + "&code=early"));
        QVERIFY(early.waitClosed());
        QCOMPARE(early.status(), 400);
        QCOMPARE(f.terminalSignals(), 0);
        f.listener->expect(kState, kIssuer, 10s);
        Client late(f.port());
        late.send(redirect("state=" + kState + "&code=late"));
        QVERIFY(late.waitClosed());
        QCOMPARE(f.codes, QStringList{u"late"_s});
    }

    void userDenial()
    {
        Fixture f;
        Client c(f.port());
        c.send(redirect("error=access_denied&state=" + kState));
        QVERIFY(c.waitClosed());
        QCOMPARE(f.failures.size(), size_t(1));
        QCOMPARE(f.failures[0].kind, GmailErrorKind::Denied);
        QCOMPARE(f.failures[0].googleCode, u"access_denied"_s);
        QVERIFY(f.codes.isEmpty());
        QCOMPARE(c.status(), 200);
        QVERIFY(c.body().contains("Gmail was not connected"));
        QVERIFY(c.body().contains("close this tab"));
    }

    void otherErrorIsRejected()
    {
        Fixture f;
        Client c(f.port());
        c.send(redirect("state=" + kState + "&error=invalid_scope"));
        QVERIFY(c.waitClosed());
        QCOMPARE(f.failures.size(), size_t(1));
        QCOMPARE(f.failures[0].kind, GmailErrorKind::Rejected);
        QCOMPARE(f.failures[0].googleCode, u"invalid_scope"_s);
    }

    void issuerMismatchIsABadCallback()
    {
        Fixture f;
        Client c(f.port());
        c.send(redirect("state=" + kState + "&iss=https%3A%2F%2Fevil.example&code=abc"));
        QVERIFY(c.waitClosed());
        QCOMPARE(f.failures.size(), size_t(1));
        QCOMPARE(f.failures[0].kind, GmailErrorKind::BadCallback);
        QVERIFY(f.codes.isEmpty());
        QCOMPARE(c.status(), 400);
    }

    void matchingIssuerEncodedOrNotIsAccepted_data()
    {
        QTest::addColumn<QByteArray>("iss");
        QTest::newRow("raw")     << QByteArray("https://accounts.google.com");
        QTest::newRow("encoded") << QByteArray("https%3A%2F%2Faccounts.google.com");
    }
    void matchingIssuerEncodedOrNotIsAccepted()
    {
        QFETCH(QByteArray, iss);
        Fixture f;
        Client c(f.port());
        c.send(redirect("state=" + kState + "&iss=" + iss + "&code=4%2F0Ab&scope=a%20b&authuser=0&prompt=consent&hd=x.com"));
        QVERIFY(c.waitClosed());
        QCOMPARE(f.codes, QStringList{u"4/0Ab"_s});
    }

    void noCodeIsABadCallback()
    {
        Fixture f;
        Client c(f.port());
        c.send(redirect("state=" + kState + "&scope=x"));
        QVERIFY(c.waitClosed());
        QCOMPARE(f.failures.size(), size_t(1));
        QCOMPARE(f.failures[0].kind, GmailErrorKind::BadCallback);
    }

    void codeIsPercentDecoded()
    {
        Fixture f;
        Client c(f.port());
        c.send(redirect("state=" + kState + "&code=4%2F0AeaYSHB%2Fx%2By-Z_~"));
        QVERIFY(c.waitClosed());
        QCOMPARE(f.codes, QStringList{u"4/0AeaYSHB/x+y-Z_~"_s});
    }

    void bareLfRequestIsTolerated()
    {
        Fixture f;
        Client c(f.port());
        c.send("GET /?state=" + kState + "&code=lf HTTP/1.1\nHost: 127.0.0.1\n\n");
        QVERIFY(c.waitClosed());
        QCOMPARE(f.codes, QStringList{u"lf"_s});
    }

    void otherRequestsChangeNothing()
    {
        Fixture f;
        const QList<std::pair<QByteArray, int>> cases = {
            {"POST /?state=" + kState + "&code=x HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 405},
            {"garbage\r\n\r\n", 400},
            {get("/other?state=" + kState + "&code=x"), 404},
            {get("/"), 404},
            {"GET /?state=" + kState + " HTTP/1.1\r\nX-Big: " + QByteArray(20'000, 'a'), 431},
        };
        for (const auto &[request, status] : cases) {
            Client c(f.port());
            c.send(request);
            QVERIFY(c.waitClosed());
            QCOMPARE(c.status(), status);
        }
        QCOMPARE(f.terminalSignals(), 0);
        QVERIFY(!f.listener->isFinished());
    }

    void timeoutReportsIgnoredAnswers()
    {
        Fixture f(300ms);
        Client stale(f.port());
        stale.send(redirect("state=old&code=x"));
        QVERIFY(stale.waitClosed());
        Client idle(f.port());
        QVERIFY(QTest::qWaitFor([&] { return !f.failures.empty(); }, kWaitMs));
        QCOMPARE(f.failures.size(), size_t(1));
        QCOMPARE(f.failures[0].kind, GmailErrorKind::TimedOut);
        QVERIFY2(f.failures[0].detail.contains(u"ignored 1"_s), qPrintable(f.failures[0].detail));
        QVERIFY(idle.waitClosed());
        QVERIFY(f.listener->isFinished());
    }

    void cancelEndsOnceAndClosesThePort()
    {
        Fixture f;
        const quint16 port = f.port();
        f.listener->cancel();
        f.listener->cancel();
        QCOMPARE(f.failures.size(), size_t(1));
        QCOMPARE(f.failures[0].kind, GmailErrorKind::Cancelled);
        Client late(port);
        QVERIFY(!late.isConnected());
    }

    void exactlyOneTerminalSignal()
    {
        Fixture f;
        Client a(f.port());
        Client b(f.port());
        a.send(redirect("state=" + kState + "&code=first"));
        b.send(redirect("state=" + kState + "&code=second"));
        QVERIFY(a.waitClosed());
        QVERIFY(b.waitClosed());
        QTest::qWait(50);
        QCOMPARE(f.terminalSignals(), 1);
        QCOMPARE(f.codes.size(), 1);
        // Which connection is read first is up to the event loop; the other is dropped unanswered.
        Client &winner = f.codes.first() == u"first"_s ? a : b;
        Client &loser = &winner == &a ? b : a;
        QCOMPARE(winner.status(), 200);
        QCOMPARE(loser.status(), 0);
    }

    void browserGetsItsPageWhenTheListenerIsDeletedInTheSlot()
    {
        Fixture f;
        QObject::connect(f.listener.get(), &LoopbackListener::codeReceived, f.listener.get(),
                         [&f] { f.listener.release()->deleteLater(); });
        Client c(f.port());
        c.send(redirect("state=" + kState + "&code=bye"));
        QVERIFY(c.waitClosed());
        QCOMPARE(c.status(), 200);
        QVERIFY(c.body().contains("You can close this tab"));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackListener)
#include "test_loopback_listener.moc"
