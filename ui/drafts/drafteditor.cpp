#include "drafts/drafteditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextCursor>

#include "contacts/contactsmodel.h"
#include "drafts/draftsmodel.h"
#include "drafts/gmailsendbar.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"
#include "shared/recordpicker.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

QString contactLabel(const nlohmann::json &c)
{
    const QString email = ContactsModel::primaryEmail(c);
    const QString name = jsonString(c, "name");
    return email.isEmpty() ? name : u"%1 <%2>"_s.arg(name, email);
}

QComboBox *editableCombo(const QStringList &items, const QString &current)
{
    auto *combo = new QComboBox;
    combo->setEditable(true);
    combo->addItems(items);
    combo->setCurrentText(current);
    combo->setInsertPolicy(QComboBox::NoInsert);
    return combo;
}

} // namespace

nlohmann::json addressesFromText(const QString &text)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &part : text.split(QRegularExpression(u"[,;]"_s), Qt::SkipEmptyParts))
        if (const QString a = part.trimmed(); !a.isEmpty())
            out.push_back(a.toStdString());
    return out;
}

QString addressesToText(const nlohmann::json &addresses)
{
    QStringList out;
    if (addresses.is_array())
        for (const auto &a : addresses)
            if (a.is_string())
                out << QString::fromStdString(a.get<std::string>());
    return out.join(u", "_s);
}

DraftEditor::DraftEditor(GatewayClient &client, QWidget *parent) : RecordEditor(parent), m_client(client)
{
    setTexts(tr("New draft"), tr("Select a draft on the left, or press Ctrl+N to write one."));
    FormBuilder &form = builder();
    m_contact = new RecordPicker(client, "/contacts", contactLabel);
    m_contact->setPlaceholderText(tr("Type to find a contact"));
    form.addRow(tr("Contact"), u"contact_id"_s, m_contact);

    form.addSection(tr("Draft with AI"));
    m_intent = form.addLine(tr("Intent"), u"intent"_s, tr("e.g. Follow up on Tuesday's demo and propose a call"));
    m_tone = editableCombo({tr("Friendly"), tr("Formal"), tr("Brief"), tr("Enthusiastic")}, tr("Friendly"));
    m_language = editableCombo({u"English"_s, u"Deutsch"_s, u"Français"_s, u"Español"_s, u"Italiano"_s,
                                u"Nederlands"_s, u"Português"_s, u"Polski"_s, u"日本語"_s, u"中文"_s, u"한국어"_s,
                                u"हिन्दी"_s, u"العربية"_s},
                               QLocale::languageToString(QLocale().language()) == u"German"_s ? u"Deutsch"_s
                                                                                              : u"English"_s);
    form.addRow(tr("Tone"), {{u"tone"_s, m_tone}, {u"language"_s, m_language}});
    auto *actions = new QWidget;
    auto *row = new QHBoxLayout(actions);
    row->setContentsMargins(0, 0, 0, 0);
    m_draftButton = new QPushButton(tr("Draft with AI"));
    m_draftButton->setObjectName(u"draftWithAi"_s);
    m_draftButton->setToolTip(tr("Write subject and body from the intent (Ctrl+Return)"));
    m_draftButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setObjectName(u"stopAi"_s);
    m_stopButton->setEnabled(false);
    m_aiStatus = new QLabel;
    m_aiStatus->setObjectName(u"aiStatus"_s);
    m_aiStatus->setWordWrap(true);
    row->addWidget(m_draftButton);
    row->addWidget(m_stopButton);
    row->addWidget(m_aiStatus, 1);
    form.addRow(QString(), u"ai"_s, actions);

    form.addSection(tr("Message"));
    m_to = form.addLine(tr("To"), u"to"_s, tr("name@example.com, …"));
    m_cc = form.addLine(tr("Cc"), u"cc"_s);
    m_subject = form.addLine(tr("Subject"), u"subject"_s);
    m_body = new QPlainTextEdit;
    m_body->setObjectName(u"body"_s);
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(220);
    form.addRow(tr("Body"), u"body"_s, m_body);
    m_gmail = new GmailSendBar;
    form.addRow(QString(), u"gmail"_s, m_gmail);

    for (QLineEdit *edit : {m_to, m_cc, m_subject})
        watch(edit);
    watch(m_body);
    connect(m_contact, &RecordPicker::recordChanged, this, [this] {
        fillRecipientFromContact();
        fieldsChanged();
    });
    connect(m_draftButton, &QPushButton::clicked, this, &DraftEditor::draftWithAiRequested);
    connect(m_intent, &QLineEdit::returnPressed, this, &DraftEditor::draftWithAiRequested);
    connect(m_stopButton, &QPushButton::clicked, this, &DraftEditor::stopAiRequested);
}

QString DraftEditor::nameOf(const nlohmann::json &draft) const
{
    return jsonString(draft, "subject").isEmpty() && !draft.contains("id") ? QString() : DraftsModel::subjectOf(draft);
}

nlohmann::json DraftEditor::readFields() const
{
    return {
        {"contact_id", textOrNull(m_contact->recordId())},
        {"to", addressesFromText(m_to->text())},
        {"cc", addressesFromText(m_cc->text())},
        {"subject", textOrNull(m_subject->text())},
        {"body", textOrNull(m_body->toPlainText())},
    };
}

