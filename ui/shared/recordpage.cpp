#include "shared/recordpage.h"

#include <utility>

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "shared/icons.h"
#include "shared/pagedjsonmodel.h"
#include "shared/recordeditor.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

RecordPage::UnsavedChoice askAboutUnsaved(QWidget *parent, const QString &name)
{
    QMessageBox box(QMessageBox::Question, RecordPage::tr("Unsaved changes"),
                    RecordPage::tr("Save the changes to “%1”?").arg(name), QMessageBox::NoButton, parent);
    box.setInformativeText(RecordPage::tr("Your changes will be lost if you don't save them."));
    QPushButton *save = box.addButton(RecordPage::tr("Save"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(RecordPage::tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(RecordPage::tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == save)
        return RecordPage::UnsavedChoice::Save;
    return box.clickedButton() == discard ? RecordPage::UnsavedChoice::Discard : RecordPage::UnsavedChoice::Cancel;
}

} // namespace

RecordPage::RecordPage(GatewayClient &client, QUndoStack &undoStack, PagedJsonModel *model, RecordEditor *editor,
                       Texts texts, QWidget *parent)
    : QWidget(parent), m_client(client), m_undo(undoStack), m_model(model), m_editor(editor),
      m_texts(std::move(texts))
{
    m_model->setParent(this);
    m_prompt = [this](const QString &name) { return askAboutUnsaved(this, name); };

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    leftLayout->setSpacing(6);
    m_search = new QLineEdit(left);
    m_search->setObjectName(u"searchBox"_s);
    m_search->setPlaceholderText(m_texts.searchPlaceholder);
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon(IconId::Search), QLineEdit::LeadingPosition);
    leftLayout->addWidget(m_search);

    m_table = new QTableView(left);
    m_table->setObjectName(u"recordTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed, uniform rows: the view never measures rows, so 100,000 of them scroll like 100.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsClickable(false);  // the gateway decides the order
    leftLayout->addWidget(m_table, 1);

    m_emptyState = new QLabel(m_table->viewport());
    m_emptyState->setObjectName(u"emptyState"_s);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->setMargin(24);
    m_emptyState->hide();
    m_table->viewport()->installEventFilter(this);

    m_editor->setParent(this);
    m_editor->setMinimumWidth(360);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_editor);
    m_splitter->setStretchFactor(0, 1);  // a wider window widens the table; the form is wide enough
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(80);
    connect(&m_searchDebounce, &QTimer::timeout, this, [this] {
        const QString query = m_search->text().trimmed();
        if (query != m_model->query())
            m_model->setQuery(query);
    });
    connect(m_search, &QLineEdit::textChanged, &m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current.isValid() ? current.row() : -1); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecordPage::actionsChanged);
    connect(m_model, &PagedJsonModel::pageLoaded, this, &RecordPage::onPageLoaded);
    connect(m_model, &PagedJsonModel::loadingChanged, this, &RecordPage::updateEmptyState);
    connect(m_model, &PagedJsonModel::rowsRemoved, this, &RecordPage::updateEmptyState);
    connect(m_model, &PagedJsonModel::rowsInserted, this, &RecordPage::updateEmptyState);
    connect(m_model, &PagedJsonModel::loadFailed, this, &RecordPage::errorMessage);
    connect(m_editor, &RecordEditor::dirtyChanged, this, &RecordPage::actionsChanged);
    connect(m_editor, &RecordEditor::saveRequested, this, [this] { save(); });
    connect(m_editor, &RecordEditor::revertRequested, this, &RecordPage::revert);
}

void RecordPage::setColumnWidths(const QList<int> &widths)
{
    for (int column = 0; column < widths.size(); ++column)
        m_table->setColumnWidth(column, widths[column]);
}

void RecordPage::start()
{
    m_editor->closeRecord();
    m_model->setQuery(m_search->text().trimmed());
}

