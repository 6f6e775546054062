#include "contacts/contactspage.h"

#include "contacts/contacteditor.h"
#include "contacts/contactsmodel.h"

namespace rapport::ui {

namespace {

RecordPage::Texts contactTexts()
{
    return {
        ContactsPage::tr("Search name, email, company or phone…"),
        ContactsPage::tr("No contacts match “%1”"),
        ContactsPage::tr("No contacts yet.\nPress Ctrl+N to add the first one."),
        ContactsPage::tr("Contact created"),
        ContactsPage::tr("Contact saved"),
        ContactsPage::tr("Deleted %1 — Undo (Ctrl+Z)"),
        ContactsPage::tr("Restored %1"),
    };
}

} // namespace

ContactsPage::ContactsPage(GatewayClient &client, QUndoStack &undoStack, QWidget *parent)
    : RecordPage(client, undoStack, new ContactsModel(client), new ContactEditor(client), contactTexts(), parent)
{
    setObjectName(QStringLiteral("contactsPage"));
    setColumnWidths({180, 160, 210, 130, 150});
}

} // namespace rapport::ui