void DraftEditor::writeFields(const nlohmann::json &draft)
{
    m_gmail->setStatus(QString());  // what happened to another draft, or before a reload
    const QString contactId = jsonString(draft, "contact_id");
    m_contact->setRecord(contactId, contactId.isEmpty() ? QString() : tr("Loading…"));
    if (!contactId.isEmpty())
        lookUpContact(contactId);
    m_to->setText(addressesToText(draft.value("to", nlohmann::json::array())));
    m_cc->setText(addressesToText(draft.value("cc", nlohmann::json::array())));
    m_subject->setText(jsonString(draft, "subject"));
    m_body->setPlainText(jsonString(draft, "body"));
    if (!m_aiRunning)
        m_aiStatus->clear();
}

void DraftEditor::lookUpContact(const QString &id)
{
    m_client.call(Method::Get, "/contacts/" + id.toStdString(), this, [this, id](const Response &r) {
        if (m_contact->recordId() != id)
            return;  // another draft, or the user picked someone else meanwhile
        m_contact->setRecord(id, r.isSuccess() ? contactLabel(r.body) : tr("(deleted contact)"));
    });
}

void DraftEditor::fillRecipientFromContact()
{
    // Picking a contact for a draft with no recipient yet addresses it to them.
    const QString id = m_contact->recordId();
    if (id.isEmpty() || !m_to->text().trimmed().isEmpty())
        return;
    const QString label = m_contact->text();
    const qsizetype open = label.lastIndexOf(u'<');
    if (open >= 0 && label.endsWith(u'>'))
        m_to->setText(label.mid(open + 1, label.size() - open - 2));
}

void DraftEditor::startForContact(const QString &contactId, const QString &label, const QString &address)
{
    startNew();
    m_contact->setRecord(contactId, label);
    if (!address.isEmpty())
        m_to->setText(address);
    m_intent->setFocus();
}

void DraftEditor::checkFields(FieldErrors &errors) const
{
    if (m_contact->isUnresolved())
        errors.show(u"contact_id"_s, tr("Pick a contact from the list, or clear the field."));
}

bool DraftEditor::hasPendingInput() const { return m_contact->isUnresolved(); }

QWidget *DraftEditor::firstField() const { return m_contact; }

nlohmann::json DraftEditor::aiRequest() const
{
    return {{"contact_id", m_contact->recordId().toStdString()},
            {"intent", m_intent->text().trimmed().toStdString()},
            {"tone", m_tone->currentText().trimmed().toStdString()},
            {"language", m_language->currentText().trimmed().toStdString()}};
}

void DraftEditor::beginAiText()
{
    m_subjectBefore = m_subject->text();
    m_bodyBefore = m_body->toPlainText();
    m_aiWrote = false;
    m_subject->clear();
    m_body->clear();
}

void DraftEditor::restoreIfNothingArrived()
{
    if (m_aiWrote)
        return;
    m_subject->setText(m_subjectBefore);
    m_body->setPlainText(m_bodyBefore);
}

void DraftEditor::appendSubject(const QString &text)
{
    m_aiWrote = true;
    m_subject->setText(m_subject->text() + text);
}

void DraftEditor::appendBody(const QString &text)
{
    m_aiWrote = true;
    // Insert at the end without moving the user's view or re-setting the whole text per token.
    QTextCursor cursor(m_body->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
}

void DraftEditor::setAiRunning(bool running)
{
    m_aiRunning = running;
    m_draftButton->setEnabled(!running);
    m_stopButton->setEnabled(running);
    for (QWidget *w : {static_cast<QWidget *>(m_subject), static_cast<QWidget *>(m_intent),
                       static_cast<QWidget *>(m_contact)})
        w->setEnabled(!running);
    m_body->setReadOnly(running);
    if (running)
        setAiStatus(tr("Writing…"));
}

void DraftEditor::setAiStatus(const QString &text, bool isError)
{
    QPalette palette = m_aiStatus->palette();
    palette.setColor(QPalette::WindowText, isError ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_aiStatus->setPalette(palette);
    m_aiStatus->setText(text);
}

void DraftEditor::acceptAiDraft(const nlohmann::json &draft)
{
    const nlohmann::json mine = readFields();
    load(draft);
    // Recipients the user typed while the AI wrote are theirs: keep them (unsaved, so Save stays on).
    if (mine["to"] != draft.value("to", nlohmann::json::array()) && !mine["to"].empty())
        m_to->setText(addressesToText(mine["to"]));
    if (mine["cc"] != draft.value("cc", nlohmann::json::array()) && !mine["cc"].empty())
        m_cc->setText(addressesToText(mine["cc"]));
    fieldsChanged();
}

bool DraftEditor::showAiErrors(const Error &error)
{
    bool inline_ = false;
    for (const FieldError &d : error.details) {
        if (d.field == "intent" || d.field == "contact_id" || d.field == "tone" || d.field == "language") {
            errors().show(QString::fromStdString(d.field), QString::fromStdString(d.message));
            inline_ = true;
        }
    }
    if (!inline_ && (error.field == "intent" || error.field == "contact_id")) {
        errors().show(QString::fromStdString(error.field), QString::fromStdString(error.message));
        inline_ = true;
    }
    if (inline_)
        setAiStatus(tr("Please check the highlighted fields."), true);
    return inline_;
}

} // namespace rapport::ui
