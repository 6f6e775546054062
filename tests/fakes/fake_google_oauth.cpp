// The OAuth half of FakeGoogleServer (docs/protocols.md C): the consent redirect, the code
// exchange and refresh with Google's checks and error answers, revocation, and token bookkeeping.

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRandomGenerator>

#include "fakes/fake_google_server.h"

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace rapport::fakes {

namespace {

constexpr auto kBase64UrlNoPad = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(raw.toBase64(kBase64UrlNoPad));
}

std::string str(const QString &s)
{
    return s.toStdString();
}

HeaderList jsonHeaders()
{
    // Google's token endpoint forbids caching of answers that carry tokens.
    return {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-cache, no-store, max-age=0"}};
}

// RFC 6749 §5.2 error body, as the token and revoke endpoints send it.
QByteArray oauthError(const char *code, const char *description)
{
    return QByteArray::fromStdString(json{{"error", code}, {"error_description", description}}.dump());
}

// Google shows an HTML error page (and does not redirect) when the request itself is unusable.
QByteArray errorPage(const QString &text)
{
    return "<!DOCTYPE html><html><body><h1>Error</h1><p>" + text.toHtmlEscaped().toUtf8() + "</p></body></html>";
}

bool isLoopbackRedirect(const QString &uri, QStringList &problems)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http"_s || url.port() <= 0 || url.hasFragment())
        return false;
    if (url.host() == u"localhost"_s) {
        problems << u"redirect_uri uses localhost; Google advises the 127.0.0.1 literal"_s;
        return true;
    }
    const QHostAddress host(url.host());
    return !host.isNull() && host.isLoopback();
}

} // namespace

FakeGoogleServer::Answer FakeGoogleServer::authorize(const FormItems &query)
{
    const auto page = [](int status, const QString &text) { return Answer{status, {}, errorPage(text)}; };
    if (!formValue(query, u"client_secret"_s).isEmpty()) {
        problem(u"client_secret sent in the authorization URL"_s);
        return page(400, u"invalid_request: client_secret must not be in the URL"_s);
    }
    for (const auto &[key, value] : query)
        if (formValues(query, key).size() > 1)
            return page(400, u"invalid_request: duplicate parameter "_s + key);
    if (formValue(query, u"client_id"_s) != m_clientId)
        return page(401, u"Error 401: invalid_client. The OAuth client was not found."_s);
    const QString redirectUri = formValue(query, u"redirect_uri"_s);
    if (!isLoopbackRedirect(redirectUri, m_problems))
        return page(400, u"Error 400: redirect_uri_mismatch"_s);
    if (formValue(query, u"response_type"_s) != u"code"_s)
        return page(400, u"invalid_request: response_type must be code"_s);
    const QStringList requested = formValue(query, u"scope"_s).split(u' ', Qt::SkipEmptyParts);
    if (requested.isEmpty())
        return page(400, u"invalid_request: Missing required parameter: scope"_s);
    const QString challenge = formValue(query, u"code_challenge"_s);
    if (challenge.isEmpty() || formValue(query, u"code_challenge_method"_s) != u"S256"_s) {
        // Google would fall back to no PKCE or to "plain"; the checklist demands S256.
        problem(u"authorization request without an S256 code_challenge"_s);
        return page(400, u"invalid_request: this fake requires code_challenge_method=S256"_s);
    }
    if (challenge.size() != 43)
        return page(400, u"invalid_request: code_challenge is not a base64url SHA-256"_s);
    const QString state = formValue(query, u"state"_s);
    if (state.isEmpty())
        problem(u"authorization request without state"_s);

    const auto param = [](const char *key, const QString &value, const QByteArray &keepRaw = {}) -> QByteArray {
        return QByteArray(key) + '=' + QUrl::toPercentEncoding(value, keepRaw);
    };
    QByteArray redirect = redirectUri.toUtf8() + (redirectUri.contains(u'?') ? '&' : '?');
    if (m_consent == Consent::Deny) {
        redirect += param("error", u"access_denied"_s);
        if (!state.isEmpty())
            redirect += '&' + param("state", state);
        return {302, {{"Location", redirect}}, {}};
    }
    QStringList granted;
    for (const QString &scope : requested)
        if (!m_grantable || m_grantable->contains(scope))
            granted << scope;
    const QString code = u"4/0A"_s + randomToken(48);  // Google's codes start "4/0A"
    m_codes.insert(code, {m_clientId, redirectUri, challenge, granted, false});
    ++m_codesIssued;
    // The order and encoding of real captures: iss and scope keep ':' and '/', the code's '/' is %2F.
    if (!state.isEmpty())
        redirect += param("state", state) + '&';
    redirect += param("iss", issuer(), ":/") + '&' + param("code", code) + '&' + param("scope", granted.join(u' '), ":/") +
                "&authuser=0&prompt=consent";
    return {302, {{"Location", redirect}, {"Content-Type", "text/html; charset=UTF-8"}}, {}};
}

