#pragma once
// The Contacts page: the shared record page with the contacts table and the contact editor.

#include "shared/recordpage.h"

namespace rapport::ui {

class ContactsModel;
class ContactEditor;

class ContactsPage : public RecordPage {
    Q_OBJECT
public:
    ContactsPage(GatewayClient &client, QUndoStack &undoStack, QWidget *parent = nullptr);
};

} // namespace rapport::ui
