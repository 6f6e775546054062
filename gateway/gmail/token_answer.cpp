#include "gmail/token_answer.h"

#include <algorithm>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace rapport::gmail {

namespace {

constexpr qint64 kDefaultLifetimeSeconds = 3600;
constexpr qint64 kMaxLifetimeSeconds = 366 * 24 * 3600;
constexpr qsizetype kMaxDetailChars = 300;

json parse(const QByteArray &body)
{
    return json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
}

QString stringMember(const json &doc, const char *key)
{
    if (!doc.is_object())
        return {};
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

QString oauthErrorCode(const QByteArray &body)
{
    return stringMember(parse(body), "error");
}

std::variant<TokenGrant, GmailError> readTokenAnswer(const QByteArray &body, const QStringList &requestedScopes,
                                                     const GoogleTokens *previous, const QDateTime &now)
{
    const json doc = parse(body);
    if (!doc.is_object())
        return makeGmailError(GmailErrorKind::Protocol, u"the token answer is not a JSON object"_s);
    GoogleTokens t;
    t.accessToken = stringMember(doc, "access_token");
    if (t.accessToken.isEmpty())
        return makeGmailError(GmailErrorKind::Protocol, u"the token answer has no access_token"_s);
    const QString type = stringMember(doc, "token_type");
    if (!type.isEmpty() && type.compare(u"Bearer"_s, Qt::CaseInsensitive) != 0)
        return makeGmailError(GmailErrorKind::Protocol, u"unsupported token_type "_s + type.left(40));
    t.tokenType = u"Bearer"_s;

    qint64 lifetime = kDefaultLifetimeSeconds;
    if (const auto it = doc.find("expires_in"); it != doc.end() && it->is_number() && it->get<double>() > 0)
        lifetime = static_cast<qint64>(std::min(it->get<double>(), double(kMaxLifetimeSeconds)));  // a huge double would overflow
    t.expiresAt = now.toUTC().addSecs(lifetime);

    t.refreshToken = stringMember(doc, "refresh_token");
    if (t.refreshToken.isEmpty() && previous)
        t.refreshToken = previous->refreshToken;

    if (const auto it = doc.find("scope"); it != doc.end() && it->is_string())
        t.grantedScopes = GoogleTokens::parseScopes(QString::fromStdString(it->get<std::string>()));
    else if (previous)
        t.grantedScopes = previous->grantedScopes;
    else
        t.grantedScopes = GoogleTokens::parseScopes(requestedScopes.join(u' '));

    TokenGrant grant;
    grant.missingScopes = t.missingScopes(requestedScopes);
    grant.tokens = std::move(t);
    return grant;
}

GmailError tokenEndpointError(int httpStatus, const QByteArray &body, qint64 retryAfterMs)
{
    const json doc = parse(body);
    const QString code = stringMember(doc, "error");
    const QString description = stringMember(doc, "error_description");

    GmailErrorKind kind = GmailErrorKind::Rejected;
    if (httpStatus == 408 || httpStatus == 429 || httpStatus >= 500)
        kind = GmailErrorKind::Retryable;
    else if (code == u"invalid_grant"_s)
        kind = GmailErrorKind::ReconnectNeeded;

    QString detail = u"HTTP %1"_s.arg(httpStatus);
    if (!code.isEmpty())
        detail += u": "_s + code.left(80);
    if (!description.isEmpty())
        detail += u" ("_s + description.left(kMaxDetailChars) + u')';
    GmailError e = makeGmailError(kind, detail);
    e.googleCode = code.left(80);
    e.httpStatus = httpStatus;
    if (kind == GmailErrorKind::Retryable)
        e.retryAfterMs = retryAfterMs;
    return e;
}

} // namespace rapport::gmail
