#include "settings/settingspage.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "settings/aiproviderbox.h"
#include "settings/apikeybox.h"
#include "settings/gmailbox.h"
#include "sync/teamserverbox.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

SettingsPage::SettingsPage(GatewayClient &client, ApiKeyController &keys, SecretStore &secrets, QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(14);
    auto *title = new QLabel(tr("Settings"), content);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);

    m_provider = new AiProviderBox(client, content);
    m_key = new ApiKeyBox(keys, content);
    m_gmail = new GmailBox(client, secrets, content);
    m_teamServer = new TeamServerBox(client, content);
    for (QWidget *box : {static_cast<QWidget *>(m_provider), static_cast<QWidget *>(m_key),
                         static_cast<QWidget *>(m_gmail), static_cast<QWidget *>(m_teamServer)}) {
        box->setMaximumWidth(760);  // long lines of form fields are hard to read on a wide window
        layout->addWidget(box);
    }
    layout->addStretch(1);
    scroll->setWidget(content);
}

} // namespace rapport::ui
