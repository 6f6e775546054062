// The tests' stand-in for the system browser in the OAuth flow (see followAuthorizationUrl in
// fake_google_server.h). Raw sockets rather than QNetworkAccessManager, so the loopback listener
// receives the redirect target exactly as Google wrote it (QUrl may re-encode a query).

#include <functional>

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>

#include "fakes/fake_google_server.h"

using namespace Qt::StringLiterals;

namespace rapport::fakes {

namespace {

// Runs the event loop until `done` or the deadline; true when done.
bool waitUntil(const std::function<bool()> &done, const QDeadlineTimer &deadline)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    tick.start(5);
    loop.exec();
    return done();
}

struct RawAnswer {
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QString error;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
};

// Whether `data` holds a whole response (head and Content-Length body).
bool isComplete(const QByteArray &data)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = data.left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    if (at < 0)
        return false;  // then only the close delimits it
    const qsizetype lineEnd = head.indexOf('\r', at);
    const qint64 length = head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
    return data.size() - end - 4 >= length;
}

RawAnswer parse(const QByteArray &data)
{
    RawAnswer answer;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0) {
        answer.error = data.isEmpty() ? u"no answer"_s : u"incomplete answer"_s;
        return answer;
    }
    const QList<QByteArray> lines = data.left(end).split('\n');
    answer.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            answer.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    answer.body = data.mid(end + 4);
    return answer;
}

// One GET on a fresh connection; `target` goes on the request line unchanged.
RawAnswer rawGet(const QString &host, quint16 port, const QByteArray &target, const QDeadlineTimer &deadline)
{
    QTcpSocket socket;
    QObject context;
    QByteArray data;
    bool closed = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, &context, [&] { data += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &context, [&] { closed = true; });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &context, [&] { closed = true; });
    socket.connectToHost(host, port);
    if (!waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState || closed; }, deadline) || closed) {
        RawAnswer failed;
        failed.error = u"cannot connect to %1:%2: %3"_s.arg(host).arg(port).arg(socket.errorString());
        return failed;
    }
    socket.write("GET " + target + " HTTP/1.1\r\nHost: " + host.toLatin1() + ':' + QByteArray::number(port) +
                 "\r\nUser-Agent: Mozilla/5.0 (Rapport test browser)\r\nAccept: text/html\r\n"
                 "Accept-Language: en\r\nConnection: keep-alive\r\n\r\n");
    waitUntil([&] { return closed || isComplete(data); }, deadline);
    data += socket.readAll();
    socket.abort();
    return parse(data);
}

QByteArray targetOf(const QUrl &url)
{
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    return target.isEmpty() ? QByteArray("/") : target.startsWith('?') ? '/' + target : target;
}

} // namespace

BrowserResult followAuthorizationUrl(const QUrl &url, const BrowserOptions &options)
{
    const QDeadlineTimer deadline(options.timeoutMs);
    BrowserResult result;
    const RawAnswer consent = rawGet(url.host(), quint16(url.port(80)), targetOf(url), deadline);
    result.authorizeStatus = consent.status;
    if (!consent.error.isEmpty()) {
        result.error = u"authorize: "_s + consent.error;
        return result;
    }
    if (consent.status != 302) {
        result.authorizePage = consent.body;
        return result;
    }
    result.location = consent.header("Location");
    // The redirect is followed as sent; QUrl is used only to find where to connect.
    const QUrl redirect = QUrl::fromEncoded(result.location, QUrl::TolerantMode);
    if (!redirect.isValid() || redirect.port() <= 0) {
        result.error = u"unusable Location"_s;
        return result;
    }
    const qsizetype authorityEnd = result.location.indexOf('/', result.location.indexOf("//") + 2);
    const qsizetype queryStart = result.location.indexOf('?');
    QByteArray target = authorityEnd < 0 ? QByteArray("/") : result.location.mid(authorityEnd);
    if (authorityEnd < 0 || (queryStart >= 0 && queryStart < authorityEnd))
        target = '/' + result.location.mid(queryStart);

    QTcpSocket idle;  // a browser's speculative pre-connect: opened, never used
    if (options.preconnect) {
        idle.connectToHost(redirect.host(), quint16(redirect.port()));
        waitUntil([&] { return idle.state() == QAbstractSocket::ConnectedState; }, deadline);
    }
    if (options.favicon)
        rawGet(redirect.host(), quint16(redirect.port()), "/favicon.ico", deadline);
    const RawAnswer page = rawGet(redirect.host(), quint16(redirect.port()), target, deadline);
    result.loopbackStatus = page.status;
    result.loopbackPage = page.body;
    if (!page.error.isEmpty())
        result.error = u"loopback: "_s + page.error;
    idle.abort();
    return result;
}

} // namespace rapport::fakes
