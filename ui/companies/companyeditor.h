#pragma once
// The company form: name, domain, phone, address, tags, owner, notes.

#include "shared/formbuilder.h"
#include "shared/recordeditor.h"

namespace rapport::ui {

class CompanyEditor : public RecordEditor {
    Q_OBJECT
public:
    explicit CompanyEditor(QWidget *parent = nullptr);

protected:
    nlohmann::json readFields() const override;
    void writeFields(const nlohmann::json &company) override;
    void checkFields(FieldErrors &errors) const override;
    QWidget *firstField() const override;

private:
    QLineEdit *m_name = nullptr;
    QLineEdit *m_domain = nullptr;
    QLineEdit *m_phone = nullptr;
    AddressFields m_address;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_owner = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};

} // namespace rapport::ui
