#include "sync/teamserverbox.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/error.h"
#include "shared/formbuilder.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

TeamServerBox::TeamServerBox(GatewayClient &client, QWidget *parent)
    : QGroupBox(tr("Team server"), parent), m_client(client)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Share contacts and companies with your team through a Rapport server. Drafts, "
                                "chats and mail stay on this computer."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    FormBuilder builder(form, m_errors);
    m_server = builder.addLine(tr("Server"), u"server"_s, u"https://rapport.example.com"_s);
    m_caFile = new QLineEdit(m_form);
    m_caFile->setPlaceholderText(tr("Optional: for a server with its own certificate"));
    auto *choose = new QPushButton(tr("Choose…"), m_form);
    builder.addRow(tr("Certificate"), {{u"ca_file"_s, m_caFile}, {u"chooseCaFile"_s, choose}});
    m_email = builder.addLine(tr("Email"), u"email"_s, tr("you@example.com"));
    m_password = builder.addLine(tr("Password"), u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_form);
    m_form->hide();  // until GET /sync/account says whether it is needed

    auto *general = FieldErrors::makeLabel(QString(), this);
    general->setObjectName(u"teamServerError"_s);
    m_errors.setGeneral(general);
    layout->addWidget(general);
    m_state = new QLabel(tr("Checking…"), this);
    m_state->setObjectName(u"teamServerState"_s);
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::RichText);
    layout->addWidget(m_state);

    auto *buttons = new QHBoxLayout;
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);  // no steps to count: a moving bar says "working"
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumSize(120, 12);
    m_busyBar->hide();
    buttons->addWidget(m_busyBar);
    buttons->addStretch(1);
    m_signOut = new QPushButton(tr("Sign Out"), this);
    m_signOut->setObjectName(u"signOut"_s);
    m_signOut->hide();
    m_signIn = new QPushButton(tr("Sign In"), this);
    m_signIn->setObjectName(u"signIn"_s);
    m_signIn->hide();
    buttons->addWidget(m_signOut);
    buttons->addWidget(m_signIn);
    layout->addLayout(buttons);

    connect(m_signIn, &QPushButton::clicked, this, &TeamServerBox::signIn);
    connect(m_signOut, &QPushButton::clicked, this, &TeamServerBox::signOut);
    connect(choose, &QPushButton::clicked, this, &TeamServerBox::chooseCaFile);
    for (QLineEdit *edit : {m_server, m_email, m_password})
        connect(edit, &QLineEdit::returnPressed, this, &TeamServerBox::signIn);
}

void TeamServerBox::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (!isBusy())
        refresh();
}

void TeamServerBox::refresh()
{
    m_client.call(Method::Get, "/sync/account", this, [this](const Response &r) {
        if (m_busy)
            return;  // a sign-in or sign-out answered after this was asked; it has the newer word
        if (r.isSuccess())
            showAccount(r.body.value("account", nlohmann::json()));
        else if (r.status == 404)  // a gateway without team sync
            showAccount(nullptr);
    });
}

void TeamServerBox::showAccount(const nlohmann::json &account)
{
    const bool signedIn = account.is_object();
    if (signedIn) {
        const QString email = jsonString(account, "email");
        const QString server = jsonString(account, "server");
        m_state->setText(tr("Signed in as <b>%1</b> on %2").arg(email.toHtmlEscaped(), server.toHtmlEscaped()));
        m_server->setText(server);  // ready for signing in again after a sign-out
        m_email->setText(email);
    } else {
        m_state->setText(tr("Not signed in: Rapport works with the data on this computer only."));
    }
    m_form->setVisible(!signedIn);
    m_signIn->setVisible(!signedIn);
    m_signOut->setVisible(signedIn);
    m_signedIn = signedIn;
}

