#pragma once
// The Companies page: the shared record page with the companies table and the company editor.

#include "shared/recordpage.h"

namespace rapport::ui {

class CompaniesPage : public RecordPage {
    Q_OBJECT
public:
    CompaniesPage(GatewayClient &client, QUndoStack &undoStack, QWidget *parent = nullptr);
};

} // namespace rapport::ui
