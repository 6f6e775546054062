#include "companies/companiespage.h"

#include "companies/companiesmodel.h"
#include "companies/companyeditor.h"

namespace rapport::ui {

namespace {

RecordPage::Texts companyTexts()
{
    return {
        CompaniesPage::tr("Search name, domain or phone…"),
        CompaniesPage::tr("No companies match “%1”"),
        CompaniesPage::tr("No companies yet.\nPress Ctrl+N to add the first one."),
        CompaniesPage::tr("Company created"),
        CompaniesPage::tr("Company saved"),
        CompaniesPage::tr("Deleted %1 — Undo (Ctrl+Z)"),
        CompaniesPage::tr("Restored %1"),
    };
}

} // namespace

CompaniesPage::CompaniesPage(GatewayClient &client, QUndoStack &undoStack, QWidget *parent)
    : RecordPage(client, undoStack, new CompaniesModel(client), new CompanyEditor, companyTexts(), parent)
{
    setObjectName(QStringLiteral("companiesPage"));
    setColumnWidths({200, 170, 150, 130, 120});
}

} // namespace rapport::ui
