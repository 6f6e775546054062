#include "mainwindow.h"

#include <algorithm>

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

#include "chat/chatpage.h"
#include "companies/companiespage.h"
#include "contacts/contacteditor.h"
#include "contacts/contactspage.h"
#include "drafts/draftspage.h"
#include "drafts/outboxpump.h"
#include "firstrun/demooffer.h"
#include "gateway.h"
#include "settings/apikeycontroller.h"
#include "settings/settingspage.h"
#include "shared/gatewayclient.h"
#include "shared/icons.h"
#include "shared/pagedjsonmodel.h"
#include "shared/recordeditor.h"
#include "sync/conflictspage.h"
#include "sync/syncindicator.h"
#include "sync/teamserverbox.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

MainWindow::MainWindow(GatewayClient &client, QSettings &settings, SecretStore &secrets, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_settings(settings)
{
    m_keys = new ApiKeyController(secrets, client.gateway().aiSettings(), this);
    m_keys->load();
    setWindowIcon(icon(IconId::App));
    m_undo = new QUndoStack(this);

    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_demo = new DemoOffer(client, settings, central);
    column->addWidget(m_demo);
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    column->addLayout(row, 1);

    m_nav = new QListWidget(central);
    m_nav->setObjectName(u"navigation"_s);
    m_nav->setFixedWidth(164);
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setFocusPolicy(Qt::NoFocus);
    m_nav->setStyleSheet(
        u"QListWidget#navigation { background: palette(window); padding-top: 8px; }"
        "QListWidget#navigation::item { padding: 7px 8px; margin: 1px 8px; border-radius: 6px; }"
        "QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }"_s);
    row->addWidget(m_nav);
    m_stack = new QStackedWidget(central);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_contacts = new ContactsPage(client, *m_undo, m_stack);
    m_companies = new CompaniesPage(client, *m_undo, m_stack);
    // New sections (Deals, Chat, Drafts, Settings) are one addPage() each; record actions follow
    // whichever page is current and switch off on pages that are not record pages.
    addPage(IconId::Contacts, tr("Contacts"), m_contacts);
    addPage(IconId::Companies, tr("Companies"), m_companies);
    m_chat = new ChatPage(client, m_stack);
    addPage(IconId::Chat, tr("Chat"), m_chat);
    connect(m_chat, &ChatPage::statusMessage, this, &MainWindow::showStatus);
    m_drafts = new DraftsPage(client, *m_undo, m_stack);
    addPage(IconId::Drafts, tr("Drafts"), m_drafts);
    m_conflicts = new ConflictsPage(client, m_stack);
    addPage(IconId::Sync, tr("Conflicts"), m_conflicts);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        updateActions();
        updateTitle();
    });

    m_settingsPage = new SettingsPage(client, *m_keys, secrets, m_stack);
    addPage(IconId::Settings, tr("Settings"), m_settingsPage);  // last: the usual place
    connect(m_chat, &ChatPage::settingsRequested, this, [this] { showPage(m_settingsPage); });
    connect(m_drafts, &DraftsPage::settingsRequested, this, [this] { showPage(m_settingsPage); });
    connect(static_cast<ContactEditor *>(m_contacts->editor()), &ContactEditor::settingsRequested, this,
            [this] { showPage(m_settingsPage); });

    m_sync = new SyncIndicator(client, this);  // before the menus: File offers its Sync Now
    createActions();
    createMenusAndToolBar();
    m_outbox = new OutboxPump(client, this);
    createStatusBar();
    connectRecordPage(m_contacts);
    connectRecordPage(m_companies);
    connectRecordPage(m_drafts);
    connect(m_contacts, &RecordPage::firstPageLoaded, this, [this] {
        m_firstPageShown = true;
        m_demo->offerIfEmpty(m_contacts->model()->rowCount() == 0 && m_contacts->model()->query().isEmpty());
        emit firstPageShown();
    });
    connect(m_contacts, &RecordPage::recordsChanged, m_demo, [this] {
        if (!m_demo->isLoading())
            m_demo->hide();  // the profile is no longer empty; ask again only on a later empty start
    });
    connect(m_demo, &DemoOffer::started, this, &MainWindow::startDemoProgress);
    connect(m_demo, &DemoOffer::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_demo, &DemoOffer::finished, this, &MainWindow::finishDemo);

    connect(m_drafts, &RecordPage::recordsChanged, m_outbox, &OutboxPump::poke);  // a send may wait now
    connect(m_outbox, &OutboxPump::sent, this,
            [this](int n) { showStatus(tr("%n email(s) sent from the outbox", nullptr, n)); });
    connect(m_sync, &SyncIndicator::conflictsRequested, this, [this] { showPage(m_conflicts); });
    connect(m_sync, &SyncIndicator::settingsRequested, this, [this] { showPage(m_settingsPage); });
    connect(m_sync, &SyncIndicator::syncFinished, this,
            [this](bool ok, const QString &message) { ok ? showStatus(message) : showError(message); });
    connect(m_sync, &SyncIndicator::conflictsChanged, this, [this](int n) {
        m_nav->item(m_stack->indexOf(m_conflicts))->setText(n > 0 ? tr("Conflicts (%1)").arg(n) : tr("Conflicts"));
        updateTitle();
        m_conflicts->refresh();
    });
    connect(m_conflicts, &ConflictsPage::conflictResolved, m_sync, &SyncIndicator::refresh);
    connect(m_conflicts, &ConflictsPage::conflictResolved, this, &MainWindow::reloadTeamRecords);
    connect(m_sync, &SyncIndicator::statusChanged, this, [this](const nlohmann::json &status) {
        const qint64 seen = status.value("remote_changes", qint64{0});
        if (m_remoteChanges >= 0 && seen > m_remoteChanges)
            reloadTeamRecords();  // a colleague's changes arrived
        m_remoteChanges = seen;
    });
    connect(m_settingsPage->teamServer(), &TeamServerBox::accountChanged, m_sync, [this](bool signedIn) {
        if (signedIn)
            m_sync->syncNow();  // the first round right away, so the status bar has news at once
        else
            m_sync->refresh();
    });
    m_countsDebounce.setSingleShot(true);
    m_countsDebounce.setInterval(250);
    connect(&m_countsDebounce, &QTimer::timeout, this, &MainWindow::refreshCounts);

    resize(defaultSize());
    restoreWindowState();
    m_nav->setCurrentRow(std::clamp(m_settings.value(u"window/page"_s, 0).toInt(), 0, m_nav->count() - 1));
    updateActions();
    updateTitle();
    m_contacts->start();
    m_companies->start();
    m_drafts->start();
    refreshCounts();  // asynchronous: the gateway counts while the window paints
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(IconId iconId, const QString &title, QWidget *page)
{
    auto *item = new QListWidgetItem(icon(iconId), title, m_nav);
    item->setSizeHint(QSize(0, 36));
    m_stack->addWidget(page);
}

