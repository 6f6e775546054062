#include "shared/formbuilder.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include "shared/fielderrors.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

void FormBuilder::addRow(const QString &label, std::initializer_list<std::pair<QString, QWidget *>> fields)
{
    auto *cell = new QWidget;
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *line = new QHBoxLayout;
    line->setSpacing(8);
    column->addLayout(line);
    bool first = true;
    for (const auto &[field, widget] : fields) {
        widget->setObjectName(field);
        line->addWidget(widget, first ? 1 : 0);
        QLabel *error = FieldErrors::makeLabel(field, cell);
        column->addWidget(error);
        m_errors.add(field, error);
        first = false;
    }
    auto *title = new QLabel(label);
    title->setBuddy(fields.begin()->second);
    // As tall as a line edit and centred in that height, so the label sits level with the field
    // even when error lines grow the cell below it.
    static const int lineHeight = QLineEdit().sizeHint().height();
    title->setMinimumHeight(lineHeight);
    title->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->addRow(title, cell);
}

QLineEdit *FormBuilder::addLine(const QString &label, const QString &field, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    addRow(label, field, edit);
    return edit;
}

void FormBuilder::addSection(const QString &title)
{
    auto *label = new QLabel(title);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    m_form->addRow(label);
}

void FormBuilder::addWide(QWidget *widget)
{
    m_form->addRow(widget);
}

void AddressFields::build(FormBuilder &form)
{
    street = new QLineEdit;
    postalCode = new QLineEdit;
    postalCode->setPlaceholderText(QCoreApplication::translate("rapport::ui::AddressFields", "Postal code"));
    postalCode->setMaximumWidth(110);
    city = new QLineEdit;
    city->setPlaceholderText(QCoreApplication::translate("rapport::ui::AddressFields", "City"));
    region = new QLineEdit;
    region->setPlaceholderText(QCoreApplication::translate("rapport::ui::AddressFields", "State or region"));
    country = new QLineEdit;
    country->setPlaceholderText(QCoreApplication::translate("rapport::ui::AddressFields", "Country"));
    form.addRow(QCoreApplication::translate("rapport::ui::AddressFields", "Street"), u"address.street"_s, street);
    form.addRow(QCoreApplication::translate("rapport::ui::AddressFields", "City"),
                {{u"address.city"_s, city}, {u"address.postal_code"_s, postalCode}});
    form.addRow(QCoreApplication::translate("rapport::ui::AddressFields", "Region"),
                {{u"address.region"_s, region}, {u"address.country"_s, country}});
}

nlohmann::json AddressFields::value() const
{
    nlohmann::json out = nlohmann::json::object();
    const std::pair<const char *, QLineEdit *> parts[] = {
        {"street", street}, {"city", city}, {"postal_code", postalCode}, {"region", region}, {"country", country}};
    for (const auto &[key, edit] : parts) {
        if (const QString text = edit->text().trimmed(); !text.isEmpty())
            out[key] = toStd(text);
    }
    return out.empty() ? nlohmann::json() : out;
}

void AddressFields::setValue(const nlohmann::json &address)
{
    street->setText(jsonString(address, "street"));
    postalCode->setText(jsonString(address, "postal_code"));
    city->setText(jsonString(address, "city"));
    region->setText(jsonString(address, "region"));
    country->setText(jsonString(address, "country"));
}

nlohmann::json tagsFromText(const QString &text)
{
    nlohmann::json tags = nlohmann::json::array();
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString tag = part.trimmed(); !tag.isEmpty())
            tags.push_back(toStd(tag));
    }
    return tags;
}

QString tagsToText(const nlohmann::json &tags)
{
    QStringList parts;
    if (tags.is_array()) {
        for (const nlohmann::json &tag : tags) {
            if (tag.is_string())
                parts.append(QString::fromStdString(tag.get<std::string>()));
        }
    }
    return parts.join(u", "_s);
}

} // namespace rapport::ui
