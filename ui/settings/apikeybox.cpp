#include "settings/apikeybox.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "settings/apikeycontroller.h"
#include "shared/fielderrors.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

ApiKeyBox::ApiKeyBox(ApiKeyController &keys, QWidget *parent) : QGroupBox(tr("API key"), parent), m_keys(keys)
{
    auto *layout = new QVBoxLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(u"keyState"_s);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    auto *row = new QHBoxLayout;
    m_key = new QLineEdit(this);
    m_key->setObjectName(u"apiKey"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste a new API key"));
    m_key->setClearButtonEnabled(true);
    m_save = new QPushButton(tr("Save Key"), this);
    m_save->setObjectName(u"saveKey"_s);
    m_remove = new QPushButton(tr("Remove Key"), this);
    m_remove->setObjectName(u"removeKey"_s);
    row->addWidget(m_key, 1);
    row->addWidget(m_save);
    row->addWidget(m_remove);
    layout->addLayout(row);

    m_error = FieldErrors::makeLabel(u"api_key"_s, this);
    layout->addWidget(m_error);

    m_noKeychain = new QFrame(this);
    m_noKeychain->setObjectName(u"noKeychain"_s);
    m_noKeychain->setFrameShape(QFrame::StyledPanel);
    m_noKeychain->setAutoFillBackground(true);
    m_noKeychain->setBackgroundRole(QPalette::AlternateBase);
    auto *offer = new QHBoxLayout(m_noKeychain);
    m_noKeychainText = new QLabel(m_noKeychain);
    m_noKeychainText->setWordWrap(true);
    auto *sessionOnly = new QPushButton(tr("Keep for This Session Only"), m_noKeychain);
    sessionOnly->setObjectName(u"keepForSession"_s);
    offer->addWidget(m_noKeychainText, 1);
    offer->addWidget(sessionOnly);
    m_noKeychain->hide();
    layout->addWidget(m_noKeychain);

    connect(m_save, &QPushButton::clicked, this, &ApiKeyBox::save);
    connect(m_key, &QLineEdit::returnPressed, this, &ApiKeyBox::save);
    connect(m_key, &QLineEdit::textChanged, this, &ApiKeyBox::update);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_noKeychain->hide();
        m_keys.remove();
    });
    connect(sessionOnly, &QPushButton::clicked, this, [this] {
        m_keys.keepForSession(m_pendingKey);
        m_pendingKey.clear();
        m_key->clear();
        m_noKeychain->hide();
    });
    connect(&m_keys, &ApiKeyController::changed, this, &ApiKeyBox::update);
    connect(&m_keys, &ApiKeyController::saved, this, [this] {
        m_key->clear();  // never leave a saved secret sitting in a widget
        m_pendingKey.clear();
    });
    connect(&m_keys, &ApiKeyController::keychainUnavailable, this, &ApiKeyBox::offerSessionOnly);
    connect(&m_keys, &ApiKeyController::failed, this,
            [this](const QString &message) { FieldErrors::setMessage(m_error, message); });
    update();
}

void ApiKeyBox::save()
{
    FieldErrors::setMessage(m_error, QString());
    m_noKeychain->hide();
    m_pendingKey = m_key->text().trimmed();
    m_keys.save(m_pendingKey);
}

void ApiKeyBox::offerSessionOnly(const QString &message)
{
    m_noKeychainText->setText(message);
    m_noKeychain->show();
}

void ApiKeyBox::update()
{
    const bool busy = m_keys.isBusy();
    switch (m_keys.source()) {
    case ai::KeySource::None:
        m_state->setText(tr("No key is set. AI chat, Explain and Draft with AI need one, unless the base URL "
                            "points at a server that needs no key."));
        break;
    case ai::KeySource::Keychain:
        m_state->setText(tr("A key is saved in the system keychain."));
        break;
    case ai::KeySource::Session:
        m_state->setText(tr("A key is kept for this session only; Rapport will ask for it again next time."));
        break;
    case ai::KeySource::Environment:
        m_state->setText(tr("The key comes from RAPPORT_AI_API_KEY for this run."));
        break;
    }
    m_save->setEnabled(!busy && !m_key->text().trimmed().isEmpty());
    m_remove->setEnabled(!busy && m_keys.source() != ai::KeySource::None
                         && m_keys.source() != ai::KeySource::Environment);
}

} // namespace rapport::ui
