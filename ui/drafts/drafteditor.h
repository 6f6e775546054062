#pragma once
// The draft form: the contact it is for, To, Cc, Subject, Body, and above them "Draft with AI" (intent,
// tone, language). The AI run itself belongs to the page; this form shows it: subject and body fill in
// as tokens arrive, read-only until the run ends.

#include "core/error.h"
#include "shared/formbuilder.h"
#include "shared/recordeditor.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class GmailSendBar;

class RecordPicker;

class DraftEditor : public RecordEditor {
    Q_OBJECT
public:
    explicit DraftEditor(GatewayClient &client, QWidget *parent = nullptr);

    QString nameOf(const nlohmann::json &draft) const override;

    // {"contact_id","intent","tone","language"} for POST /ai/draft-email (draft_id added by the page).
    nlohmann::json aiRequest() const;
    void beginAiText();  // empties subject and body for the stream
    // After a failed run that wrote nothing: the subject and body from before it come back.
    void restoreIfNothingArrived();
    void appendSubject(const QString &text);
    void appendBody(const QString &text);
    void setAiRunning(bool running);
    void setAiStatus(const QString &text, bool isError = false);
    GmailSendBar *gmailBar() const { return m_gmail; }
    // The saved draft the AI wrote: loaded, keeping recipients and contact the user changed meanwhile.
    void acceptAiDraft(const nlohmann::json &draft);
    // Inline under intent / contact; false when the error has no such field (then the AI status says it).
    bool showAiErrors(const Error &error);
    void showFieldError(const QString &field, const QString &message) { errors().show(field, message); }
    // Pre-fills a new draft for a contact (from the contact's page).
    void startForContact(const QString &contactId, const QString &label, const QString &address);

signals:
    void draftWithAiRequested();
    void stopAiRequested();

protected:
    nlohmann::json readFields() const override;
    void writeFields(const nlohmann::json &draft) override;
    void checkFields(FieldErrors &errors) const override;
    bool hasPendingInput() const override;
    QWidget *firstField() const override;

private:
    void lookUpContact(const QString &id);
    void fillRecipientFromContact();

    GatewayClient &m_client;
    RecordPicker *m_contact = nullptr;
    QLineEdit *m_intent = nullptr;
    QComboBox *m_tone = nullptr;
    QComboBox *m_language = nullptr;
    QPushButton *m_draftButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_aiStatus = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    bool m_aiRunning = false;
    bool m_aiWrote = false;
    QString m_subjectBefore, m_bodyBefore;
    GmailSendBar *m_gmail = nullptr;
};

// "anna@example.com, bo@example.org" <-> ["anna@example.com","bo@example.org"].
nlohmann::json addressesFromText(const QString &text);
QString addressesToText(const nlohmann::json &addresses);

} // namespace rapport::ui