void MainWindow::showPage(QWidget *page)
{
    m_nav->setCurrentRow(m_stack->indexOf(page));
}

bool MainWindow::showPageNamed(const QString &name)
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_nav->item(i)->text().compare(name, Qt::CaseInsensitive) == 0
            || m_stack->widget(i)->objectName().compare(name, Qt::CaseInsensitive) == 0) {
            m_nav->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void MainWindow::connectRecordPage(RecordPage *page)
{
    page->table()->addAction(m_deleteAction);  // Del acts where the table has focus
    connect(page, &RecordPage::statusMessage, this, &MainWindow::showStatus);
    connect(page, &RecordPage::errorMessage, this, &MainWindow::showError);
    connect(page, &RecordPage::actionsChanged, this, [this] {
        updateActions();
        updateTitle();
    });
    connect(page, &RecordPage::recordsChanged, &m_countsDebounce, qOverload<>(&QTimer::start));
}

RecordPage *MainWindow::currentRecordPage() const
{
    return qobject_cast<RecordPage *>(m_stack->currentWidget());
}

void MainWindow::updateTitle()
{
    const int row = m_nav->currentRow();
    const QString section = row >= 0 ? m_nav->item(row)->text() : QString();
    setWindowTitle(section.isEmpty() ? tr("Rapport") : tr("%1 — Rapport").arg(section) + u"[*]"_s);
    const RecordPage *page = currentRecordPage();
    setWindowModified(page && page->hasUnsavedChanges());
}

void MainWindow::refreshCounts()
{
    m_client.call(Method::Get, "/stats", this, [this](const Response &response) {
        if (!response.isSuccess())
            return;
        const QLocale locale;
        const qint64 contacts = response.body.value("contacts", qint64(0));
        const qint64 companies = response.body.value("companies", qint64(0));
        const QString contactText = contacts == 1 ? tr("1 contact") : tr("%1 contacts").arg(locale.toString(contacts));
        const QString companyText =
            companies == 1 ? tr("1 company") : tr("%1 companies").arg(locale.toString(companies));
        m_counts->setText(contactText + u"  ·  "_s + companyText);
    });
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->setStyleSheet(QString());
    statusBar()->showMessage(text, 6000);
}

void MainWindow::showError(const QString &text)
{
    statusBar()->setStyleSheet(u"QStatusBar { color: #c62828; }"_s);
    statusBar()->showMessage(text, 10000);
}

void MainWindow::startDemoProgress(int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->show();
    showStatus(tr("Loading demo data…"));
}

void MainWindow::finishDemo(bool ok, const QString &message)
{
    m_progress->hide();
    if (!ok) {
        showError(tr("Could not load demo data: %1").arg(message));
        return;
    }
    showStatus(message);
    m_contacts->start();
    m_companies->start();
    refreshCounts();
}

// After a pull or a settled conflict: the lists show the records as they are now. A page with unsaved
// edits is left alone (the user's typing wins; its save merges field by field).
void MainWindow::reloadTeamRecords()
{
    for (RecordPage *page : {static_cast<RecordPage *>(m_contacts), static_cast<RecordPage *>(m_companies)})
        if (!page->hasUnsavedChanges())
            page->start();
    refreshCounts();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    RecordPage *dirty = nullptr;
    for (RecordPage *page : {static_cast<RecordPage *>(m_contacts), static_cast<RecordPage *>(m_companies),
                             static_cast<RecordPage *>(m_drafts)})
        if (!dirty && page->hasUnsavedChanges())
            dirty = page;
    if (dirty) {
        // Ask (and maybe save, which is asynchronous) first; close again once the page has settled.
        event->ignore();
        showPage(dirty);
        dirty->whenSettled([this] { QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection); });
        return;
    }
    saveWindowState();
    event->accept();
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(u"window/geometry"_s, saveGeometry());
    m_settings.setValue(u"window/state"_s, saveState());
    m_settings.setValue(u"window/page"_s, m_nav->currentRow());
    m_contacts->saveState(m_settings, u"contacts"_s);
    m_companies->saveState(m_settings, u"companies"_s);
    m_settings.sync();
}

void MainWindow::restoreWindowState()
{
    restoreGeometry(m_settings.value(u"window/geometry"_s).toByteArray());
    restoreState(m_settings.value(u"window/state"_s).toByteArray());
    m_contacts->restoreState(m_settings, u"contacts"_s);
    m_companies->restoreState(m_settings, u"companies"_s);
}

} // namespace rapport::ui
