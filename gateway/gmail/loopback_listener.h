#pragma once
// The loopback redirect of the installed-app flow (RFC 8252 §7.3, docs/protocols.md C and E): a tiny
// HTTP server on 127.0.0.1:<ephemeral port> that waits for the browser to bring back Google's answer.
//
// Use: listen(); build the AuthorizationAttempt with port(); expect(state, issuer, timeout); open the
// browser. Promises:
//  - Any number of connections are accepted and served one request each (Connection: close): a
//    favicon request, a browser pre-connect that never sends a byte, a request line split across
//    reads. Only `GET /` with `state`, `code` or `error` in the query is a candidate redirect; other
//    requests get a 404 page and change nothing.
//  - A candidate whose `state` is not exactly the expected one (missing, repeated, different, or any
//    state before expect()) is answered with an explanatory page and ignored: the listener keeps
//    waiting. Failing instead would let any web page that finds the port cancel the user's sign-in,
//    while the real redirect can still arrive. Ignored candidates are reported by requestIgnored()
//    and named in the timeout's detail.
//  - With the right state: an `iss` other than the expected issuer fails (BadCallback: a mix-up,
//    RFC 9207), `error=access_denied` fails (Denied), another `error` fails (Rejected), no code fails
//    (BadCallback), otherwise codeReceived() carries the URL-decoded code ("4/0A..." arrives as "4%2F0A...").
//  - Exactly one terminal signal: codeReceived() or failed(); TimedOut when nothing valid came within
//    the timeout started by expect(); Cancelled on cancel(). After it the port is closed, idle
//    connections are dropped, and the browser still receives its page even if this object is deleted
//    in the slot.
//  - The code is never logged; pages never echo query values.

#include <chrono>
#include <optional>

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QTimer>

#include "gmail/gmail_error.h"

class QTcpSocket;

namespace rapport::gmail {

class LoopbackListener : public QObject {
    Q_OBJECT
public:
    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    // Binds 127.0.0.1 (the literal in the redirect URI; never "localhost", which may resolve to ::1 or
    // trip a firewall) on a port the system picks. Internal error when that fails.
    std::optional<GmailError> listen();
    quint16 port() const { return m_server.serverPort(); }

    // Starts waiting for the redirect of the attempt with this `state`. `expectedIssuer` is compared
    // with the redirect's `iss` when it has one.
    void expect(const QByteArray &state, const QString &expectedIssuer, std::chrono::milliseconds timeout);
    void cancel();  // emits failed(Cancelled) unless already finished

    bool isFinished() const { return m_finished; }

signals:
    void codeReceived(const QString &code);
    void failed(const rapport::gmail::GmailError &error);
    void requestIgnored(const QString &reason);  // e.g. "favicon", "state does not match"

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &requestLine);
    void handleRedirect(QTcpSocket *socket, const QByteArray &query);
    void ignore(QTcpSocket *socket, int status, const QString &reason, const QString &page = {});
    void finishWith(QTcpSocket *answered, int status, const QString &page);  // closes everything else
    void onTimeout();
    void dropSocket(QTcpSocket *socket);

    QTcpServer m_server;
    QTimer m_timer;
    QHash<QTcpSocket *, QByteArray> m_buffers;  // open connections and the bytes they sent so far
    QByteArray m_state;
    QString m_issuer;
    int m_ignoredCandidates = 0;
    bool m_finished = false;
};

} // namespace rapport::gmail
