#include "gmail/google_tokens.h"

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace rapport::gmail {

bool GoogleTokens::expiresWithin(std::chrono::seconds margin, const QDateTime &now) const
{
    if (!hasAccessToken() || !expiresAt.isValid())
        return true;
    return now.addSecs(margin.count()) >= expiresAt;
}

QStringList GoogleTokens::missingScopes(const QStringList &required) const
{
    QStringList missing;
    for (const QString &scope : required)
        if (!grantedScopes.contains(scope))
            missing << scope;
    return missing;
}

QStringList GoogleTokens::parseScopes(const QString &scope)
{
    QStringList list = scope.split(u' ', Qt::SkipEmptyParts);
    list.sort();
    list.removeDuplicates();
    return list;
}

QByteArray GoogleTokens::toSecretJson() const
{
    const json doc = {
        {"access_token", accessToken.toStdString()},
        {"refresh_token", refreshToken.toStdString()},
        {"expires_at_ms", expiresAt.isValid() ? expiresAt.toMSecsSinceEpoch() : qint64(0)},
        {"scope", grantedScopes.join(u' ').toStdString()},
        {"token_type", tokenType.toStdString()},
    };
    return QByteArray::fromStdString(doc.dump());
}

bool GoogleTokens::fromSecretJson(const QByteArray &text, GoogleTokens &out)
{
    const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object())
        return false;
    auto str = [&doc](const char *key) {
        const auto it = doc.find(key);
        return it != doc.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    GoogleTokens t;
    t.accessToken = str("access_token");
    t.refreshToken = str("refresh_token");
    t.grantedScopes = parseScopes(str("scope"));
    if (const QString type = str("token_type"); !type.isEmpty())  // else keep the Bearer default
        t.tokenType = type;
    if (const auto ms = doc.find("expires_at_ms"); ms != doc.end() && ms->is_number_integer() && ms->get<qint64>() > 0)
        t.expiresAt = QDateTime::fromMSecsSinceEpoch(ms->get<qint64>(), Qt::UTC);
    if (!t.hasAccessToken())
        return false;
    out = std::move(t);
    return true;
}

} // namespace rapport::gmail