void RecordPage::onPageLoaded(bool firstPage)
{
    updateEmptyState();
    if (!firstPage)
        return;
    // Show something useful right away: the first record, unless the user is editing one.
    if (!m_editor->hasRecord() && m_model->rowCount() > 0)
        m_table->selectRow(0);
    if (!m_firstPageSeen) {
        m_firstPageSeen = true;
        emit firstPageLoaded();
    }
}

void RecordPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0 && m_model->hasLoadedOnce() && !m_model->isLoading();
    if (empty) {
        const QString query = m_model->query();
        m_emptyState->setText(query.isEmpty() ? m_texts.empty : m_texts.noMatch.arg(query));
        m_emptyState->setGeometry(m_table->viewport()->rect());
    }
    m_emptyState->setVisible(empty);
}

void RecordPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // First time without a saved split: give the table about 55 %. The page has its final width
    // here; before the first show the splitter would size itself from the editor's size hint.
    if (!std::exchange(m_splitRestored, true)) {
        layout()->activate();  // the splitter takes the page's width now, not at the next layout pass
        const int table = width() * 11 / 20;
        m_splitter->setSizes({table, width() - table});
    }
}

bool RecordPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_emptyState->setGeometry(m_table->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

void RecordPage::onCurrentRowChanged(int row)
{
    if (m_selecting || row < 0)
        return;
    const QString id = m_model->idAt(row);
    if (id.isEmpty() || id == m_editor->recordId())
        return;
    // Leaving a record with unsaved changes asks first; "Cancel" puts the selection back.
    // After a save the selection may have moved to the saved row; put it on the clicked one again.
    whenSettled(
        [this, id] {
            selectId(id);
            loadRecord(id);
        },
        [this] { selectId(m_editor->recordId()); });
}

void RecordPage::selectId(const QString &id)
{
    m_selecting = true;
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    } else {
        m_table->clearSelection();
        m_table->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    }
    m_selecting = false;
}

void RecordPage::whenSettled(std::function<void()> next, std::function<void()> cancelled)
{
    if (!m_editor->isDirty()) {
        next();
        return;
    }
    switch (m_prompt(m_editor->displayName())) {
    case UnsavedChoice::Discard:
        m_editor->revert();
        next();
        break;
    case UnsavedChoice::Save:
        m_afterSave = std::move(next);
        m_afterSaveFailed = cancelled;
        if (!save()) {
            m_afterSave = nullptr;
            m_afterSaveFailed = nullptr;
            if (cancelled)
                cancelled();
        }
        break;
    case UnsavedChoice::Cancel:
        if (cancelled)
            cancelled();
        break;
    }
}

void RecordPage::saveThen(std::function<void()> next, std::function<void()> failed)
{
    if (!m_editor->isDirty() && !m_editor->isNew()) {
        next();
        return;
    }
    m_afterSave = std::move(next);
    m_afterSaveFailed = failed;
    if (!save()) {
        m_afterSave = nullptr;
        m_afterSaveFailed = nullptr;
        if (failed)
            failed();
    }
}

void RecordPage::newRecord()
{
    whenSettled([this] {
        selectId({});
        m_editor->startNew();
        m_editor->focusFirstField();
        emit actionsChanged();
    });
}

void RecordPage::revert()
{
    m_editor->revert();
    emit actionsChanged();
}

void RecordPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool RecordPage::canSave() const { return m_editor->hasRecord() && (m_editor->isDirty() || m_editor->isNew()); }

bool RecordPage::canDelete() const { return m_table->selectionModel()->hasSelection(); }

bool RecordPage::hasUnsavedChanges() const { return m_editor->isDirty(); }

QString RecordPage::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->idAt(rows.first().row());
}

void RecordPage::saveState(QSettings &settings, const QString &prefix) const
{
    settings.setValue(prefix + u"/splitter"_s, m_splitter->saveState());
    settings.setValue(prefix + u"/columns"_s, m_table->horizontalHeader()->saveState());
}

void RecordPage::restoreState(QSettings &settings, const QString &prefix)
{
    m_splitRestored = m_splitter->restoreState(settings.value(prefix + u"/splitter"_s).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(prefix + u"/columns"_s).toByteArray());
}

} // namespace rapport::ui
