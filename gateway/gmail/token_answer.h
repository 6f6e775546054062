#pragma once
// Reading what Google's token and revoke endpoints answer (RFC 6749 §5, docs/protocols.md C), kept
// pure so every case is testable without a network. TokenClient feeds it the HTTP status and body.

#include <variant>

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include "gmail/gmail_error.h"
#include "gmail/google_tokens.h"

namespace rapport::gmail {

// A successful exchange or refresh: the tokens to keep, and the requested scopes Google did not
// grant (granular consent lets the user untick some; Gmail then answers 403 for what is missing).
struct TokenGrant {
    GoogleTokens tokens;
    QStringList missingScopes;
    bool isPartial() const { return !missingScopes.isEmpty(); }
};

// How a 200 answer is read:
//  - access_token is required (Protocol otherwise); token_type, when sent, must be Bearer;
//  - expires_in (seconds) gives expiresAt = now + expires_in; absent or not positive: one hour,
//    Google's documented lifetime, so a token without it is still refreshed in time;
//  - refresh_token absent (normal on refresh) keeps `previous`'s;
//  - scope absent means what was asked (RFC 6749 §5.1) on an exchange and `previous`'s on a refresh.
// `previous` is null for a code exchange.
std::variant<TokenGrant, GmailError> readTokenAnswer(const QByteArray &body, const QStringList &requestedScopes,
                                                     const GoogleTokens *previous, const QDateTime &now);

// A non-200 answer of the token or revoke endpoint: invalid_grant is ReconnectNeeded; invalid_client,
// unauthorized_client, invalid_request, redirect_uri_mismatch and other 4xx are Rejected; 408, 429 and
// 5xx are Retryable (with retryAfterMs when given). Google's error and error_description go into
// googleCode and detail.
GmailError tokenEndpointError(int httpStatus, const QByteArray &body, qint64 retryAfterMs);

// RFC 6749's `error` member of an error body; empty when the body has none.
QString oauthErrorCode(const QByteArray &body);

} // namespace rapport::gmail
