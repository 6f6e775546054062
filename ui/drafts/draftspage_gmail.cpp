// The composer's Send and Save to Gmail Drafts: local edits are saved first, then the gateway builds
// the message and hands it to Gmail, or keeps it in the outbox while Gmail cannot be reached.

#include "drafts/draftspage.h"

#include "core/error.h"
#include "drafts/drafteditor.h"
#include "drafts/gmailsendbar.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"
#include "shared/pagedjsonmodel.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

void DraftsPage::sendViaGmail(bool send)
{
    DraftEditor *e = draftEditor();
    if (m_gmailStream || !e->hasRecord())
        return;
    GmailSendBar *bar = e->gmailBar();
    bar->setBusy(true);
    bar->setStatus(tr("Saving…"));
    saveThen(
        [this, send, bar] {
            const QString id = draftEditor()->recordId();
            bar->setStatus(send ? tr("Sending…") : tr("Saving to Gmail…"));
            GatewayClient::StreamCallbacks callbacks;
            callbacks.end = [this, id, send](const nlohmann::json &summary) {
                m_gmailStream = 0;
                const QString status = jsonString(summary, "status");
                if (status == u"queued"_s)
                    return finishGmail(id, tr("Gmail cannot be reached: the email waits in the outbox and goes when "
                                              "it can (%1).").arg(jsonString(summary, "reason")),
                                       false);
                finishGmail(id, send ? tr("Sent.") : tr("Saved to your Gmail drafts."), false);
            };
            callbacks.fail = [this, id](const Error &error) {
                m_gmailStream = 0;
                finishGmail(id, QString::fromStdString(error.message), true);
            };
            m_gmailStream = m_client.stream(
                Request::make(Method::Post, send ? "/gmail/send" : "/gmail/drafts",
                              nlohmann::json{{"draft_id", id.toStdString()}}.dump()),
                this, std::move(callbacks));
        },
        [bar] {
            bar->setBusy(false);
            bar->setStatus(tr("Save the draft first: check the highlighted fields."), true);
        });
}

void DraftsPage::finishGmail(const QString &id, const QString &status, bool isError)
{
    GmailSendBar *bar = draftEditor()->gmailBar();
    bar->setBusy(false);
    bar->setStatus(status, isError);
    // The draft's status moved (queued, sent): show it in the list, and in the editor unless edited meanwhile.
    m_client.call(Method::Get, "/drafts/" + id.toStdString(), this, [this, id, status, isError](const Response &r) {
        if (!r.isSuccess())
            return;
        model()->upsert(r.body);
        if (draftEditor()->recordId() == id && !draftEditor()->isDirty()) {
            draftEditor()->load(r.body);
            draftEditor()->gmailBar()->setStatus(status, isError);
        }
        emit recordsChanged();
    });
}

} // namespace rapport::ui
