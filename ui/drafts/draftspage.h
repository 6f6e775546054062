#pragma once
// The Drafts page: local email drafts (they work offline) in the shared record page, with the
// composer as editor and "Draft with AI" streaming into it.

#include "shared/recordpage.h"

namespace rapport::ui {

class AiDrafter;
class DraftEditor;

class DraftsPage : public RecordPage {
    Q_OBJECT
public:
    DraftsPage(GatewayClient &client, QUndoStack &undoStack, QWidget *parent = nullptr);

    DraftEditor *draftEditor() const;
    AiDrafter *drafter() const { return m_drafter; }
    // A new draft addressed to this contact, ready for an intent (from the contact's page).
    void composeFor(const QString &contactId, const QString &label, const QString &address);

signals:
    void settingsRequested();  // the AI needs a key first

private:
    void startAi();
    // Loads the draft the AI saved into the list and the editor, then shows status under the button.
    void showDraft(const QString &id, const QString &status, bool isError);
    // draftspage_gmail.cpp: Send or Save to Gmail Drafts (saves local edits first).
    void sendViaGmail(bool send);
    void finishGmail(const QString &id, const QString &status, bool isError);

    GatewayClient &m_client;
    AiDrafter *m_drafter = nullptr;
    QString m_aiDraftId;  // the draft the running AI writes into; empty for a new one
    quint64 m_gmailStream = 0;
};

} // namespace rapport::ui
