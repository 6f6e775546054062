#include "drafts/draftspage.h"

#include <QLineEdit>

#include "drafts/aidrafter.h"
#include "drafts/drafteditor.h"
#include "drafts/gmailsendbar.h"
#include "drafts/draftsmodel.h"
#include "shared/gatewayclient.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

RecordPage::Texts draftTexts()
{
    return {
        DraftsPage::tr("Search drafts…"),
        DraftsPage::tr("No drafts match “%1”"),
        DraftsPage::tr("No drafts yet.\nPress Ctrl+N to write one, or use “Draft with AI”."),
        DraftsPage::tr("Draft saved"),
        DraftsPage::tr("Draft saved"),
        DraftsPage::tr("Deleted “%1” — Undo (Ctrl+Z)"),
        DraftsPage::tr("Restored “%1”"),
    };
}

} // namespace

DraftsPage::DraftsPage(GatewayClient &client, QUndoStack &undoStack, QWidget *parent)
    : RecordPage(client, undoStack, new DraftsModel(client), new DraftEditor(client), draftTexts(), parent)
    , m_client(client)
{
    setObjectName(u"draftsPage"_s);
    setColumnWidths({200, 150, 70, 110});
    searchBox()->hide();  // drafts are few and newest first; the list is the way to find them
    m_drafter = new AiDrafter(client, this);
    DraftEditor *editor = draftEditor();
    connect(editor, &DraftEditor::draftWithAiRequested, this, &DraftsPage::startAi);
    connect(editor, &DraftEditor::stopAiRequested, m_drafter, &AiDrafter::stop);
    connect(editor->gmailBar(), &GmailSendBar::sendRequested, this, [this] { sendViaGmail(true); });
    connect(editor->gmailBar(), &GmailSendBar::saveToGmailRequested, this, [this] { sendViaGmail(false); });
    connect(m_drafter, &AiDrafter::subjectDelta, editor, &DraftEditor::appendSubject);
    connect(m_drafter, &AiDrafter::bodyDelta, editor, &DraftEditor::appendBody);
    connect(m_drafter, &AiDrafter::runningChanged, editor, &DraftEditor::setAiRunning);
    connect(m_drafter, &AiDrafter::finished, this, [this](const QString &id) {
        showDraft(id, tr("Written and saved. Edit it as you like, then save (Ctrl+S)."), false);
        emit statusMessage(tr("AI draft saved"));
    });
    connect(m_drafter, &AiDrafter::failed, this, [this](const Error &error, const QString &id) {
        draftEditor()->restoreIfNothingArrived();
        if (error.code == ErrorCode::BadRequest && error.field == "api_key")
            emit settingsRequested();
        if (draftEditor()->showAiErrors(error))
            return;
        const QString why = aiFailureText(error);
        if (id.isEmpty())
            draftEditor()->setAiStatus(why, error.code != ErrorCode::Cancelled);
        else
            showDraft(id, why, error.code != ErrorCode::Cancelled);  // the partial text was kept as a draft
    });
}

DraftEditor *DraftsPage::draftEditor() const
{
    return static_cast<DraftEditor *>(editor());
}

void DraftsPage::composeFor(const QString &contactId, const QString &label, const QString &address)
{
    whenSettled([this, contactId, label, address] { draftEditor()->startForContact(contactId, label, address); });
}

void DraftsPage::startAi()
{
    DraftEditor *e = draftEditor();
    if (m_drafter->isRunning())
        return;
    if (!e->hasRecord())
        newRecord();
    e->clearErrors();
    nlohmann::json request = e->aiRequest();
    if (request["intent"].get<std::string>().empty()) {
        e->showFieldError(u"intent"_s, tr("Say what the email should achieve."));
        return;
    }
    if (request["contact_id"].get<std::string>().empty()) {
        e->showFieldError(u"contact_id"_s, tr("Pick the contact the email is for."));
        return;
    }
    m_aiDraftId = e->recordId();
    if (!m_aiDraftId.isEmpty())
        request["draft_id"] = m_aiDraftId.toStdString();
    e->beginAiText();
    m_drafter->start(request);
}

void DraftsPage::showDraft(const QString &id, const QString &status, bool isError)
{
    m_client.call(Method::Get, "/drafts/" + id.toStdString(), this, [this, id, status, isError](const Response &r) {
        if (r.isSuccess()) {
            model()->upsert(r.body);
            draftEditor()->acceptAiDraft(r.body);
            selectId(id);
            emit recordsChanged();
        }
        draftEditor()->setAiStatus(status, isError);
    });
}

} // namespace rapport::ui
