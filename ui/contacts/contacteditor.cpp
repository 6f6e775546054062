#include "contacts/contacteditor.h"

#include <QLineEdit>
#include <QPlainTextEdit>

#include "contacts/mailtimeline.h"
#include "shared/jsonutil.h"
#include "shared/listeditor.h"
#include "shared/recordpicker.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

ContactEditor::ContactEditor(GatewayClient &client, QWidget *parent) : RecordEditor(parent)
{
    setTexts(tr("New contact"), tr("Select a contact on the left, or press Ctrl+N to add one."));
    FormBuilder &form = builder();
    m_name = form.addLine(tr("Name"), u"name"_s, tr("First and last name"));
    m_title = form.addLine(tr("Title"), u"title"_s, tr("e.g. Head of Purchasing"));
    m_company = new RecordPicker(client, "/companies", [](const nlohmann::json &c) { return jsonString(c, "name"); });
    m_company->setPlaceholderText(tr("Type to find a company"));
    form.addRow(tr("Company"), u"company_id"_s, m_company);

    form.addSection(tr("Reach"));
    m_emails = new ListEditor({"address", tr("name@example.com"),
                               {{u"work"_s, tr("Work")}, {u"home"_s, tr("Home")}, {u"other"_s, tr("Other")}},
                               true, tr("Add email")});
    form.addRow(tr("Emails"), u"emails"_s, m_emails);
    m_phones = new ListEditor({"number", tr("+49 30 1234567"),
                               {{u"mobile"_s, tr("Mobile")}, {u"work"_s, tr("Work")}, {u"home"_s, tr("Home")},
                                {u"other"_s, tr("Other")}},
                               false, tr("Add phone")});
    form.addRow(tr("Phones"), u"phones"_s, m_phones);
    const auto listSink = [](ListEditor *list) {
        return [list](const QString &rest, const QString &message) { return list->showError(rest, message); };
    };
    errors().addSink(u"emails"_s, listSink(m_emails), [list = m_emails] { list->clearErrors(); });
    errors().addSink(u"phones"_s, listSink(m_phones), [list = m_phones] { list->clearErrors(); });

    form.addSection(tr("Address"));
    m_address.build(form);

    form.addSection(tr("More"));
    m_tags = form.addLine(tr("Tags"), u"tags"_s, tr("Comma separated, e.g. vip, berlin"));
    m_owner = form.addLine(tr("Owner"), u"owner"_s, tr("Who looks after this contact"));
    m_notes = new QPlainTextEdit;
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(90);
    form.addRow(tr("Notes"), u"notes"_s, m_notes);

    form.addSection(tr("Mail"));
    m_mail = new MailTimeline(client);
    form.addWide(m_mail);
    connect(m_mail, &MailTimeline::settingsRequested, this, &ContactEditor::settingsRequested);

    for (QLineEdit *edit : {m_name, m_title, m_tags, m_owner})
        watch(edit);
    for (QLineEdit *edit : m_address.edits())
        watch(edit);
    watch(m_emails);
    watch(m_phones);
    watch(m_notes);
    connect(m_company, &RecordPicker::recordChanged, this, &ContactEditor::fieldsChanged);
}

nlohmann::json ContactEditor::readFields() const
{
    return {
        {"name", textOrNull(m_name->text())},
        {"title", textOrNull(m_title->text())},
        {"company_id", textOrNull(m_company->recordId())},
        {"emails", m_emails->items()},
        {"phones", m_phones->items()},
        {"address", m_address.value()},
        {"tags", tagsFromText(m_tags->text())},
        {"owner", textOrNull(m_owner->text())},
        {"notes", textOrNull(m_notes->toPlainText())},
    };
}

void ContactEditor::writeFields(const nlohmann::json &contact)
{
    m_mail->setContact(jsonString(contact, "id"));
    m_name->setText(jsonString(contact, "name"));
    m_title->setText(jsonString(contact, "title"));
    m_company->setRecord(jsonString(contact, "company_id"), jsonString(contact, "company_name"));
    m_emails->setItems(contact.value("emails", nlohmann::json::array()));
    m_phones->setItems(contact.value("phones", nlohmann::json::array()));
    if (m_emails->rowCount() == 0)
        m_emails->addRow();  // one empty row invites typing; empty rows are not sent
    if (m_phones->rowCount() == 0)
        m_phones->addRow();
    m_address.setValue(contact.value("address", nlohmann::json::object()));
    m_tags->setText(tagsToText(contact.value("tags", nlohmann::json::array())));
    m_owner->setText(jsonString(contact, "owner"));
    m_notes->setPlainText(jsonString(contact, "notes"));
}

void ContactEditor::checkFields(FieldErrors &errors) const
{
    if (m_name->text().trimmed().isEmpty())
        errors.show(u"name"_s, tr("Please enter a name."));
    if (m_company->isUnresolved())
        errors.show(u"company_id"_s, tr("Pick a company from the list, or clear the field."));
}

bool ContactEditor::hasPendingInput() const { return m_company->isUnresolved(); }

QWidget *ContactEditor::firstField() const { return m_name; }

} // namespace rapport::ui
