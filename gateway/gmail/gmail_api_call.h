#pragma once
// One call to the Gmail API (docs/protocols.md D) as an object: GET or POST JSON with the Bearer
// token, the answer as JSON, or a GmailError typed from Google's error body:
//   401 (authError)                     -> Unauthorized: refresh the token once and try again
//   403 insufficientPermissions/scopes  -> Rejected, asking to reconnect and allow access
//   403 rate limits, 429, 5xx, network  -> Retryable (retryAfterMs from Retry-After)
//   other 4xx                           -> Rejected with Google's message in detail
// Exactly one of done()/failed(), never inside get()/post(); deleting the object aborts the request.

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include "gmail/gmail_error.h"
#include "gmail/oauth_config.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace rapport::gmail {

class GmailApiCall : public QObject {
    Q_OBJECT
public:
    GmailApiCall(QNetworkAccessManager &network, const GoogleOAuthConfig &config, QString accessToken,
                 QObject *parent = nullptr);
    ~GmailApiCall() override;

    // `path` under the API root, e.g. "/gmail/v1/users/me/profile".
    void get(const QString &path, const QUrlQuery &query = {});
    void post(const QString &path, const nlohmann::json &body);

signals:
    void done(const nlohmann::json &answer);
    void failed(const rapport::gmail::GmailError &error);

private:
    void send(QNetworkReply *reply);
    void onFinished();

    QNetworkAccessManager &m_network;
    GoogleOAuthConfig m_config;
    QString m_token;
    QPointer<QNetworkReply> m_reply;
};

// Google's JSON error body and status -> GmailError (see above). Pure, for tests.
GmailError gmailApiError(int httpStatus, const QByteArray &body, qint64 retryAfterMs);

} // namespace rapport::gmail
