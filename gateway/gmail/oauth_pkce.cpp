#include "gmail/oauth_pkce.h"

#include <array>

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

constexpr auto kBase64UrlNoPad = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray randomBytes(qsizetype count)
{
    // system() reads the kernel CSPRNG; the seeded generators are predictable and unfit for secrets.
    std::array<quint32, 16> words{};
    Q_ASSERT(count <= qsizetype(sizeof(words)));
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), count);
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

} // namespace

QByteArray codeChallengeS256(QByteArrayView verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64UrlNoPad);
}

QByteArray makeCodeVerifier()
{
    return randomBytes(64).toBase64(kBase64UrlNoPad);
}

bool isValidCodeVerifier(QByteArrayView verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier)
        if (!isUnreserved(c))
            return false;
    return true;
}

QByteArray makeState()
{
    return randomBytes(32).toBase64(kBase64UrlNoPad);
}

QString loopbackRedirectUri(quint16 port)
{
    return u"http://127.0.0.1:%1"_s.arg(port);
}

AuthorizationAttempt AuthorizationAttempt::start(quint16 loopbackPort)
{
    AuthorizationAttempt a;
    a.codeVerifier = makeCodeVerifier();
    a.codeChallenge = codeChallengeS256(a.codeVerifier);
    a.state = makeState();
    a.redirectUri = loopbackRedirectUri(loopbackPort);
    return a;
}

QByteArray formEncode(const QList<std::pair<QByteArray, QString>> &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        // toPercentEncoding leaves only the unreserved set as is: a space becomes %20 (never '+',
        // which some servers would read as a literal plus), and '&', '=', '#' cannot end a value early.
        out += key + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QUrl authorizationUrl(const GoogleOAuthConfig &config, const AuthorizationAttempt &attempt, const QString &loginHint)
{
    QList<std::pair<QByteArray, QString>> fields = {
        {"client_id", config.clientId},
        {"redirect_uri", attempt.redirectUri},
        {"response_type", u"code"_s},
        {"scope", config.scopes.join(u' ')},
        {"state", QString::fromLatin1(attempt.state)},
        {"code_challenge", QString::fromLatin1(attempt.codeChallenge)},
        {"code_challenge_method", u"S256"_s},
        {"access_type", u"offline"_s},
        {"prompt", u"consent"_s},
    };
    if (!loginHint.isEmpty())
        fields.append({"login_hint", loginHint});

    QUrl url = config.authUrl;
    const QByteArray existing = url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray query = existing.isEmpty() ? formEncode(fields) : existing + '&' + formEncode(fields);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

} // namespace rapport::gmail
