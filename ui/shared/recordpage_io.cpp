// RecordPage's round-trips with the gateway: load, save (POST or PATCH), delete, and the requests
// the undo stack replays. Replies arrive on the GUI thread; the table changes one row at a time.

#include <QItemSelectionModel>
#include <QTableView>
#include <QUndoStack>

#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"
#include "shared/pagedjsonmodel.h"
#include "shared/recordcommands.h"
#include "shared/recordeditor.h"
#include "shared/recordpage.h"

namespace rapport::ui {

std::string RecordPage::recordTarget(const QString &id) const
{
    return m_model->resource() + '/' + toStd(id);
}

void RecordPage::loadRecord(const QString &id)
{
    const quint64 generation = ++m_loadGeneration;
    m_client.call(Method::Get, recordTarget(id), this, [this, generation](const Response &response) {
        if (generation != m_loadGeneration)
            return;  // the user already picked another row
        if (!response.isSuccess()) {
            emit errorMessage(responseError(response.body, response.status));
            return;
        }
        m_editor->load(response.body);
        emit actionsChanged();
    });
}

bool RecordPage::save()
{
    if (m_saving || !m_editor->hasRecord())
        return false;
    if (!m_editor->validate()) {
        emit errorMessage(tr("Please correct the highlighted fields."));
        return false;
    }
    const bool creating = m_editor->isNew();
    const nlohmann::json sent = m_editor->values();
    const nlohmann::json body = creating ? m_editor->createBody() : m_editor->changes();
    if (!creating && body.empty())
        return false;
    const nlohmann::json reverse = creating ? nlohmann::json() : m_editor->reverseOf(body);
    const QString id = m_editor->recordId();
    const QString name = m_editor->displayName();
    ++m_loadGeneration;  // a record load still in flight must not overwrite what is being saved
    m_saving = true;
    m_editor->setSaving(true);
    m_client.call(creating ? Method::Post : Method::Patch, creating ? m_model->resource() : recordTarget(id), body,
                  this, [=, this](const Response &response) {
                      m_saving = false;
                      m_editor->setSaving(false);
                      if (!response.isSuccess()) {
                          // The typed text stays; each field gets its message underneath.
                          m_editor->showResponseErrors(response.body);
                          emit errorMessage(responseError(response.body, response.status));
                          finishSave(false);
                          return;
                      }
                      m_editor->acceptSaved(response.body, sent);
                      m_model->upsert(response.body);
                      selectId(jsonString(response.body, "id"));
                      if (creating) {
                          m_undo.push(new CreateRecordCommand(this, response.body));
                          emit recordsChanged();
                      } else {
                          m_undo.push(new EditRecordCommand(this, id, name, body, reverse));
                      }
                      emit statusMessage(creating ? m_texts.created : m_texts.saved);
                      finishSave(true);
                  });
    emit actionsChanged();
    return true;
}

void RecordPage::finishSave(bool ok)
{
    auto next = std::exchange(m_afterSave, nullptr);
    auto failed = std::exchange(m_afterSaveFailed, nullptr);
    if (ok && next)
        next();
    else if (!ok && failed)
        failed();
    emit actionsChanged();
}

void RecordPage::deleteSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const QString id = m_model->idAt(row);
    // Snapshot first, for undo; the worker thread runs requests in order, so the GET sees the
    // record as it was just before the DELETE.
    auto snapshot = std::make_shared<nlohmann::json>();
    m_client.call(Method::Get, recordTarget(id), this, [snapshot](const Response &response) {
        if (response.isSuccess())
            *snapshot = response.body;
    });
    m_client.call(Method::Delete, recordTarget(id), this, [this, id, row, snapshot](const Response &response) {
        if (!response.isSuccess()) {
            emit errorMessage(responseError(response.body, response.status));
            return;
        }
        if (m_editor->recordId() == id)
            m_editor->closeRecord();  // its unsaved edits go with it; undo brings back the saved record
        m_model->removeId(id);
        if (m_model->rowCount() > 0)
            m_table->selectRow(std::min(row, m_model->rowCount() - 1));
        if (!snapshot->is_null())
            m_undo.push(new DeleteRecordCommand(this, *snapshot));
        emit statusMessage(m_texts.deleted.arg(m_editor->nameOf(*snapshot)));
        emit recordsChanged();
        emit actionsChanged();
    });
}

void RecordPage::restoreRecord(const nlohmann::json &snapshot, const QString &message)
{
    m_client.call(Method::Post, m_model->resource(), snapshot, this, [this, message](const Response &response) {
        if (!response.isSuccess()) {
            emit errorMessage(responseError(response.body, response.status));
            return;
        }
        m_model->upsert(response.body);
        if (!m_editor->isDirty()) {
            selectId(jsonString(response.body, "id"));
            m_editor->load(response.body);
        }
        emit statusMessage(message);
        emit recordsChanged();
        emit actionsChanged();
    });
}

void RecordPage::removeRecord(const QString &id, const QString &message)
{
    m_client.call(Method::Delete, recordTarget(id), this, [this, id, message](const Response &response) {
        if (!response.isSuccess()) {
            emit errorMessage(responseError(response.body, response.status));
            return;
        }
        if (m_editor->recordId() == id)
            m_editor->closeRecord();
        m_model->removeId(id);
        emit statusMessage(message);
        emit recordsChanged();
        emit actionsChanged();
    });
}

void RecordPage::patchRecord(const QString &id, const nlohmann::json &patch, const QString &message)
{
    m_client.call(Method::Patch, recordTarget(id), patch, this, [this, id, message](const Response &response) {
        if (!response.isSuccess()) {
            emit errorMessage(responseError(response.body, response.status));
            return;
        }
        m_model->upsert(response.body);
        if (m_editor->recordId() == id && !m_editor->isDirty())
            m_editor->load(response.body);
        emit statusMessage(message);
        emit actionsChanged();
    });
}

} // namespace rapport::ui
