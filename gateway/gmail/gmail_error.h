#pragma once
// Failures of the Gmail connection (sign-in, tokens; later the Gmail API), as values. `message` is
// written for a sales person; `detail` keeps what Google said (its error code and description) for
// logs and bug reports. Neither ever contains a token, a code, a verifier or the client secret.
//
// Routes turn a GmailError into the gateway's Error with toGatewayError(); httpStatus() in
// core/error.cpp stays the one place that picks the HTTP status.

#include <QString>

#include "core/error.h"

namespace rapport::gmail {

enum class GmailErrorKind {
    NotConfigured,    // no Google client id, or an endpoint that is not https (loopback excepted)
    NotConnected,     // no Gmail account is connected (or it was disconnected)
    ReconnectNeeded,  // invalid_grant: the refresh token expired or was revoked, or the code was spent
    Denied,           // the user declined on Google's consent page (error=access_denied)
    BadCallback,      // the redirect named another issuer, or carried neither code nor error
    TimedOut,         // no valid redirect reached the loopback listener in time
    Rejected,         // Google refused the request itself: client id/secret, redirect_uri, other 4xx
    Unauthorized,     // the Gmail API answered 401: refresh the access token once, then try again
    Retryable,        // 5xx, 429, network failure or timeout: the same request may work later
    Protocol,         // an answer we cannot use: not JSON, no access_token, a redirect, too large
    Cancelled,        // the caller stopped it
    Internal,         // could not listen on the loopback, or the object was misused
};

struct GmailError {
    GmailErrorKind kind = GmailErrorKind::Internal;
    QString message;          // user-facing sentence
    QString detail;           // Google's words or the transport error; may be empty
    QString googleCode;       // RFC 6749 `error` ("invalid_grant", ...); empty when none was sent
    int httpStatus = 0;       // 0 when no HTTP status was received
    qint64 retryAfterMs = -1; // from Retry-After, when Google said how long

    bool isRetryable() const { return kind == GmailErrorKind::Retryable; }
};

// Stable identifier for logs, tests and the route's error details: "reconnect_needed", ...
const char *kindName(GmailErrorKind kind);

// A GmailError of `kind` with that kind's standard user message.
GmailError makeGmailError(GmailErrorKind kind, QString detail = {});

// The gateway Error for a route: NotConfigured is validation_failed (field "client_id"), Cancelled
// and Internal keep their codes, everything Google-side is upstream_error. The kind travels in
// details as {"kind", kindName(kind)}, Google's own code as {"google_error", ...}.
Error toGatewayError(const GmailError &error);

} // namespace rapport::gmail
