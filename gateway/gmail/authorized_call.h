#pragma once
// One Gmail API request made with a live access token (docs/protocols.md C/D): the token is refreshed
// when it expires within 60 s, and once more when Gmail still answers 401; a refresh answered
// invalid_grant moves the account to "reconnect needed". Every Gmail route builds on this.
//
// Exactly one of done()/failed(), never inside get()/post(). Deleting the object aborts the request.

#include <memory>

#include <QObject>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include "gmail/gmail_error.h"
#include "gmail/oauth_config.h"
#include "gmail/google_tokens.h"

namespace rapport::gmail {

class GmailAccount;
class GmailApiCall;
class TokenClient;

class AuthorizedCall : public QObject {
    Q_OBJECT
public:
    explicit AuthorizedCall(GmailAccount &account, QObject *parent = nullptr);
    ~AuthorizedCall() override;

    void get(const QString &path, const QUrlQuery &query = {});
    void post(const QString &path, const nlohmann::json &body);

signals:
    void done(const nlohmann::json &answer);
    void failed(const rapport::gmail::GmailError &error);

private:
    void begin();
    void refreshThenSend(const GoogleTokens &tokens);
    void send(const QString &accessToken);
    void fail(const GmailError &error);

    GmailAccount &m_account;
    GoogleOAuthConfig m_config;
    QString m_path;
    QUrlQuery m_query;
    nlohmann::json m_body;
    bool m_isPost = false;
    bool m_refreshed = false;  // at most one refresh per call
    GoogleTokens m_tokens;
    std::unique_ptr<TokenClient> m_refresh;
    std::unique_ptr<GmailApiCall> m_call;
};

} // namespace rapport::gmail
