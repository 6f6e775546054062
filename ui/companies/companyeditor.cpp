#include "companies/companyeditor.h"

#include <QLineEdit>
#include <QPlainTextEdit>

#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

CompanyEditor::CompanyEditor(QWidget *parent) : RecordEditor(parent)
{
    setTexts(tr("New company"), tr("Select a company on the left, or press Ctrl+N to add one."));
    FormBuilder &form = builder();
    m_name = form.addLine(tr("Name"), u"name"_s, tr("Company name"));
    m_domain = form.addLine(tr("Domain"), u"domain"_s, tr("example.com"));
    m_phone = form.addLine(tr("Phone"), u"phone"_s, tr("+49 30 1234567"));

    form.addSection(tr("Address"));
    m_address.build(form);

    form.addSection(tr("More"));
    m_tags = form.addLine(tr("Tags"), u"tags"_s, tr("Comma separated, e.g. customer, retail"));
    m_owner = form.addLine(tr("Owner"), u"owner"_s, tr("Who looks after this account"));
    m_notes = new QPlainTextEdit;
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(90);
    form.addRow(tr("Notes"), u"notes"_s, m_notes);

    for (QLineEdit *edit : {m_name, m_domain, m_phone, m_tags, m_owner})
        watch(edit);
    for (QLineEdit *edit : m_address.edits())
        watch(edit);
    watch(m_notes);
}

nlohmann::json CompanyEditor::readFields() const
{
    return {
        {"name", textOrNull(m_name->text())},
        {"domain", textOrNull(m_domain->text())},
        {"phone", textOrNull(m_phone->text())},
        {"address", m_address.value()},
        {"tags", tagsFromText(m_tags->text())},
        {"owner", textOrNull(m_owner->text())},
        {"notes", textOrNull(m_notes->toPlainText())},
    };
}

void CompanyEditor::writeFields(const nlohmann::json &company)
{
    m_name->setText(jsonString(company, "name"));
    m_domain->setText(jsonString(company, "domain"));
    m_phone->setText(jsonString(company, "phone"));
    m_address.setValue(company.value("address", nlohmann::json::object()));
    m_tags->setText(tagsToText(company.value("tags", nlohmann::json::array())));
    m_owner->setText(jsonString(company, "owner"));
    m_notes->setPlainText(jsonString(company, "notes"));
}

void CompanyEditor::checkFields(FieldErrors &errors) const
{
    if (m_name->text().trimmed().isEmpty())
        errors.show(u"name"_s, tr("Please enter a name."));
}

QWidget *CompanyEditor::firstField() const { return m_name; }

} // namespace rapport::ui
