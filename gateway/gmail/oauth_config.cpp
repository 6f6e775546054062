#include "gmail/oauth_config.h"

#include <QHostAddress>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Empty when fine, else why (for GmailError::detail).
QString endpointProblem(const char *setting, const QUrl &url)
{
    const QString name = QString::fromLatin1(setting);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return name + u" is not an absolute URL"_s;
    if (url.scheme() == u"https"_s)
        return {};
    if (url.scheme() == u"http"_s && isLoopbackHost(url.host()))
        return {};
    return name + u" must use https (plain http is accepted only on a loopback address)"_s;
}

void applyUrl(const char *variable, QUrl &target)
{
    const QString value = qEnvironmentVariable(variable);
    if (!value.isEmpty())
        target = QUrl(value, QUrl::StrictMode);
}

} // namespace

QString GoogleOAuthConfig::expectedIssuer() const
{
    return authUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

std::optional<GmailError> GoogleOAuthConfig::check() const
{
    if (clientId.trimmed().isEmpty())
        return makeGmailError(GmailErrorKind::NotConfigured, u"client_id is empty"_s);
    const std::pair<const char *, const QUrl *> endpoints[] = {
        {"auth_url", &authUrl}, {"token_url", &tokenUrl}, {"revoke_url", &revokeUrl}, {"gmail_api_url", &gmailApiUrl}};
    for (const auto &[setting, url] : endpoints) {
        if (QString problem = endpointProblem(setting, *url); !problem.isEmpty()) {
            GmailError e = makeGmailError(GmailErrorKind::NotConfigured, problem);
            e.message = u"Gmail is not set up correctly: "_s + problem + u'.';
            return e;
        }
    }
    if (scopes.isEmpty())
        return makeGmailError(GmailErrorKind::NotConfigured, u"no scopes configured"_s);
    return std::nullopt;
}

GoogleOAuthConfig GoogleOAuthConfig::withEnvironment(GoogleOAuthConfig base)
{
    if (QString id = qEnvironmentVariable("RAPPORT_GOOGLE_CLIENT_ID"); !id.isEmpty())
        base.clientId = std::move(id);
    if (QString secret = qEnvironmentVariable("RAPPORT_GOOGLE_CLIENT_SECRET"); !secret.isEmpty())
        base.clientSecret = std::move(secret);
    applyUrl("RAPPORT_GOOGLE_AUTH_URL", base.authUrl);
    applyUrl("RAPPORT_GOOGLE_TOKEN_URL", base.tokenUrl);
    applyUrl("RAPPORT_GOOGLE_REVOKE_URL", base.revokeUrl);
    applyUrl("RAPPORT_GMAIL_API_URL", base.gmailApiUrl);
    return base;
}

} // namespace rapport::gmail
