// The Chat page's layout, actions and status line. The conversation list and loading a conversation are
// in chatpage_history.cpp, streaming an answer in chatpage_stream.cpp.

#include "chat/chatpage.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "chat/chatinput.h"
#include "chat/conversationdelegate.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagewidget.h"
#include "chat/transcriptview.h"
#include "shared/gatewayclient.h"
#include "shared/icons.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

ChatPage::ChatPage(GatewayClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_model = new ConversationListModel(this);
    buildLayout();
    createActions();
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onListSelection(current.isValid() ? current.row() : -1); });
    connect(m_newChat, &QPushButton::clicked, this, &ChatPage::newChat);
    connect(m_input, &ChatInput::submitted, this, &ChatPage::send);
    connect(m_input, &ChatInput::textChanged, this, &ChatPage::updateActions);
    connect(m_send, &QPushButton::clicked, this, &ChatPage::send);
    connect(m_stop, &QPushButton::clicked, this, &ChatPage::stop);
    connect(m_regenerate, &QPushButton::clicked, this, &ChatPage::regenerate);
    connect(m_copy, &QPushButton::clicked, this, &ChatPage::copyLastAnswer);
    connect(m_openSettings, &QPushButton::clicked, this, &ChatPage::settingsRequested);
    connect(m_transcript, &TranscriptView::retryRequested, this, &ChatPage::regenerate);
    connect(m_transcript, &TranscriptView::editRequested, this, [this](const QString &text) {
        m_input->setPlainText(text);
        m_input->moveCursor(QTextCursor::End);
        m_input->setFocus();
        emit statusMessage(tr("Change the question, then press Enter to send it again"));
    });
    updateActions();
}

void ChatPage::buildLayout()
{
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    leftLayout->setSpacing(6);
    m_newChat = new QPushButton(icon(IconId::Add), tr("New chat"), left);
    m_newChat->setObjectName(u"newChatButton"_s);
    m_newChat->setToolTip(tr("Start a new conversation (Ctrl+Shift+N)"));
    leftLayout->addWidget(m_newChat);
    m_list = new QListView(left);
    m_list->setObjectName(u"conversationList"_s);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    leftLayout->addWidget(m_list, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    m_transcript = new TranscriptView(right);
    // The chat itself sees no CRM records (Explain does), so the invitation promises only what it does.
    m_transcript->setEmptyText(tr("What can I help you with?"),
                               tr("Plan a follow-up, draft a reply or rephrase a message. "
                                  "Enter sends, Shift+Enter starts a new line."));
    rightLayout->addWidget(m_transcript, 1);

    auto *bottom = new QWidget(right);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(12, 8, 12, 8);
    bottomLayout->setSpacing(6);
    m_notice = new QFrame(bottom);
    m_notice->setObjectName(u"chatNotice"_s);
    m_notice->setStyleSheet(u"QFrame#chatNotice { background-color: rgba(198, 40, 40, 24); "
                            "border: 1px solid rgba(198, 40, 40, 120); border-radius: 6px; }"_s);
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(10, 6, 6, 6);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setObjectName(u"noticeText"_s);
    m_noticeText->setWordWrap(true);
    m_noticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    noticeLayout->addWidget(m_noticeText, 1);
    m_openSettings = new QPushButton(tr("Open Settings"), m_notice);
    m_openSettings->setObjectName(u"openSettingsButton"_s);
    noticeLayout->addWidget(m_openSettings);
    m_notice->hide();
    bottomLayout->addWidget(m_notice);

    m_input = new ChatInput(bottom);
    m_input->setObjectName(u"chatInput"_s);
    m_input->setPlaceholderText(tr("Ask Rapport AI…"));
    bottomLayout->addWidget(m_input);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    m_stats = new QLabel(bottom);
    m_stats->setObjectName(u"chatStats"_s);
    m_stats->setForegroundRole(QPalette::PlaceholderText);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_stats, 1);
    m_copy = new QPushButton(tr("Copy"), bottom);
    m_copy->setObjectName(u"copyButton"_s);
    m_copy->setToolTip(tr("Copy the last answer to the clipboard"));
    m_regenerate = new QPushButton(tr("Regenerate"), bottom);
    m_regenerate->setObjectName(u"regenerateButton"_s);
    m_regenerate->setToolTip(tr("Ask the last question again"));
    m_stop = new QPushButton(tr("Stop"), bottom);
    m_stop->setObjectName(u"stopButton"_s);
    m_stop->setToolTip(tr("Stop the answer (Esc)"));
    m_send = new QPushButton(tr("Send"), bottom);
    m_send->setObjectName(u"sendButton"_s);
    m_send->setToolTip(tr("Send (Enter); Shift+Enter starts a new line"));
    m_send->setDefault(true);
    for (QPushButton *button : {m_copy, m_regenerate, m_stop, m_send})
        buttons->addWidget(button);
    bottomLayout->addLayout(buttons);
    rightLayout->addWidget(bottom);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({240, 800});
    left->setMinimumWidth(180);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void ChatPage::createActions()
{
    // Window-wide, but only while this page is the one shown (Qt ignores shortcuts of hidden widgets).
    // Ctrl+N stays "new record".
    m_newChatAction = new QAction(tr("New Chat"), this);
    m_newChatAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newChatAction, &QAction::triggered, this, &ChatPage::newChat);
    addAction(m_newChatAction);
    m_stopAction = new QAction(tr("Stop"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_stopAction, &QAction::triggered, this, &ChatPage::stop);
    addAction(m_stopAction);
}

void ChatPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_listLoaded)
        refreshConversations();  // on first sight, not at start-up: the window opens on the contacts
    m_input->setFocus();
}

void ChatPage::updateActions()
{
    const bool streaming = isStreaming();
    const MessageWidget *last = m_transcript->lastAnswer();
    m_send->setEnabled(!streaming && !m_input->toPlainText().trimmed().isEmpty());
    m_stop->setEnabled(streaming && !m_stopRequested);
    m_stopAction->setEnabled(m_stop->isEnabled());
    m_regenerate->setEnabled(!streaming && (!m_lastQuestion.isEmpty() || !m_explainId.isEmpty()));
    m_copy->setEnabled(!streaming && last && !last->text().isEmpty());
    m_list->setEnabled(!streaming);
    m_newChat->setEnabled(!streaming);
    m_newChatAction->setEnabled(!streaming);
    m_transcript->setActionsEnabled(!streaming);
}

void ChatPage::showNotice(const QString &text, bool offerSettings)
{
    m_noticeText->setText(text);
    m_openSettings->setVisible(offerSettings);
    m_notice->show();
}

void ChatPage::hideNotice()
{
    m_notice->hide();
}

void ChatPage::showStats(qint64 ttftMs, double tokensPerSecond, const QString &model)
{
    const QLocale locale;
    QStringList parts;
    if (ttftMs >= 0)
        parts << tr("First token after %1 ms").arg(locale.toString(ttftMs));
    if (tokensPerSecond > 0)
        parts << tr("%1 tokens/s").arg(locale.toString(tokensPerSecond, 'f', 1));
    // Provider model ids are paths ("accounts/fireworks/models/llama-v3p1-8b-instruct"); the last part says it.
    if (!model.isEmpty())
        parts << model.section(u'/', -1);
    m_stats->setText(parts.join(u"  ·  "_s));
    m_stats->setToolTip(model);
}

} // namespace rapport::ui
