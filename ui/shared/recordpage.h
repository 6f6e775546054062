#pragma once
// One page of records (contacts, companies, ...): a search box over a lazily fetched table on the
// left and the record's editor on the right. It owns the save/delete/undo round-trips with the
// gateway and keeps the table in step by updating single rows, never by reloading everything.

#include <functional>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QTableView;
class QUndoStack;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class PagedJsonModel;
class RecordEditor;

class RecordPage : public QWidget {
    Q_OBJECT
public:
    struct Texts {
        QString searchPlaceholder;
        QString noMatch;   // "No contacts match “%1”"
        QString empty;     // shown when there are no records at all
        QString created;   // "Contact created"
        QString saved;     // "Contact saved"
        QString deleted;   // "Deleted %1 — Undo (Ctrl+Z)"
        QString restored;  // "Restored %1"
    };
    enum class UnsavedChoice { Save, Discard, Cancel };
    using UnsavedPrompt = std::function<UnsavedChoice(const QString &name)>;

    RecordPage(GatewayClient &client, QUndoStack &undoStack, PagedJsonModel *model, RecordEditor *editor,
               Texts texts, QWidget *parent = nullptr);

    PagedJsonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }
    RecordEditor *editor() const { return m_editor; }
    bool hasFirstPage() const { return m_firstPageSeen; }
    void setColumnWidths(const QList<int> &widths);
    // Replaces the "unsaved changes" question box; tests script the answer with it.
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_prompt = std::move(prompt); }

    void start();  // fetches the first page
    void newRecord();
    bool save();   // false when nothing was sent (invalid, unchanged or busy)
    void deleteSelected();
    void revert();
    void focusSearch();
    bool canSave() const;
    bool canDelete() const;
    bool hasUnsavedChanges() const;
    QString selectedId() const;  // the record of the selected row; empty when none
    // Runs next once the editor holds no unsaved changes: at once, after a save, or after discarding.
    void whenSettled(std::function<void()> next, std::function<void()> cancelled = {});
    // Saves the editor without asking when it holds a new or changed record, then runs next.
    void saveThen(std::function<void()> next, std::function<void()> failed = {});

    void saveState(QSettings &settings, const QString &prefix) const;
    void restoreState(QSettings &settings, const QString &prefix);

    // The undo stack's way back into the gateway; message goes to the status bar on success.
    void restoreRecord(const nlohmann::json &snapshot, const QString &message);
    void removeRecord(const QString &id, const QString &message);
    void patchRecord(const QString &id, const nlohmann::json &patch, const QString &message);

signals:
    void statusMessage(const QString &text);
    void errorMessage(const QString &text);
    void firstPageLoaded();
    void recordsChanged();  // created, deleted or restored: counts are stale
    void actionsChanged();  // what canSave/canDelete say may have changed

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void selectId(const QString &id);  // moves the table's selection without loading the editor

private:
    void onCurrentRowChanged(int row);
    void onPageLoaded(bool firstPage);
    void loadRecord(const QString &id);
    void updateEmptyState();
    void finishSave(bool ok);
    std::string recordTarget(const QString &id) const;

    GatewayClient &m_client;
    QUndoStack &m_undo;
    PagedJsonModel *m_model;
    RecordEditor *m_editor;
    Texts m_texts;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    QSplitter *m_splitter = nullptr;
    QTimer m_searchDebounce;
    UnsavedPrompt m_prompt;
    std::function<void()> m_afterSave;        // set while a save started by whenSettled runs
    std::function<void()> m_afterSaveFailed;
    quint64 m_loadGeneration = 0;             // drops editor loads overtaken by a newer selection
    bool m_saving = false;
    bool m_selecting = false;                 // we move the selection ourselves: don't treat it as a click
    bool m_firstPageSeen = false;
    bool m_splitRestored = false;             // the user's split came from the settings
};

} // namespace rapport::ui
