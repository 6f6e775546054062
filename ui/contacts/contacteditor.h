#pragma once
// The contact form: name, title, company, emails, phones, address, tags, owner, notes.

#include "shared/formbuilder.h"
#include "shared/recordeditor.h"

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class MailTimeline;
class RecordPicker;

class ContactEditor : public RecordEditor {
    Q_OBJECT
public:
    explicit ContactEditor(GatewayClient &client, QWidget *parent = nullptr);
    MailTimeline *mail() const { return m_mail; }

signals:
    void settingsRequested();  // "Open Settings" from the mail timeline

protected:
    nlohmann::json readFields() const override;
    void writeFields(const nlohmann::json &contact) override;
    void checkFields(FieldErrors &errors) const override;
    bool hasPendingInput() const override;
    QWidget *firstField() const override;

private:
    QLineEdit *m_name = nullptr;
    QLineEdit *m_title = nullptr;
    RecordPicker *m_company = nullptr;
    ListEditor *m_emails = nullptr;
    ListEditor *m_phones = nullptr;
    AddressFields m_address;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_owner = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    MailTimeline *m_mail = nullptr;
};

} // namespace rapport::ui
