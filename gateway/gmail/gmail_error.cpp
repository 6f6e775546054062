#include "gmail/gmail_error.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

const char *kindName(GmailErrorKind kind)
{
    switch (kind) {
    case GmailErrorKind::NotConfigured: return "not_configured";
    case GmailErrorKind::ReconnectNeeded: return "reconnect_needed";
    case GmailErrorKind::Denied: return "denied";
    case GmailErrorKind::BadCallback: return "bad_callback";
    case GmailErrorKind::TimedOut: return "timed_out";
    case GmailErrorKind::Rejected: return "rejected";
    case GmailErrorKind::Unauthorized: return "unauthorized";
    case GmailErrorKind::NotConnected: return "not_connected";
    case GmailErrorKind::Retryable: return "retryable";
    case GmailErrorKind::Protocol: return "protocol";
    case GmailErrorKind::Cancelled: return "cancelled";
    case GmailErrorKind::Internal: return "internal";
    }
    return "internal";
}

namespace {

QString standardMessage(GmailErrorKind kind)
{
    switch (kind) {
    case GmailErrorKind::NotConfigured:
        return u"Gmail is not set up: a Google desktop client id is needed (Settings, or RAPPORT_GOOGLE_CLIENT_ID)."_s;
    case GmailErrorKind::ReconnectNeeded:
        return u"Gmail needs to be connected again: Google no longer accepts Rapport's sign-in."_s;
    case GmailErrorKind::Denied:
        return u"Gmail was not connected: access was declined on Google's page."_s;
    case GmailErrorKind::BadCallback:
        return u"Gmail was not connected: the answer from the browser did not come from Google. Try again."_s;
    case GmailErrorKind::TimedOut:
        return u"Gmail was not connected: no answer came back from the browser in time. Try again."_s;
    case GmailErrorKind::Rejected:
        return u"Google refused Rapport's request. Check the Google client id and secret in Settings."_s;
    case GmailErrorKind::NotConnected:
        return u"Gmail is not connected. Connect it in Settings first."_s;
    case GmailErrorKind::Unauthorized:
        return u"Gmail did not accept Rapport's sign-in. Connect Gmail again if this keeps happening."_s;
    case GmailErrorKind::Retryable:
        return u"Google could not be reached. Rapport will try again."_s;
    case GmailErrorKind::Protocol:
        return u"Google sent an answer Rapport could not read."_s;
    case GmailErrorKind::Cancelled:
        return u"Cancelled."_s;
    case GmailErrorKind::Internal:
        return u"Gmail sign-in could not start on this computer."_s;
    }
    return {};
}

} // namespace

GmailError makeGmailError(GmailErrorKind kind, QString detail)
{
    GmailError e;
    e.kind = kind;
    e.message = standardMessage(kind);
    e.detail = std::move(detail);
    return e;
}

Error toGatewayError(const GmailError &error)
{
    ErrorCode code = ErrorCode::Upstream;
    std::string field;
    switch (error.kind) {
    case GmailErrorKind::NotConfigured:
        code = ErrorCode::ValidationFailed;
        field = "client_id";
        break;
    case GmailErrorKind::Cancelled: code = ErrorCode::Cancelled; break;
    case GmailErrorKind::NotConnected: code = ErrorCode::Conflict; break;
    case GmailErrorKind::Internal: code = ErrorCode::Internal; break;
    case GmailErrorKind::ReconnectNeeded:
    case GmailErrorKind::Denied:
    case GmailErrorKind::BadCallback:
    case GmailErrorKind::TimedOut:
    case GmailErrorKind::Rejected:
    case GmailErrorKind::Unauthorized:
    case GmailErrorKind::Retryable:
    case GmailErrorKind::Protocol: break;
    }
    Error out = Error::make(code, error.message.toStdString(), field);
    out.details.push_back({"kind", kindName(error.kind)});
    if (!error.googleCode.isEmpty())
        out.details.push_back({"google_error", error.googleCode.toStdString()});
    out.retryAfterMs = error.retryAfterMs;
    return out;
}

} // namespace rapport::gmail
