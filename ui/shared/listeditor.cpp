#include "shared/listeditor.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>

#include "shared/fielderrors.h"
#include "shared/icons.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

ListEditor::ListEditor(Options options, QWidget *parent) : QWidget(parent), m_options(std::move(options))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setSpacing(4);
    layout->addLayout(m_rowsLayout);
    m_add = new QPushButton(icon(IconId::Add), m_options.addText, this);
    m_add->setFlat(true);
    m_add->setCursor(Qt::PointingHandCursor);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow();
        m_rows.back().value->setFocus();
    });
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    m_primaryGroup = new QButtonGroup(this);
    m_primaryGroup->setExclusive(true);
}

QLineEdit *ListEditor::valueEdit(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].value : nullptr;
}

void ListEditor::addRow()
{
    nlohmann::json fresh = nlohmann::json::object();
    if (!m_options.labels.isEmpty())
        fresh["label"] = toStd(m_options.labels.first().first);  // a sensible default: "Work", "Mobile"
    Row &row = appendRow(fresh);
    if (row.primary && m_rows.size() == 1)
        row.primary->setChecked(true);
    emit changed();
}

ListEditor::Row &ListEditor::appendRow(const nlohmann::json &item)
{
    Row row;
    row.widget = new QWidget(this);
    auto *outer = new QVBoxLayout(row.widget);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    auto *line = new QHBoxLayout;
    line->setSpacing(6);
    outer->addLayout(line);

    row.value = new QLineEdit(jsonString(item, m_options.valueKey), row.widget);
    row.value->setPlaceholderText(m_options.placeholder);
    row.value->setCursorPosition(0);  // show a long address from its start
    line->addWidget(row.value, 1);

    row.label = new QComboBox(row.widget);
    row.label->setEditable(true);
    row.label->setInsertPolicy(QComboBox::NoInsert);
    for (const auto &[value, text] : m_options.labels)
        row.label->addItem(text, value);
    const QString stored = jsonString(item, "label");
    const int known = row.label->findData(stored);
    if (known >= 0)
        row.label->setCurrentIndex(known);
    else
        row.label->setEditText(stored);
    row.label->setMinimumContentsLength(5);
    row.label->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    line->addWidget(row.label);

    if (m_options.withPrimary) {
        // A star rather than a labelled radio button leaves the address field room to breathe.
        row.primary = new QToolButton(row.widget);
        row.primary->setCheckable(true);
        row.primary->setAutoRaise(true);
        QToolButton *star = row.primary;
        const auto showState = [star](bool primary) {
            star->setText(primary ? u"★"_s : u"☆"_s);
            star->setToolTip(primary ? tr("Primary address") : tr("Make this the primary address"));
        };
        showState(item.value("primary", false));
        row.primary->setChecked(item.value("primary", false));
        m_primaryGroup->addButton(row.primary);
        connect(row.primary, &QToolButton::toggled, this, [this, showState](bool primary) {
            showState(primary);
            emit changed();
        });
        line->addWidget(row.primary);
    }
    auto *remove = new QToolButton(row.widget);
    remove->setIcon(icon(IconId::Remove));
    remove->setToolTip(tr("Remove"));
    remove->setAutoRaise(true);
    line->addWidget(remove);

    row.error = FieldErrors::makeLabel(QString(), row.widget);
    outer->addWidget(row.error);

    connect(row.value, &QLineEdit::textChanged, this, &ListEditor::changed);
    connect(row.label, &QComboBox::currentTextChanged, this, &ListEditor::changed);
    QWidget *widget = row.widget;
    connect(remove, &QToolButton::clicked, this, [this, widget] { removeRow(widget); });
    m_rowsLayout->addWidget(row.widget);
    m_rows.push_back(row);
    return m_rows.back();
}

void ListEditor::removeRow(QWidget *widget)
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.widget == widget; });
    if (it == m_rows.end())
        return;
    const bool wasPrimary = it->primary && it->primary->isChecked();
    m_rows.erase(it);
    widget->deleteLater();
    widget->hide();
    if (wasPrimary && !m_rows.empty())
        m_rows.front().primary->setChecked(true);
    emit changed();
}

void ListEditor::setItems(const nlohmann::json &items)
{
    for (Row &row : m_rows)
        delete row.widget;
    m_rows.clear();
    if (items.is_array()) {
        for (const nlohmann::json &item : items)
            appendRow(item);
    }
    if (m_options.withPrimary && !m_rows.empty() && !m_primaryGroup->checkedButton())
        m_rows.front().primary->setChecked(true);
}

QString ListEditor::labelValue(const QComboBox *combo) const
{
    const QString text = combo->currentText().trimmed();
    const int index = combo->findText(text);
    return index >= 0 ? combo->itemData(index).toString() : text;
}

nlohmann::json ListEditor::items() const
{
    nlohmann::json out = nlohmann::json::array();
    bool anyPrimary = false;
    for (const Row &row : m_rows) {
        const QString value = row.value->text().trimmed();
        if (value.isEmpty())
            continue;
        nlohmann::json item = {{m_options.valueKey, toStd(value)}};
        if (const QString label = labelValue(row.label); !label.isEmpty())
            item["label"] = toStd(label);
        if (m_options.withPrimary) {
            item["primary"] = row.primary->isChecked();
            anyPrimary = anyPrimary || row.primary->isChecked();
        }
        out.push_back(std::move(item));
    }
    if (m_options.withPrimary && !anyPrimary && !out.empty())
        out.front()["primary"] = true;  // the primary row was left empty: the first one takes over
    return out;
}

bool ListEditor::showError(const QString &rest, const QString &message)
{
    static const QRegularExpression indexPattern(u"^\\[(\\d+)\\]"_s);
    const QRegularExpressionMatch match = indexPattern.match(rest);
    if (!match.hasMatch())
        return false;
    // The gateway counts the rows it received, which skip the empty ones.
    int wanted = match.captured(1).toInt();
    for (const Row &row : m_rows) {
        if (row.value->text().trimmed().isEmpty())
            continue;
        if (wanted-- == 0) {
            const QString previous = row.error->text();
            FieldErrors::setMessage(row.error, previous.isEmpty() ? message : previous + u'\n' + message);
            return true;
        }
    }
    return false;
}

void ListEditor::clearErrors()
{
    for (const Row &row : m_rows)
        FieldErrors::setMessage(row.error, {});
}

} // namespace rapport::ui