FakeGoogleServer::Answer FakeGoogleServer::token(const RecordedRequest &request)
{
    if (request.method != "POST")
        return {405, jsonHeaders(), oauthError("invalid_request", "POST only")};
    if (request.target.contains('?'))
        problem(u"query string on the token endpoint (credentials belong in the body)"_s);
    if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return {400, jsonHeaders(), oauthError("invalid_request", "Invalid Content-Type")};
    const FormItems form = parseForm(request.body);
    for (const auto &[key, value] : form)
        if (formValues(form, key).size() > 1)
            return {400, jsonHeaders(), oauthError("invalid_request", "Duplicate parameter")};
    const QString grantType = formValue(form, u"grant_type"_s);
    if (grantType == u"authorization_code"_s)
        return exchangeCode(form);
    if (grantType == u"refresh_token"_s)
        return refreshToken(form);
    if (grantType.isEmpty())
        return {400, jsonHeaders(), oauthError("invalid_request", "Missing required parameter: grant_type")};
    return {400, jsonHeaders(), oauthError("unsupported_grant_type", "Invalid grant_type")};
}

std::optional<FakeGoogleServer::Answer> FakeGoogleServer::checkClient(const FormItems &form)
{
    const QString id = formValue(form, u"client_id"_s);
    if (id.isEmpty())
        return Answer{400, jsonHeaders(), oauthError("invalid_request", "Could not determine client ID from request.")};
    if (id != m_clientId)
        return Answer{401, jsonHeaders(), oauthError("invalid_client", "The OAuth client was not found.")};
    const QString secret = formValue(form, u"client_secret"_s);
    if (secret.isEmpty())  // Desktop clients: the table says optional, Google says otherwise
        return Answer{400, jsonHeaders(), oauthError("invalid_request", "client_secret is missing.")};
    if (secret != m_clientSecret)
        return Answer{401, jsonHeaders(), oauthError("invalid_client", "Unauthorized")};
    return std::nullopt;
}

FakeGoogleServer::Answer FakeGoogleServer::exchangeCode(const FormItems &form)
{
    if (auto bad = checkClient(form))
        return *bad;
    const auto fail = [](int status, const char *code, const char *text) {
        return Answer{status, jsonHeaders(), oauthError(code, text)};
    };
    const QString code = formValue(form, u"code"_s);
    if (code.isEmpty())
        return fail(400, "invalid_request", "Missing required parameter: code");
    const auto it = m_codes.find(code);
    if (it == m_codes.end())
        return fail(400, "invalid_grant", "Malformed auth code.");
    if (it->used || it->clientId != m_clientId)
        return fail(400, "invalid_grant", "Bad Request");
    const QString redirectUri = formValue(form, u"redirect_uri"_s);
    if (redirectUri.isEmpty())
        return fail(400, "invalid_request", "Missing parameter: redirect_uri");
    if (redirectUri != it->redirectUri)
        return fail(400, "redirect_uri_mismatch", "Bad Request");
    const QByteArray verifier = formValue(form, u"code_verifier"_s).toUtf8();
    if (verifier.isEmpty())
        return fail(400, "invalid_grant", "Missing code verifier.");
    const QByteArray s256 = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64UrlNoPad);
    if (verifier.size() < 43 || verifier.size() > 128 || QString::fromLatin1(s256) != it->challenge)
        return fail(400, "invalid_grant", "Invalid code verifier.");

    it->used = true;
    m_grants.append({it->scopes, u"1//0f"_s + randomToken(48), false});
    const int grant = int(m_grants.size() - 1);
    m_refreshTokens.insert(m_grants[grant].refreshToken, grant);
    ++m_exchanges;
    const json answer = {{"access_token", str(issueAccessToken(grant))},
                         {"expires_in", m_lifetimeSeconds},
                         {"refresh_token", str(m_grants[grant].refreshToken)},
                         {"scope", str(m_grants[grant].scopes.join(u' '))},
                         {"token_type", "Bearer"}};
    return {200, jsonHeaders(), QByteArray::fromStdString(answer.dump())};
}

