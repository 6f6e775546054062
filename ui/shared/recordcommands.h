#pragma once
// Undo for record pages. Each command is pushed after its request already succeeded, so its first
// redo() does nothing; later undo()/redo() calls send the reverse or the same request again.
//   create <-> delete, edit <-> reverse PATCH, delete <-> POST with the same id (restores it).

#include <QPointer>
#include <QUndoCommand>

#include <nlohmann/json.hpp>

namespace rapport::ui {

class RecordPage;

// The fields a POST may carry to bring a record back: everything but what the gateway derives.
nlohmann::json restoreBody(const nlohmann::json &record);

class CreateRecordCommand : public QUndoCommand {
public:
    CreateRecordCommand(RecordPage *page, nlohmann::json record);
    void undo() override;
    void redo() override;

private:
    QPointer<RecordPage> m_page;
    nlohmann::json m_record;
    bool m_done = true;
};

class DeleteRecordCommand : public QUndoCommand {
public:
    DeleteRecordCommand(RecordPage *page, nlohmann::json record);
    void undo() override;
    void redo() override;

private:
    QPointer<RecordPage> m_page;
    nlohmann::json m_record;
    bool m_done = true;
};

class EditRecordCommand : public QUndoCommand {
public:
    EditRecordCommand(RecordPage *page, QString id, QString name, nlohmann::json forward, nlohmann::json reverse);
    void undo() override;
    void redo() override;

private:
    QPointer<RecordPage> m_page;
    QString m_id;
    QString m_name;
    nlohmann::json m_forward;
    nlohmann::json m_reverse;
    bool m_done = true;
};

} // namespace rapport::ui
