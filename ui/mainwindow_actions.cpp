// MainWindow's actions, menus, toolbar and status bar. Record actions go to the current page.

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

#include "chat/chatpage.h"
#include "companies/companiespage.h"
#include "contacts/contactspage.h"
#include "drafts/draftspage.h"
#include "drafts/outboxpump.h"
#include "mainwindow.h"
#include "settings/settingspage.h"
#include "shared/jsonutil.h"
#include "shared/gatewayclient.h"
#include "shared/icons.h"
#include "shared/recordpage.h"
#include "sync/syncindicator.h"

#include "gateway.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

void MainWindow::createActions()
{
    const auto make = [this](IconId iconId, const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(icon(iconId), text, this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction = make(IconId::NewContact, tr("&New"), QKeySequence::New, [this] {
        if (RecordPage *page = currentRecordPage())
            page->newRecord();
    });
    m_newAction->setToolTip(tr("New record (Ctrl+N)"));
    m_saveAction = make(IconId::Save, tr("&Save"), QKeySequence::Save, [this] {
        if (RecordPage *page = currentRecordPage())
            page->save();
    });
    m_deleteAction = make(IconId::Delete, tr("&Delete"), QKeySequence::Delete, [this] {
        if (RecordPage *page = currentRecordPage())
            page->deleteSelected();
    });
    // Del belongs to the table: in a text field it must keep deleting characters.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_revertAction = make(IconId::Revert, tr("Re&vert Changes"), QKeySequence(), [this] {
        if (RecordPage *page = currentRecordPage())
            page->revert();
    });
    m_quitAction = new QAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(icon(IconId::Undo));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(icon(IconId::Redo));
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_findAction = make(IconId::Search, tr("&Find"), QKeySequence::Find, [this] {
        if (RecordPage *page = currentRecordPage())
            page->focusSearch();
    });
    m_aboutAction = make(IconId::About, tr("&About Rapport"), QKeySequence(), [this] { about(); });
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_settingsAction = make(IconId::Settings, tr("&Settings…"), QKeySequence::Preferences,
                            [this] { showPage(m_settingsPage); });
    if (m_settingsAction->shortcut().isEmpty())  // no platform default on Linux desktops
        m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    m_explainAction = make(IconId::Chat, tr("E&xplain with AI"), QKeySequence(Qt::CTRL | Qt::Key_E),
                           [this] { explainSelected(); });
    m_explainAction->setToolTip(tr("Explain the selected contact or company with AI (Ctrl+E)"));
    m_draftEmailAction = make(IconId::Drafts, tr("Draft &Email…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                              [this] { draftEmailToSelected(); });
    m_draftEmailAction->setToolTip(tr("Write an email to the selected contact (Ctrl+Shift+E)"));
}

void MainWindow::explainSelected()
{
    const bool contact = m_stack->currentWidget() == m_contacts;
    RecordPage *page = contact ? static_cast<RecordPage *>(m_contacts) : static_cast<RecordPage *>(m_companies);
    if (!contact && m_stack->currentWidget() != m_companies)
        return;
    const QString id = page->selectedId();
    if (id.isEmpty())
        return;
    showPage(m_chat);
    m_chat->startExplain(contact ? ChatPage::ExplainSubject::Contact : ChatPage::ExplainSubject::Company, id);
}

void MainWindow::draftEmailToSelected()
{
    if (m_stack->currentWidget() != m_contacts)
        return;
    const QString id = m_contacts->selectedId();
    if (id.isEmpty())
        return;
    // The saved record, not the form: its first address becomes the recipient.
    m_client.call(Method::Get, "/contacts/" + id.toStdString(), this, [this, id](const Response &response) {
        if (!response.isSuccess()) {
            showError(tr("Could not open the contact: %1").arg(responseError(response.body, response.status)));
            return;
        }
        const nlohmann::json &contact = response.body;
        QString address;
        if (const auto emails = contact.find("emails"); emails != contact.end() && emails->is_array()
                                                        && !emails->empty())
            address = jsonString((*emails)[0], "address");
        showPage(m_drafts);
        m_drafts->composeFor(id, jsonString(contact, "name"), address);
    });
}

void MainWindow::createMenusAndToolBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_saveAction);
    file->addAction(m_deleteAction);
    file->addSeparator();
    file->addAction(m_explainAction);
    file->addAction(m_draftEmailAction);
    file->addSeparator();
    file->addAction(m_sync->syncNowAction());
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_revertAction);
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newAction);
    bar->addAction(m_saveAction);
    bar->addAction(m_deleteAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_explainAction);
    bar->addAction(m_draftEmailAction);

    // Right-click on a row offers what the row can do.
    for (RecordPage *page : {static_cast<RecordPage *>(m_contacts), static_cast<RecordPage *>(m_companies)}) {
        QTableView *table = page->table();
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
        table->insertAction(m_deleteAction, m_explainAction);
        if (page == m_contacts)
            table->insertAction(m_deleteAction, m_draftEmailAction);
        auto *separator = new QAction(table);
        separator->setSeparator(true);
        table->insertAction(m_deleteAction, separator);
    }
}

void MainWindow::createStatusBar()
{
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"counts"_s);
    m_counts->setContentsMargins(8, 0, 8, 0);
    m_outboxLabel = new QLabel(this);
    m_outboxLabel->setObjectName(u"outboxWaiting"_s);
    m_outboxLabel->setToolTip(tr("They leave by themselves when Gmail can be reached."));
    m_outboxLabel->hide();
    connect(m_outbox, &OutboxPump::waitingChanged, this, [this](int n) {
        m_outboxLabel->setText(tr("%n email(s) waiting to send", nullptr, n));
        m_outboxLabel->setVisible(n > 0);
    });
    statusBar()->addPermanentWidget(m_outboxLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->addPermanentWidget(m_sync);
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        if (message.isEmpty())
            statusBar()->setStyleSheet(QString());  // an error's red ends with the error
    });
}

void MainWindow::updateActions()
{
    const RecordPage *page = currentRecordPage();
    m_newAction->setEnabled(page != nullptr);
    m_saveAction->setEnabled(page && page->canSave());
    m_deleteAction->setEnabled(page && page->canDelete());
    m_revertAction->setEnabled(page && page->hasUnsavedChanges());
    m_findAction->setEnabled(page != nullptr);
    const bool onContact = page == m_contacts && !page->selectedId().isEmpty();
    m_explainAction->setEnabled(onContact || (page == m_companies && !page->selectedId().isEmpty()));
    m_draftEmailAction->setEnabled(onContact);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Rapport"),
                       tr("<h3>Rapport %1</h3><p>The desktop CRM for sales people: contacts and companies, "
                          "fast search, and every change undoable.</p><p>Profile: %2</p>")
                           .arg(QCoreApplication::applicationVersion(),
                                m_client.gateway().profileDir().toHtmlEscaped()));
}

} // namespace rapport::ui
