#include "drafts/gmailsendbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace rapport::ui {

GmailSendBar::GmailSendBar(QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"sendDraft"_s);
    m_send->setToolTip(tr("Send with Gmail (Ctrl+Shift+Return); without a network it waits in the outbox"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_saveToGmail = new QPushButton(tr("Save to Gmail Drafts"), this);
    m_saveToGmail->setObjectName(u"saveToGmail"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"gmailSendStatus"_s);
    m_status->setWordWrap(true);
    row->addWidget(m_send);
    row->addWidget(m_saveToGmail);
    row->addWidget(m_status, 1);
    connect(m_send, &QPushButton::clicked, this, &GmailSendBar::sendRequested);
    connect(m_saveToGmail, &QPushButton::clicked, this, &GmailSendBar::saveToGmailRequested);
}

void GmailSendBar::setBusy(bool busy)
{
    m_send->setEnabled(!busy);
    m_saveToGmail->setEnabled(!busy);
}

void GmailSendBar::setStatus(const QString &text, bool isError)
{
    m_status->setStyleSheet(isError ? u"color: #c62828;"_s : QString());
    m_status->setText(text);
}

QString GmailSendBar::status() const
{
    return m_status->text();
}

} // namespace rapport::ui
