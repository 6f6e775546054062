#include "gmail/loopback_listener.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

constexpr qsizetype kMaxRequestHead = 16 * 1024;  // a browser's GET with a long code is about 2 KiB
constexpr int kLingerMs = 10'000;                 // how long a closing connection may take to flush its page

QByteArray httpResponse(int status, const QString &text)
{
    const QByteArray reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : status == 404 ? "Not Found"
                            : status == 405 ? "Method Not Allowed" : "Request Header Fields Too Large";
    const QByteArray body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Rapport</title></head>"
                            "<body><p>" + text.toHtmlEscaped().toUtf8() + "</p></body></html>\n";
    // CRLF throughout, no caching of a page whose URL held a code, no scripts, no referrer.
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
           "Content-Type: text/html; charset=utf-8\r\n"
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
           "Cache-Control: no-store\r\n"
           "Content-Security-Policy: default-src 'none'\r\n"
           "Referrer-Policy: no-referrer\r\n"
           "Connection: close\r\n\r\n" + body;
}

const QString kReceived = u"Rapport received Google's answer. You can close this tab and return to Rapport."_s;
const QString kNotConnected = u"Gmail was not connected. You can close this tab and return to Rapport."_s;
const QString kForeign = u"This page does not belong to the Gmail sign-in Rapport is waiting for. "
                         "If you are connecting Gmail, use the browser tab Rapport opened last."_s;

// Sends `response` and lets the socket close and delete itself once it is written, whoever owns it now:
// the browser gets its page even if the listener is deleted in the slot of its terminal signal.
void sendAndRelease(QTcpSocket *socket, const QByteArray &response)
{
    socket->setParent(nullptr);
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(kLingerMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    if (!response.isEmpty()) {
        socket->write(response);
        // Into the kernel now, not on a later event-loop turn: a process that ends with the sign-in
        // (rapportctl after a declined consent) would otherwise leave the browser with no page at all.
        socket->flush();
    }
    socket->disconnectFromHost();  // after any bytes still pending are written
}

} // namespace

LoopbackListener::LoopbackListener(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LoopbackListener::onTimeout);
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackListener::onNewConnection);
}

LoopbackListener::~LoopbackListener()
{
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets)
        dropSocket(socket);
}

std::optional<GmailError> LoopbackListener::listen()
{
    if (m_server.isListening())
        return std::nullopt;
    if (!m_server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return makeGmailError(GmailErrorKind::Internal, u"cannot listen on 127.0.0.1: "_s + m_server.errorString());
    return std::nullopt;
}

void LoopbackListener::expect(const QByteArray &state, const QString &expectedIssuer, std::chrono::milliseconds timeout)
{
    m_state = state;
    m_issuer = expectedIssuer;
    if (!m_finished)
        m_timer.start(timeout);
}

void LoopbackListener::cancel()
{
    if (m_finished)
        return;
    finishWith(nullptr, 0, {});
    emit failed(makeGmailError(GmailErrorKind::Cancelled));
}

void LoopbackListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_finished) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { dropSocket(socket); });
    }
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_buffers.find(socket);
    if (it == m_buffers.end() || m_finished)
        return;
    QByteArray &buffer = *it;
    buffer += socket->readAll();
    // Answer only once the whole head is in: closing while the browser still sends headers could
    // reset the connection before it reads the page. Bare LF is tolerated, as browsers never send it
    // but hand-made clients do.
    qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        end = buffer.indexOf("\n\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequestHead)
            ignore(socket, 431, u"request too large"_s);
        return;
    }
    const QByteArray requestLine = buffer.left(buffer.indexOf('\n')).trimmed();
    handleRequest(socket, requestLine);
}

void LoopbackListener::handleRequest(QTcpSocket *socket, const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1."))
        return ignore(socket, 400, u"malformed request line"_s);
    if (parts[0] != "GET")
        return ignore(socket, 405, u"method "_s + QString::fromLatin1(parts[0].left(16)));
    const QByteArray &target = parts[1];
    const qsizetype mark = target.indexOf('?');
    const QByteArray path = mark < 0 ? target : target.left(mark);  // left(-1) would be empty
    if (path != "/")
        return ignore(socket, 404, u"path "_s + QString::fromLatin1(path.left(64)));  // "/favicon.ico"
    handleRedirect(socket, mark < 0 ? QByteArray() : target.mid(mark + 1));
}

void LoopbackListener::handleRedirect(QTcpSocket *socket, const QByteArray &query)
{
    const QUrlQuery items(QString::fromUtf8(query));
    const auto values = [&items](const QString &key) { return items.allQueryItemValues(key, QUrl::FullyDecoded); };
    const QStringList states = values(u"state"_s);
    const QStringList codes = values(u"code"_s);
    const QStringList errors = values(u"error"_s);
    const QStringList issuers = values(u"iss"_s);
    if (states.isEmpty() && codes.isEmpty() && errors.isEmpty())
        return ignore(socket, 404, u"not a sign-in answer"_s);
    if (m_state.isEmpty() || states.size() != 1 || states.first().toUtf8() != m_state) {
        ++m_ignoredCandidates;
        return ignore(socket, 400, u"state does not match"_s, kForeign);
    }

    std::optional<GmailError> error;
    if (!issuers.isEmpty() && (issuers.size() != 1 || issuers.first() != m_issuer)) {
        error = makeGmailError(GmailErrorKind::BadCallback, u"the redirect names issuer \""_s + issuers.first().left(100) +
                                                                u"\", expected \""_s + m_issuer + u'"');
    } else if (!errors.isEmpty()) {
        const QString code = errors.first().left(80);
        error = makeGmailError(code == u"access_denied"_s ? GmailErrorKind::Denied : GmailErrorKind::Rejected,
                               u"the redirect carries error="_s + code);
        error->googleCode = code;
    } else if (codes.size() != 1 || codes.first().isEmpty()) {
        error = makeGmailError(GmailErrorKind::BadCallback, u"the redirect carries no single code"_s);
    }
    if (error) {
        finishWith(socket, error->kind == GmailErrorKind::BadCallback ? 400 : 200, kNotConnected);
        emit failed(*error);
        return;
    }
    const QString code = codes.first();
    finishWith(socket, 200, kReceived);
    emit codeReceived(code);
}

void LoopbackListener::ignore(QTcpSocket *socket, int status, const QString &reason, const QString &page)
{
    m_buffers.remove(socket);
    sendAndRelease(socket, httpResponse(status, page.isEmpty() ? u"This is not a page of Rapport."_s : page));
    emit requestIgnored(reason);
}

void LoopbackListener::finishWith(QTcpSocket *answered, int status, const QString &page)
{
    m_finished = true;
    m_timer.stop();
    m_server.close();
    if (answered) {
        m_buffers.remove(answered);
        sendAndRelease(answered, httpResponse(status, page));
    }
    const auto others = m_buffers.keys();
    for (QTcpSocket *socket : others)
        dropSocket(socket);
}

void LoopbackListener::onTimeout()
{
    if (m_finished)
        return;
    QString detail = u"no redirect within %1 s"_s.arg(m_timer.interval() / 1000.0);
    if (m_ignoredCandidates > 0)
        detail += u"; ignored %1 answer(s) whose state did not match this attempt"_s.arg(m_ignoredCandidates);
    finishWith(nullptr, 0, {});
    emit failed(makeGmailError(GmailErrorKind::TimedOut, detail));
}

void LoopbackListener::dropSocket(QTcpSocket *socket)
{
    if (!m_buffers.remove(socket))
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace rapport::gmail
