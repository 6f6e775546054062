#include "settings/gmailbox.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/error.h"
#include "gmail/gmail_account.h"
#include "secrets/secret_store.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

GmailBox::GmailBox(GatewayClient &client, SecretStore &secrets, QWidget *parent)
    : QGroupBox(tr("Gmail"), parent), m_client(client), m_secrets(secrets)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Connect your Gmail account to see the mail you exchanged with a contact and to "
                                "send drafts. Rapport asks Google for permission to read and compose mail; the "
                                "sign-in is kept in your keychain."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(u"gmailClientId"_s);
    m_clientId->setPlaceholderText(tr("….apps.googleusercontent.com"));
    m_clientSecret = new QLineEdit(this);
    m_clientSecret->setObjectName(u"gmailClientSecret"_s);
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setPlaceholderText(tr("Kept in the keychain; leave empty to keep the saved one"));
    m_saveClient = new QPushButton(tr("Save"), this);
    m_saveClient->setObjectName(u"saveGmailClient"_s);
    m_saveClient->setEnabled(false);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_clientSecret, 1);
    secretRow->addWidget(m_saveClient);
    form->addRow(tr("Google client id"), m_clientId);
    form->addRow(tr("Client secret"), secretRow);
    layout->addLayout(form);

    m_state = new QLabel(this);
    m_state->setObjectName(u"gmailState"_s);
    m_state->setTextFormat(Qt::RichText);
    m_detail = new QLabel(this);
    m_detail->setObjectName(u"gmailDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_error = new QLabel(this);
    m_error->setObjectName(u"gmailError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();
    m_link = new QLabel(this);
    m_link->setObjectName(u"gmailLink"_s);
    m_link->setWordWrap(true);
    m_link->setOpenExternalLinks(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->hide();
    for (QLabel *label : {m_state, m_detail, m_error, m_link})
        layout->addWidget(label);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelGmail"_s);
    m_cancel->hide();
    m_disconnect = new QPushButton(tr("Disconnect"), this);
    m_disconnect->setObjectName(u"disconnectGmail"_s);
    m_connect = new QPushButton(tr("Connect Gmail…"), this);
    m_connect->setObjectName(u"connectGmail"_s);
    for (QPushButton *b : {m_cancel, m_disconnect, m_connect})
        buttons->addWidget(b);
    layout->addLayout(buttons);

    for (QLineEdit *edit : {m_clientId, m_clientSecret})
        connect(edit, &QLineEdit::textEdited, this, [this] { m_saveClient->setEnabled(true); });
    connect(m_clientSecret, &QLineEdit::returnPressed, this, &GmailBox::saveClient);
    connect(m_saveClient, &QPushButton::clicked, this, &GmailBox::saveClient);
    connect(m_connect, &QPushButton::clicked, this, &GmailBox::connectGmail);
    connect(m_disconnect, &QPushButton::clicked, this, &GmailBox::disconnectGmail);
    connect(m_cancel, &QPushButton::clicked, this, &GmailBox::cancel);
    m_state->setText(tr("Checking…"));
}

void GmailBox::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (!isBusy())
        refresh();
}

void GmailBox::refresh()
{
    m_client.call(Method::Get, "/gmail/status", this, [this](const Response &r) {
        if (r.isSuccess())
            showStatus(r.body);
    });
}

void GmailBox::showStatus(const nlohmann::json &status)
{
    const QString state = jsonString(status, "state");
    const QString email = jsonString(status, "email").toHtmlEscaped();
    const bool configured = status.value("configured", false);
    m_environmentClient = jsonString(status, "client_id_source") == u"environment"_s;
    if (!m_saveClient->isEnabled())  // not while the user is typing a new one
        m_clientId->setText(jsonString(status, "client_id"));
    m_clientId->setReadOnly(m_environmentClient);
    m_clientId->setToolTip(m_environmentClient ? tr("Set by RAPPORT_GOOGLE_CLIENT_ID for this run") : QString());

    QStringList details;
    if (state == u"connected"_s) {
        m_state->setText(tr("Connected as <b>%1</b>").arg(email));
        details << tr("Rapport may read and compose your mail; access renews by itself.");
        QStringList missing;
        for (const auto &scope : status.value("missing_scopes", nlohmann::json::array()))
            missing << QString::fromStdString(scope.get<std::string>()).section(u'/', -1);
        if (!missing.isEmpty())
            details << tr("Google granted only part of what Rapport asked for (missing: %1). Disconnect, connect "
                          "again and allow everything on Google's page.")
                           .arg(missing.join(u", "_s));
        if (jsonString(status, "token_storage") == u"session"_s)
            details << tr("No keychain is available: the sign-in is kept for this session only.");
    } else if (state == u"reconnect_needed"_s) {
        m_state->setText(tr("<b>Reconnect needed</b>: Google no longer accepts Rapport's sign-in for %1.").arg(email));
    } else {
        m_state->setText(tr("Not connected."));
        if (!configured)
            details << tr("Enter the client id of a Google “Desktop app” OAuth client (Google Cloud console → "
                          "APIs & Services → Credentials) to connect.");
    }
    m_detail->setText(details.join(u'\n'));
    m_detail->setVisible(!details.isEmpty());
    const nlohmann::json error = status.value("last_error", nlohmann::json());
    if (error.is_object() && state != u"connected"_s)
        showError(tr("Last problem (%1): %2").arg(formatTimestamp(jsonString(error, "at")), jsonString(error, "message")));
    else
        m_error->hide();

    const bool connected = state == u"connected"_s;
    m_connect->setText(state == u"reconnect_needed"_s ? tr("Reconnect…") : tr("Connect Gmail…"));
    m_connect->setVisible(!connected);
    m_connect->setEnabled(configured && !isBusy());
    m_disconnect->setVisible(state != u"disconnected"_s);
    m_disconnect->setEnabled(!isBusy());
    emit statusChanged(state);
}

void GmailBox::saveClient()
{
    m_error->hide();
    const QString secret = m_clientSecret->text().trimmed();
    nlohmann::json patch = nlohmann::json::object();
    if (!m_environmentClient) {
        const QString id = m_clientId->text().trimmed();
        patch["client_id"] = id.isEmpty() ? nlohmann::json() : nlohmann::json(id.toStdString());
    }
    m_client.call(Method::Patch, "/gmail/settings", patch, this, [this, secret](const Response &r) {
        if (!r.isSuccess())
            return showError(responseError(r.body, r.status));
        m_saveClient->setEnabled(false);
        showStatus(r.body);
        if (secret.isEmpty())
            return;
        m_secrets.write(QString::fromLatin1(gmail::kClientSecretSecret), secret, this, [this](Result<void> saved) {
            if (!saved)
                return showError(QString::fromStdString(saved.error().message));
            m_clientSecret->clear();
            m_clientSecret->setPlaceholderText(tr("Saved in the keychain"));
        });
    });
}

void GmailBox::connectGmail()
{
    runFlow("/gmail/connect", tr("Waiting for you to sign in to Google in your browser…"));
}

void GmailBox::disconnectGmail()
{
    runFlow("/gmail/disconnect", tr("Disconnecting…"));
}

void GmailBox::runFlow(const char *target, const QString &waiting)
{
    if (isBusy())
        return;
    m_error->hide();
    m_state->setText(waiting);
    setBusy(true);
    GatewayClient::StreamCallbacks callbacks;
    callbacks.event = [this](const nlohmann::json &event) {
        const QString url = jsonString(event, "authorization_url");
        if (url.isEmpty())
            return;
        QDesktopServices::openUrl(QUrl(url));
        m_link->setText(tr("If no browser opened, <a href=\"%1\">open Google's sign-in page</a>.").arg(url.toHtmlEscaped()));
        m_link->show();
    };
    callbacks.end = [this](const nlohmann::json &status) {
        finishFlow();
        showStatus(status);
        if (status.contains("revoked") && !status.value("revoked", true))
            showError(tr("Rapport forgot the sign-in, but Google could not be told (%1). You can remove Rapport "
                         "from your Google account's security page.")
                          .arg(jsonString(status, "revoke_error")));
    };
    callbacks.fail = [this](const Error &error) {
        finishFlow();
        refresh();
        if (error.code != ErrorCode::Cancelled)
            showError(QString::fromStdString(error.message));
    };
    m_streamId = m_client.stream(Request::make(Method::Post, target), this, std::move(callbacks));
}

void GmailBox::cancel()
{
    if (isBusy())
        m_client.cancelStream(m_streamId);
}

void GmailBox::finishFlow()
{
    setBusy(false);
    m_link->hide();
}

void GmailBox::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void GmailBox::setBusy(bool busy)
{
    if (!busy)
        m_streamId = 0;
    m_cancel->setVisible(busy);
    m_connect->setEnabled(!busy);
    m_disconnect->setEnabled(!busy);
}

} // namespace rapport::ui
