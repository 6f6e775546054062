#pragma once
// Where and as whom Rapport signs in to Google (docs/protocols.md C and D). The endpoints are
// configurable so tests point them at a local fake and other Google-compatible providers work.
//
// The client secret of a "Desktop app" client is not really secret (Google says so), but Google
// still requires it on the token requests; it lives here in memory and goes only into token request
// bodies, never into a URL, a log line or an error message.

#include <chrono>
#include <optional>

#include <QString>
#include <QStringList>
#include <QUrl>

#include "gmail/gmail_error.h"

namespace rapport::gmail {

// The minimal scopes for reading a contact's mail, creating drafts and sending (protocols.md C):
// getProfile works with these, so no `openid email` is requested for the account's address.
inline constexpr char kScopeCompose[] = "https://www.googleapis.com/auth/gmail.compose";
inline constexpr char kScopeReadonly[] = "https://www.googleapis.com/auth/gmail.readonly";

struct GoogleOAuthConfig {
    QString clientId;
    QString clientSecret;
    QUrl authUrl = QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"));
    QUrl tokenUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
    QUrl revokeUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/revoke"));
    QUrl gmailApiUrl = QUrl(QStringLiteral("https://gmail.googleapis.com"));
    QStringList scopes = {QString::fromLatin1(kScopeCompose), QString::fromLatin1(kScopeReadonly)};

    std::chrono::milliseconds loopbackTimeout{std::chrono::minutes(5)};  // the user may read the consent page
    std::chrono::milliseconds requestTimeout{std::chrono::seconds(30)};  // one token/revoke request
    qint64 maxResponseBytes = 64 * 1024;                                 // token answers are about 1 KiB

    // RFC 9207: the `iss` the redirect must carry when it carries one. Google's is
    // https://accounts.google.com, the origin of its authorization endpoint; following Thunderbird,
    // the issuer is that origin for any provider, so a configured fake or provider needs no extra setting.
    QString expectedIssuer() const;

    // NotConfigured when the client id is empty, an endpoint is not an absolute URL, or an endpoint is
    // plain http on anything but a loopback address (codes and tokens would cross the network in clear).
    // `detail` names the setting; no secret is ever quoted.
    std::optional<GmailError> check() const;

    // `base` with RAPPORT_GOOGLE_CLIENT_ID, RAPPORT_GOOGLE_CLIENT_SECRET, RAPPORT_GOOGLE_AUTH_URL,
    // RAPPORT_GOOGLE_TOKEN_URL, RAPPORT_GOOGLE_REVOKE_URL and RAPPORT_GMAIL_API_URL applied when set and
    // non-empty. A URL that does not parse is still applied, so check() reports it instead of Rapport
    // silently talking to Google's real endpoints.
    static GoogleOAuthConfig withEnvironment(GoogleOAuthConfig base);
    static GoogleOAuthConfig withEnvironment() { return withEnvironment(GoogleOAuthConfig()); }
};

} // namespace rapport::gmail
