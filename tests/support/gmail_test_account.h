#pragma once
// A connected Gmail account in a test profile without the browser flow: a live grant from the fake
// Google, its tokens saved through the gateway's SecretStore, the account marked connected.

#include <QObject>
#include <QtTest>

#include "fakes/fake_google_server.h"
#include "gateway.h"
#include "gmail/gmail_account.h"

namespace rapport::test {

inline bool connectFakeGmail(Gateway &gateway, fakes::FakeGoogleServer &google,
                             const QString &email = QStringLiteral("me@example.com"))
{
    gmail::TokenGrant grant;
    grant.tokens.grantedScopes = {QString::fromLatin1(gmail::kScopeCompose), QString::fromLatin1(gmail::kScopeReadonly)};
    grant.tokens.accessToken = google.grantForTest(grant.tokens.grantedScopes, &grant.tokens.refreshToken);
    grant.tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3599);
    bool saved = false, answered = false;
    QObject context;
    gateway.gmailAccount().saveTokens(grant.tokens, &context, [&](Result<void> r) {
        saved = r.ok();
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 20'000) || !saved)
        return false;
    gateway.gmailAccount().markConnected(email, grant);
    return true;
}

// Points Rapport's Google endpoints and client at the fake, for this process and its children.
inline void useFakeGoogle(const fakes::FakeGoogleServer &google)
{
    qputenv("RAPPORT_GOOGLE_CLIENT_ID", google.clientId().toUtf8());
    qputenv("RAPPORT_GOOGLE_CLIENT_SECRET", google.clientSecret().toUtf8());
    qputenv("RAPPORT_GOOGLE_AUTH_URL", google.authUrl().toString().toUtf8());
    qputenv("RAPPORT_GOOGLE_TOKEN_URL", google.tokenUrl().toString().toUtf8());
    qputenv("RAPPORT_GOOGLE_REVOKE_URL", google.revokeUrl().toString().toUtf8());
    qputenv("RAPPORT_GMAIL_API_URL", google.gmailApiUrl().toString().toUtf8());
}

} // namespace rapport::test
