#pragma once
// The tokens of one Gmail connection. Only TokenStore persists them, and only into a SecretStore;
// there is deliberately no QDebug or JSON output of this struct outside that store.

#include <chrono>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rapport::gmail {

struct GoogleTokens {
    QString accessToken;
    QString refreshToken;    // empty when Google sent none (then only a new sign-in helps after expiry)
    QDateTime expiresAt;     // UTC; when the access token stops working
    QStringList grantedScopes;  // what Google actually granted, sorted; may be less than requested
    QString tokenType = QStringLiteral("Bearer");

    bool hasAccessToken() const { return !accessToken.isEmpty(); }
    bool canRefresh() const { return !refreshToken.isEmpty(); }

    // True when the access token is gone or expires within `margin` of `now`: callers refresh 60 s
    // early so a request never leaves with a token that dies on the way.
    bool expiresWithin(std::chrono::seconds margin, const QDateTime &now) const;

    // The scopes of `required` that were not granted (a partial grant under granular consent).
    QStringList missingScopes(const QStringList &required) const;

    // Space-separated scope string -> sorted, de-duplicated list.
    static QStringList parseScopes(const QString &scope);

    // The keychain form (one JSON object, so a refresh replaces every part at once). Reading a value
    // that is not such an object, or has no access token, gives false.
    QByteArray toSecretJson() const;
    static bool fromSecretJson(const QByteArray &json, GoogleTokens &out);

    friend bool operator==(const GoogleTokens &, const GoogleTokens &) = default;
};

} // namespace rapport::gmail
