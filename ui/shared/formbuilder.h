#pragma once
// Builds the aligned editor forms: a label, the field widget(s) on one line, and the red error
// line(s) underneath, registered with FieldErrors under the gateway's field names.

#include <initializer_list>
#include <utility>

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

class QFormLayout;
class QLineEdit;
class QWidget;

namespace rapport::ui {

class FieldErrors;

class FormBuilder {
public:
    FormBuilder(QFormLayout *form, FieldErrors &errors) : m_form(form), m_errors(errors) {}

    // Several (field name, widget) pairs side by side; the first widget takes the spare width.
    void addRow(const QString &label, std::initializer_list<std::pair<QString, QWidget *>> fields);
    void addRow(const QString &label, const QString &field, QWidget *widget) { addRow(label, {{field, widget}}); }
    QLineEdit *addLine(const QString &label, const QString &field, const QString &placeholder = {});
    void addSection(const QString &title);
    void addWide(QWidget *widget);  // a row across both columns (a list, a timeline)

private:
    QFormLayout *m_form;
    FieldErrors &m_errors;
};

// The address rows shared by contacts and companies (keys street, postal_code, city, region, country).
struct AddressFields {
    QLineEdit *street = nullptr;
    QLineEdit *postalCode = nullptr;
    QLineEdit *city = nullptr;
    QLineEdit *region = nullptr;
    QLineEdit *country = nullptr;

    void build(FormBuilder &form);
    nlohmann::json value() const;  // only the non-empty parts; null when all are empty
    void setValue(const nlohmann::json &address);
    QList<QLineEdit *> edits() const { return {street, postalCode, city, region, country}; }
};

// Tags typed as "vip, berlin" <-> ["vip","berlin"].
nlohmann::json tagsFromText(const QString &text);
QString tagsToText(const nlohmann::json &tags);

} // namespace rapport::ui
