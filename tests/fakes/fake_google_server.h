#pragma once
// A fake of Google's OAuth endpoints (authorize, token, revoke) and of the Gmail API v1 on a real
// HTTP/1.1 server at 127.0.0.1:<ephemeral> (docs/protocols.md C and D, and the checklist at its end).
// It answers the way Google does and checks what the client sends:
//  - authorize plays a consent the user already approved (or declined): it validates the request
//    (client id, loopback redirect_uri, response_type=code, S256 challenge, state, scopes, no secret
//    in the URL) and answers 302 to redirect_uri with state, iss, code (which contains '/', sent as
//    %2F), scope, authuser and prompt, as Google's real redirects do; error=access_denied on Deny;
//  - token requires client_secret (invalid_request "client_secret is missing." like Desktop clients),
//    a code_verifier whose S256 matches the challenge, a redirect_uri byte-identical to authorize's;
//    a code works once; refresh answers carry no refresh_token; after a revoke every token of the
//    grant is dead and gives invalid_grant;
//  - the Gmail API requires `Authorization: Bearer` with a live token (401 authError otherwise) and
//    the scope of the method (403 insufficientPermissions), omits `messages` when the search has no
//    hits, pages with nextPageToken, decodes every `raw` (all four base64 variants, as proto3 JSON
//    does) and records it, and answers 429 userRateLimitExceeded when told to.
// Every request is recorded; problems() lists what a correct client would not have done.

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include "fakes/fake_http.h"

namespace rapport::fakes {

// A decoded query or form body: pairs in order, so repeated keys (metadataHeaders) survive.
using FormItems = QList<QPair<QString, QString>>;

// One message in the fake mailbox, as messages.list and messages.get report it.
struct FakeMailMessage {
    QString id;                   // assigned ("m1", "m2", ...) when empty
    QString threadId;             // the id when empty
    QString from, to, cc, subject, snippet, body;
    QByteArray rfc822MessageId;   // "<...@...>", found by q=rfc822msgid:
    qint64 internalDateMs = 0;    // newest first in lists
    QStringList labelIds = {QStringLiteral("INBOX")};
};

// What drafts.create or messages.send received.
struct ReceivedMail {
    enum class Via { Draft, Send };
    Via via = Via::Send;
    QByteArray raw;        // the `raw` member as sent
    QByteArray mime;       // decoded from it
    QString threadId;      // the request's threadId, empty when none
    QString id;            // the message id the fake gave it (drafts: the draft's message)
};

enum class Consent { Approve, Deny };

class FakeGoogleServer : public QObject {
    Q_OBJECT
public:
    explicit FakeGoogleServer(QObject *parent = nullptr);
    ~FakeGoogleServer() override;

    bool listen();  // 127.0.0.1, ephemeral port
    QUrl baseUrl() const;      // http://127.0.0.1:<port>
    QUrl authUrl() const;      // <base>/o/oauth2/v2/auth
    QUrl tokenUrl() const;     // <base>/token
    QUrl revokeUrl() const;    // <base>/revoke
    QUrl gmailApiUrl() const;  // <base>; the API lives under /gmail/v1/users/me/
    QString issuer() const;    // the `iss` of redirects: the authorize endpoint's origin

    // OAuth behaviour.
    void setClient(const QString &id, const QString &secret);
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    void setConsent(Consent consent) { m_consent = consent; }
    // The scopes the user leaves ticked: only those of the request that are also in this list are
    // granted (a partial grant). nullopt, the default, grants everything requested.
    void setGrantableScopes(std::optional<QStringList> scopes) { m_grantable = std::move(scopes); }
    void setAccessTokenLifetime(int seconds) { m_lifetimeSeconds = seconds; }
    void setAccountEmail(const QString &email) { m_email = email; }
    QString accountEmail() const { return m_email; }

    void expireAccessTokens();  // every access token issued so far now gets 401 from the Gmail API
    void revokeAllGrants();     // the user removed the app in their Google account
    // A live grant and its access token without the browser flow, for Gmail API tests.
    QString grantForTest(const QStringList &scopes, QString *refreshToken = nullptr);

    int codesIssued() const { return m_codesIssued; }
    int exchanges() const { return m_exchanges; }  // successful code exchanges
    int refreshes() const { return m_refreshes; }  // successful refreshes
    int revocations() const { return m_revocations; }
    bool isAccessTokenLive(const QString &token) const;

