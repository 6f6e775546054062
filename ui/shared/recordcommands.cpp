#include "shared/recordcommands.h"

#include <utility>

#include <QCoreApplication>

#include "shared/jsonutil.h"
#include "shared/recordpage.h"

namespace rapport::ui {

nlohmann::json restoreBody(const nlohmann::json &record)
{
    nlohmann::json body = record;
    for (const char *derived : {"created_at", "updated_at", "company_name", "deleted"})
        body.erase(derived);
    return body;
}

CreateRecordCommand::CreateRecordCommand(RecordPage *page, nlohmann::json record)
    : m_page(page), m_record(std::move(record))
{
    setText(QCoreApplication::translate("rapport::ui::RecordCommands", "Create “%1”")
                .arg(jsonString(m_record, "name")));
}

void CreateRecordCommand::undo()
{
    if (m_page)
        m_page->removeRecord(jsonString(m_record, "id"),
                             QCoreApplication::translate("rapport::ui::RecordCommands", "Undone: created “%1”")
                                 .arg(jsonString(m_record, "name")));
}

void CreateRecordCommand::redo()
{
    if (std::exchange(m_done, false) || !m_page)
        return;
    m_page->restoreRecord(restoreBody(m_record),
                          QCoreApplication::translate("rapport::ui::RecordCommands", "Created “%1” again")
                              .arg(jsonString(m_record, "name")));
}

DeleteRecordCommand::DeleteRecordCommand(RecordPage *page, nlohmann::json record)
    : m_page(page), m_record(std::move(record))
{
    setText(QCoreApplication::translate("rapport::ui::RecordCommands", "Delete “%1”")
                .arg(jsonString(m_record, "name")));
}

void DeleteRecordCommand::undo()
{
    if (m_page)
        m_page->restoreRecord(restoreBody(m_record),
                              QCoreApplication::translate("rapport::ui::RecordCommands", "Restored “%1”")
                                  .arg(jsonString(m_record, "name")));
}

void DeleteRecordCommand::redo()
{
    if (std::exchange(m_done, false) || !m_page)
        return;
    m_page->removeRecord(jsonString(m_record, "id"),
                         QCoreApplication::translate("rapport::ui::RecordCommands", "Deleted “%1” again")
                             .arg(jsonString(m_record, "name")));
}

EditRecordCommand::EditRecordCommand(RecordPage *page, QString id, QString name, nlohmann::json forward,
                                     nlohmann::json reverse)
    : m_page(page), m_id(std::move(id)), m_name(std::move(name)), m_forward(std::move(forward)),
      m_reverse(std::move(reverse))
{
    setText(QCoreApplication::translate("rapport::ui::RecordCommands", "Edit “%1”").arg(m_name));
}

void EditRecordCommand::undo()
{
    if (m_page)
        m_page->patchRecord(m_id, m_reverse,
                            QCoreApplication::translate("rapport::ui::RecordCommands", "Undone: changes to “%1”")
                                .arg(m_name));
}

void EditRecordCommand::redo()
{
    if (std::exchange(m_done, false) || !m_page)
        return;
    m_page->patchRecord(m_id, m_forward,
                        QCoreApplication::translate("rapport::ui::RecordCommands", "Redone: changes to “%1”")
                            .arg(m_name));
}

} // namespace rapport::ui