FakeGoogleServer::Answer FakeGoogleServer::refreshToken(const FormItems &form)
{
    if (auto bad = checkClient(form))
        return *bad;
    const QString refresh = formValue(form, u"refresh_token"_s);
    if (refresh.isEmpty())
        return {400, jsonHeaders(), oauthError("invalid_request", "Missing required parameter: refresh_token")};
    const int grant = m_refreshTokens.value(refresh, -1);
    if (grant < 0 || m_grants[grant].revoked)
        return {400, jsonHeaders(), oauthError("invalid_grant", "Token has been expired or revoked.")};
    ++m_refreshes;
    // No refresh_token on refresh, as Google answers: the client must keep its old one.
    const json answer = {{"access_token", str(issueAccessToken(grant))},
                         {"expires_in", m_lifetimeSeconds},
                         {"scope", str(m_grants[grant].scopes.join(u' '))},
                         {"token_type", "Bearer"}};
    return {200, jsonHeaders(), QByteArray::fromStdString(answer.dump())};
}

FakeGoogleServer::Answer FakeGoogleServer::revoke(const RecordedRequest &request)
{
    if (request.method != "POST")
        return {405, jsonHeaders(), oauthError("invalid_request", "POST only")};
    if (request.target.contains("token="))
        problem(u"token sent in the revoke URL"_s);
    const QString token = formValue(parseForm(request.body), u"token"_s);
    int grant = m_refreshTokens.value(token, -1);
    if (grant < 0 && m_accessTokens.contains(token))
        grant = m_accessTokens.value(token).grant;
    if (grant < 0 || m_grants[grant].revoked)
        return {400, jsonHeaders(), oauthError("invalid_token", "Token expired or revoked")};
    // Revoking either token ends the whole grant: its refresh token and every access token.
    m_grants[grant].revoked = true;
    ++m_revocations;
    return {200, jsonHeaders(), "{}"};
}

QString FakeGoogleServer::issueAccessToken(int grant)
{
    const QString token = u"ya29.fake-"_s + randomToken(36);
    m_accessTokens.insert(token, {grant, QDateTime::currentDateTimeUtc().addSecs(m_lifetimeSeconds)});
    return token;
}

bool FakeGoogleServer::isAccessTokenLive(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.constEnd() && !m_grants[it->grant].revoked &&
           QDateTime::currentDateTimeUtc() < it->expiresAt;
}

void FakeGoogleServer::expireAccessTokens()
{
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (AccessToken &token : m_accessTokens)
        token.expiresAt = past;
}

void FakeGoogleServer::revokeAllGrants()
{
    for (Grant &grant : m_grants)
        grant.revoked = true;
}

QString FakeGoogleServer::grantForTest(const QStringList &scopes, QString *refreshToken)
{
    m_grants.append({scopes, u"1//0f"_s + randomToken(48), false});
    if (refreshToken)
        *refreshToken = m_grants.last().refreshToken;
    m_refreshTokens.insert(m_grants.last().refreshToken, int(m_grants.size() - 1));
    return issueAccessToken(int(m_grants.size() - 1));
}

} // namespace rapport::fakes