void TeamServerBox::signIn()
{
    if (m_busy || m_signedIn)
        return;
    m_errors.clear();
    QString server = m_server->text().trimmed();
    if (!server.isEmpty() && !server.contains(u"://"_s)) {
        server.prepend(u"https://"_s);  // "rapport.example.com" is what people type
        m_server->setText(server);
    }
    const QString email = m_email->text().trimmed();
    if (server.isEmpty())
        m_errors.show(u"server"_s, tr("Enter the address of your team server."));
    if (email.isEmpty())
        m_errors.show(u"email"_s, tr("Enter the email address you sign in with."));
    if (m_password->text().isEmpty())
        m_errors.show(u"password"_s, tr("Enter your password."));
    if (!m_errors.isEmpty())
        return;

    nlohmann::json body{{"server", toStd(server)}, {"email", toStd(email)}, {"password", toStd(m_password->text())}};
    if (const QString ca = m_caFile->text().trimmed(); !ca.isEmpty())
        body["ca_file"] = toStd(ca);
    setBusy(true, tr("Signing In…"));
    GatewayClient::StreamCallbacks callbacks;
    callbacks.end = [this](const nlohmann::json &answer) {
        forgetPassword();
        setBusy(false);
        showAccount(answer.value("account", nlohmann::json()));
        if (m_signedIn)
            emit accountChanged(true);
        else  // a 200 without an account: ask again rather than guess
            refresh();
    };
    callbacks.fail = [this, server](const Error &error) {
        forgetPassword();
        setBusy(false);
        showSignInError(error, server);
    };
    // The route waits on the network: a pool thread, so the window's other requests keep flowing.
    m_client.callInBackground(Request::make(Method::Post, "/sync/login", body.dump()), this,
                              [callbacks = std::move(callbacks)](const Response &r) {
                                  if (r.isSuccess())
                                      callbacks.end(r.body);
                                  else
                                      callbacks.fail(Error::fromJson(r.body));
                              });
}

void TeamServerBox::showSignInError(const Error &error, const QString &server)
{
    const QString message = QString::fromStdString(error.message);
    switch (error.code) {
    case ErrorCode::Unauthenticated:
        m_errors.show(QString(), tr("The email or password is wrong."));
        m_password->setFocus();
        return;
    case ErrorCode::RateLimited:
        if (error.retryAfterMs > 90'000)  // the server's lockout after failed attempts is minutes long
            m_errors.show(QString(), tr("Too many sign-in attempts. Please try again in %1 min.")
                                         .arg((error.retryAfterMs + 59'999) / 60'000));
        else if (error.retryAfterMs > 0)
            m_errors.show(QString(), tr("Too many sign-in attempts. Please try again in %1 s.")
                                         .arg((error.retryAfterMs + 999) / 1000));
        else
            m_errors.show(QString(), tr("Too many sign-in attempts. Please wait a minute and try again."));
        return;
    case ErrorCode::Upstream:
        if (error.field == "tls")
            m_errors.show(QString(), tr("Rapport could not set up a secure connection to %1. If your team runs its "
                                        "own server, choose its certificate above.\nDetails: %2")
                                         .arg(server, message));
        else
            m_errors.show(QString(), tr("Rapport could not reach the team server at %1. Check the address and your "
                                        "network connection.\nDetails: %2")
                                         .arg(server, message));
        return;
    case ErrorCode::ValidationFailed:
    case ErrorCode::BadRequest:
        m_errors.showResponse(error.toJson());  // under the field it names, else below the form
        return;
    case ErrorCode::UpgradeRequired:
        m_errors.show(QString(), tr("The team server runs another version of Rapport. Please update Rapport, or "
                                    "ask whoever runs the server.\nDetails: %1")
                                     .arg(message));
        return;
    case ErrorCode::NotFound:
        m_errors.show(QString(), tr("This version of Rapport cannot sign in to a team server yet."));
        return;
    default:
        m_errors.show(QString(), tr("Signing in did not work: %1").arg(message));
    }
}

void TeamServerBox::signOut()
{
    if (m_busy || !m_signedIn)
        return;
    m_errors.clear();
    setBusy(true);
    GatewayClient::StreamCallbacks callbacks;
    callbacks.end = [this](const nlohmann::json &) {
        setBusy(false);
        showAccount(nullptr);
        emit accountChanged(false);
    };
    callbacks.fail = [this](const Error &error) {
        setBusy(false);
        m_errors.show(QString(), tr("Signing out did not work: %1").arg(QString::fromStdString(error.message)));
        refresh();
    };
    // The route waits on the network: a pool thread, so the window's other requests keep flowing.
    m_client.callInBackground(Request::make(Method::Post, "/sync/logout"), this,
                              [callbacks = std::move(callbacks)](const Response &r) {
                                  if (r.isSuccess())
                                      callbacks.end(r.body);
                                  else
                                      callbacks.fail(Error::fromJson(r.body));
                              });
}

void TeamServerBox::chooseCaFile()
{
    const QString start = m_caFile->text().isEmpty() ? QDir::homePath() : m_caFile->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("Certificate of the Team Server"), start,
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void TeamServerBox::forgetPassword()
{
    m_password->setText(QString());  // not clear(): that keeps the old text in the field's undo history
}

void TeamServerBox::setBusy(bool busy, const QString &label)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_form->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_signOut->setEnabled(!busy);
    m_signIn->setText(busy && !label.isEmpty() ? label : tr("Sign In"));
}

} // namespace rapport::ui
