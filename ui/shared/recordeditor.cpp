#include "shared/recordeditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedLayout>

#include "shared/icons.h"
#include "shared/jsonutil.h"
#include "shared/listeditor.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

RecordEditor::RecordEditor(QWidget *parent) : QWidget(parent), m_form(new QFormLayout), m_builder(m_form, m_errors)
{
    m_stack = new QStackedLayout(this);
    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(6);
    m_header = new QLabel(page);
    m_header->setObjectName(u"editorHeader"_s);
    QFont headerFont = m_header->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.35);
    headerFont.setBold(true);
    m_header->setFont(headerFont);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);  // a long name wraps instead of widening the pane
    layout->addWidget(m_header);
    m_meta = new QLabel(page);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setWordWrap(true);
    layout->addWidget(m_meta);
    QLabel *general = FieldErrors::makeLabel(u"general"_s, page);
    m_errors.setGeneral(general);
    layout->addWidget(general);

    auto *formWidget = new QWidget;
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(8);
    m_form->setContentsMargins(0, 4, 8, 4);
    formWidget->setLayout(m_form);
    auto *scroll = new QScrollArea(page);
    scroll->setWidget(formWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    auto *buttons = new QHBoxLayout;
    m_revert = new QPushButton(icon(IconId::Revert), tr("Revert"), page);
    m_revert->setToolTip(tr("Discard the changes you made since the last save"));
    m_save = new QPushButton(icon(IconId::Save), tr("Save"), page);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setDefault(true);
    buttons->addWidget(m_revert);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    m_stack->addWidget(page);

    connect(m_save, &QPushButton::clicked, this, &RecordEditor::saveRequested);
    connect(m_revert, &QPushButton::clicked, this, &RecordEditor::revertRequested);
    updateButtons();
}

void RecordEditor::setTexts(const QString &newTitle, const QString &placeholder)
{
    m_newTitle = newTitle;
    m_placeholder->setText(placeholder);
}

QString RecordEditor::recordId() const { return jsonString(m_record, "id"); }

QString RecordEditor::nameOf(const nlohmann::json &record) const
{
    return jsonString(record, "name");
}

QString RecordEditor::displayName() const
{
    const QString name = nameOf(readFields());
    return name.isEmpty() ? (isNew() ? m_newTitle : nameOf(m_record)) : name;
}

void RecordEditor::load(const nlohmann::json &record)
{
    m_loading = true;
    m_record = record;
    writeFields(record);
    m_baseline = readFields();
    m_open = true;
    m_loading = false;
    m_errors.clear();
    m_stack->setCurrentIndex(1);
    const QString created = formatDate(jsonString(record, "created_at"));
    const QString updated = formatTimestamp(jsonString(record, "updated_at"));
    m_meta->setText(created.isEmpty() ? QString() : tr("Created %1 · Updated %2").arg(created, updated));
    m_meta->setVisible(!created.isEmpty());
    fieldsChanged();
}

void RecordEditor::startNew()
{
    load(nlohmann::json::object());
}

void RecordEditor::closeRecord()
{
    load(nlohmann::json::object());
    m_open = false;
    m_stack->setCurrentIndex(0);
    fieldsChanged();
}

void RecordEditor::revert()
{
    if (m_open)
        load(nlohmann::json(m_record));
}

void RecordEditor::acceptSaved(const nlohmann::json &record, const nlohmann::json &sentValues)
{
    if (readFields() == sentValues) {
        load(record);
        return;
    }
    m_record = record;
    m_baseline = sentValues;
    fieldsChanged();
}

nlohmann::json RecordEditor::createBody() const
{
    nlohmann::json body = nlohmann::json::object();
    const nlohmann::json fields = readFields();  // named: items() must not outlive a temporary
    for (const auto &[key, value] : fields.items()) {
        if (!isEmptyValue(value))
            body[key] = value;
    }
    return body;
}

nlohmann::json RecordEditor::changes() const
{
    nlohmann::json patch = nlohmann::json::object();
    const nlohmann::json fields = readFields();
    for (const auto &[key, value] : fields.items()) {
        if (!m_baseline.contains(key) || m_baseline[key] != value)
            patch[key] = isEmptyValue(value) ? nlohmann::json() : value;
    }
    return patch;
}

nlohmann::json RecordEditor::reverseOf(const nlohmann::json &patch) const
{
    nlohmann::json reverse = nlohmann::json::object();
    for (const auto &[key, value] : patch.items()) {
        const nlohmann::json before = m_baseline.value(key, nlohmann::json());
        reverse[key] = isEmptyValue(before) ? nlohmann::json() : before;
    }
    return reverse;
}

bool RecordEditor::validate()
{
    m_errors.clear();
    checkFields(m_errors);
    return m_errors.isEmpty();
}

void RecordEditor::showResponseErrors(const nlohmann::json &body)
{
    m_errors.clear();
    m_errors.showResponse(body);
}

void RecordEditor::setSaving(bool saving)
{
    m_saving = saving;
    updateButtons();
}

void RecordEditor::focusFirstField()
{
    if (QWidget *field = firstField())
        field->setFocus(Qt::OtherFocusReason);
}

void RecordEditor::watch(QLineEdit *edit) { connect(edit, &QLineEdit::textChanged, this, &RecordEditor::fieldsChanged); }
void RecordEditor::watch(QPlainTextEdit *edit)
{
    connect(edit, &QPlainTextEdit::textChanged, this, &RecordEditor::fieldsChanged);
}
void RecordEditor::watch(ListEditor *list) { connect(list, &ListEditor::changed, this, &RecordEditor::fieldsChanged); }

void RecordEditor::fieldsChanged()
{
    if (m_loading)
        return;  // load() recomputes once the whole record is in the widgets
    const bool dirty = m_open && (readFields() != m_baseline || hasPendingInput());
    const bool flipped = dirty != m_dirty;
    m_dirty = dirty;
    updateHeader();
    updateButtons();
    if (flipped)
        emit dirtyChanged(dirty);
}

void RecordEditor::updateHeader()
{
    // A bullet marks unsaved changes, as editors commonly do in their title.
    m_header->setText(m_dirty ? displayName() + u" •"_s : displayName());
}

void RecordEditor::updateButtons()
{
    m_save->setEnabled(m_open && (m_dirty || isNew()) && !m_saving);
    m_revert->setEnabled(m_open && m_dirty && !m_saving);
}

} // namespace rapport::ui