    // Gmail behaviour.
    void addMessage(FakeMailMessage message);
    // The next `count` Gmail API calls that pass authentication fail: 429 userRateLimitExceeded, or
    // 500/503 backendError.
    void failNextGmailCalls(int count, int status = 429);
    const QList<ReceivedMail> &received() const { return m_received; }
    const QList<FakeMailMessage> &mailbox() const { return m_mailbox; }

    const QList<RecordedRequest> &requests() const { return m_requests; }
    const QStringList &problems() const { return m_problems; }

signals:
    void requestHandled(const QByteArray &method, const QByteArray &path, int status);

private:
    class Connection;
    struct Answer {
        int status = 200;
        HeaderList headers;
        QByteArray body;
    };
    struct PendingCode {
        QString clientId, redirectUri, challenge;
        QStringList scopes;
        bool used = false;
    };
    struct Grant {
        QStringList scopes;
        QString refreshToken;
        bool revoked = false;
    };
    struct AccessToken {
        int grant = -1;
        QDateTime expiresAt;
    };

    Answer handle(RecordedRequest request);
    Answer authorize(const FormItems &query);
    Answer token(const RecordedRequest &request);
    Answer exchangeCode(const FormItems &form);
    Answer refreshToken(const FormItems &form);
    Answer revoke(const RecordedRequest &request);
    std::optional<Answer> checkClient(const FormItems &form);
    QString issueAccessToken(int grant);

    Answer gmail(const RecordedRequest &request, const QByteArray &path, const FormItems &query);
    std::optional<Answer> checkBearer(const RecordedRequest &request, const QStringList &anyOfScopes);
    Answer listMessages(const FormItems &query);
    Answer getMessage(const QString &id, const FormItems &query);
    Answer receive(const RecordedRequest &request, ReceivedMail::Via via);
    void inspectMime(const QByteArray &mime);
    // Google's JSON error shape: {"error":{"code","message","errors":[{reason,...}],"status"}}.
    static QByteArray gmailErrorBody(int code, const char *reason, const QString &message, const char *status);

    void problem(const QString &text) { m_problems << text; }

    QTcpServer m_server;
    QList<RecordedRequest> m_requests;
    QStringList m_problems;

    QString m_clientId = QStringLiteral("fake-client.apps.googleusercontent.com");
    QString m_clientSecret = QStringLiteral("fake-client-secret");
    Consent m_consent = Consent::Approve;
    std::optional<QStringList> m_grantable;
    int m_lifetimeSeconds = 3599;
    QString m_email = QStringLiteral("me@example.com");
    QHash<QString, PendingCode> m_codes;
    QList<Grant> m_grants;
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, int> m_refreshTokens;  // refresh token -> grant
    int m_codesIssued = 0, m_exchanges = 0, m_refreshes = 0, m_revocations = 0;

    QList<FakeMailMessage> m_mailbox;
    QList<ReceivedMail> m_received;
    int m_failCount = 0, m_failStatus = 429;
    int m_nextId = 1;
};

// The test's browser, standing in for the user who clicks "Allow" (or "Cancel") on the consent page:
// GETs the authorization URL, and when the answer is a 302 follows it to the loopback listener with
// a raw socket that sends the Location's target byte for byte. Runs a local event loop, so the
// listener and the fake (same thread) keep working; waits at most `timeoutMs` in all.
struct BrowserOptions {
    bool preconnect = false;  // first open a connection to the loopback that never sends a byte
    bool favicon = false;     // after the page, ask for /favicon.ico as browsers do
    int timeoutMs = 10'000;
};

struct BrowserResult {
    int authorizeStatus = 0;  // 302 on consent; 400 when the fake refused the request
    QByteArray location;      // the redirect target as sent
    QByteArray authorizePage; // the fake's error page when there was no redirect
    int loopbackStatus = 0;   // the listener's answer; 0 when it was not reached
    QByteArray loopbackPage;
    QString error;            // transport trouble; empty when everything answered
};

BrowserResult followAuthorizationUrl(const QUrl &url, const BrowserOptions &options = {});

// Decodes a query or form-urlencoded body the way a server does: '+' is a space, %XX a byte, UTF-8.
FormItems parseForm(QByteArrayView encoded);
QStringList formValues(const FormItems &items, const QString &key);
QString formValue(const FormItems &items, const QString &key);  // the first; empty when absent

} // namespace rapport::fakes
