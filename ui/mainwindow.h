#pragma once
// The main window: navigation on the left (Contacts, Companies, Chat, Drafts, Conflicts, Settings),
// one page per entry in a stack, menus and a toolbar acting on the current page, one undo stack for
// the whole window, and a status bar with counts, messages and background progress.

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QSettings;
class QStackedWidget;
class QUndoStack;

namespace rapport {
class GatewayClient;
class SecretStore;
}

namespace rapport::ui {

class ChatPage;
class ConflictsPage;
class DraftsPage;
class CompaniesPage;
class ContactsPage;
class DemoOffer;
class OutboxPump;
class RecordPage;
class ApiKeyController;
class SettingsPage;
class SyncIndicator;
enum class IconId;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // settings: the profile's settings.ini (window state, first-run flags); secrets: the profile's
    // keychain (API key, tokens).
    MainWindow(GatewayClient &client, QSettings &settings, SecretStore &secrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    static QSize defaultSize() { return {1200, 760}; }
    ContactsPage *contactsPage() const { return m_contacts; }
    CompaniesPage *companiesPage() const { return m_companies; }
    ChatPage *chatPage() const { return m_chat; }
    DraftsPage *draftsPage() const { return m_drafts; }
    DemoOffer *demoOffer() const { return m_demo; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    ConflictsPage *conflictsPage() const { return m_conflicts; }
    SyncIndicator *syncIndicator() const { return m_sync; }
    ApiKeyController *apiKeys() const { return m_keys; }
    OutboxPump *outbox() const { return m_outbox; }
    QUndoStack *undoStack() const { return m_undo; }
    bool isFirstPageShown() const { return m_firstPageShown; }
    void showPage(QWidget *page);
    // By navigation title or page object name, case-insensitive ("settings"); false when none matches.
    bool showPageNamed(const QString &name);

signals:
    void firstPageShown();  // the contacts table has its first page (for --screenshot / benchmarks)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(IconId icon, const QString &title, QWidget *page);
    void connectRecordPage(RecordPage *page);
    void createActions();
    void createMenusAndToolBar();
    void createStatusBar();
    void updateActions();
    void explainSelected();     // mainwindow_actions.cpp: the selected contact or company, in Chat
    void draftEmailToSelected();  // a new draft in Drafts, addressed to the selected contact
    void updateTitle();
    RecordPage *currentRecordPage() const;
    void refreshCounts();
    void reloadTeamRecords();
    void showStatus(const QString &text);
    void showError(const QString &text);
    void startDemoProgress(int total);
    void finishDemo(bool ok, const QString &message);
    void saveWindowState();
    void restoreWindowState();
    void about();

    GatewayClient &m_client;
    QSettings &m_settings;
    QUndoStack *m_undo = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    ContactsPage *m_contacts = nullptr;
    CompaniesPage *m_companies = nullptr;
    ChatPage *m_chat = nullptr;
    DraftsPage *m_drafts = nullptr;
    DemoOffer *m_demo = nullptr;
    ApiKeyController *m_keys = nullptr;
    OutboxPump *m_outbox = nullptr;
    QLabel *m_outboxLabel = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    ConflictsPage *m_conflicts = nullptr;
    SyncIndicator *m_sync = nullptr;  // team sync state in the status bar
    qint64 m_remoteChanges = -1;      // the sync status's count when last seen; -1 before the first
    QLabel *m_counts = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer m_countsDebounce;
    bool m_firstPageShown = false;

    QAction *m_newAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_explainAction = nullptr;
    QAction *m_draftEmailAction = nullptr;
};

} // namespace rapport::ui
