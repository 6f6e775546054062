#pragma once
// PKCE (RFC 7636, S256) and the authorization request of the installed-app flow (RFC 8252,
// docs/protocols.md C). Every attempt gets fresh random values from the system CSPRNG; an attempt
// that failed is never reused, so a verifier cannot outlive the code it protects.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

#include "gmail/oauth_config.h"

namespace rapport::gmail {

// BASE64URL-NOPAD(SHA256(verifier)): always 43 characters.
QByteArray codeChallengeS256(QByteArrayView verifier);

// 64 bytes from QRandomGenerator::system() as base64url without padding: 86 characters of
// [A-Za-z0-9_-], inside RFC 7636's 43-128 range and its unreserved set.
QByteArray makeCodeVerifier();

// True for 43-128 characters of [A-Za-z0-9-._~], what RFC 7636 §4.1 allows.
bool isValidCodeVerifier(QByteArrayView verifier);

// 32 bytes from the system CSPRNG as base64url without padding (43 characters), as Thunderbird does.
QByteArray makeState();

// "http://127.0.0.1:<port>": the exact literal the loopback listener binds, sent byte-identically in
// the authorization request and in the code exchange (a difference is redirect_uri_mismatch).
QString loopbackRedirectUri(quint16 port);

// One sign-in attempt: what the authorization request and the later code exchange must agree on.
struct AuthorizationAttempt {
    QByteArray codeVerifier;   // secret until the exchange: never in a URL, a log or an error
    QByteArray codeChallenge;  // codeChallengeS256(codeVerifier)
    QByteArray state;          // compared with the redirect's `state`
    QString redirectUri;

    // Fresh verifier, challenge and state for a listener on 127.0.0.1:`loopbackPort`.
    static AuthorizationAttempt start(quint16 loopbackPort);
};

// The URL to open in the browser: config.authUrl (its own query kept) plus client_id, redirect_uri,
// response_type=code, scope (space-separated), state, code_challenge, code_challenge_method=S256,
// access_type=offline and prompt=consent (a fresh consent always returns a refresh token), and
// login_hint when given. Every value is percent-encoded, so '+', '&' or '#' in a client id stay data.
// The client secret is never part of it.
QUrl authorizationUrl(const GoogleOAuthConfig &config, const AuthorizationAttempt &attempt,
                      const QString &loginHint = {});

// application/x-www-form-urlencoded `key=value&...`, every value percent-encoded (shared with the
// token requests so both encode the redirect_uri the same way).
QByteArray formEncode(const QList<std::pair<QByteArray, QString>> &fields);

} // namespace rapport::gmail
