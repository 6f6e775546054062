#include "gmail/send_flow.h"

#include <QUrlQuery>

#include "gmail/authorized_call.h"
#include "gmail/gmail_account.h"
#include "store/timefmt.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

std::string reasonOf(const GmailError &e)
{
    // Google's own words help; they never hold a token (gmail_error.h). For a retry the transport's
    // or Google's short words ("Connection refused") are the news: "will try again" is the status.
    if (e.kind == GmailErrorKind::Retryable && !e.detail.isEmpty())
        return e.detail.toStdString();
    return e.detail.isEmpty() ? e.message.toStdString() : QString(e.message + u" ("_s + e.detail + u')').toStdString();
}

bool isAccountProblem(GmailErrorKind kind)
{
    return kind == GmailErrorKind::NotConnected || kind == GmailErrorKind::ReconnectNeeded
        || kind == GmailErrorKind::Unauthorized || kind == GmailErrorKind::NotConfigured;
}

} // namespace

nlohmann::json outcomeItem(const OutboxRow &row)
{
    nlohmann::json item{{"outbox_id", row.id}, {"draft_id", row.draftId}, {"kind", row.kind},
                        {"status", row.status}, {"message_id", row.messageId}};
    if (row.status == "done")
        item["gmail_id"] = row.gmailId;
    if (row.status == "queued")
        item["next_attempt_at"] = isoFromMs(row.nextAttemptAt);
    if (row.status == "queued" || row.status == "failed")
        item["reason"] = row.lastError;
    return item;
}

OutboxAttempt::OutboxAttempt(GmailAccount &account, std::shared_ptr<GmailOutbox> outbox, std::string outboxId,
                             QObject *parent)
    : QObject(parent), m_account(account), m_outbox(std::move(outbox)), m_id(std::move(outboxId))
{
}

OutboxAttempt::~OutboxAttempt()
{
    if (m_call)
        m_call->disconnect(this);  // its destructor aborts a running request without a signal
    if (m_claimed)
        m_outbox->release(m_id);
}

void OutboxAttempt::start()
{
    if (std::exchange(m_started, true))
        return;
    QMetaObject::invokeMethod(this, [this] { if (!m_finished) run(); }, Qt::QueuedConnection);
}

void OutboxAttempt::cancel()
{
    if (m_finished)
        return;
    if (m_call) {
        m_call->disconnect(this);
        m_call.reset();  // aborts the request; a send may still have reached Google: the lookup covers it
    }
    handle(makeGmailError(GmailErrorKind::Cancelled));
}

void OutboxAttempt::run()
{
    if (!m_outbox->claim(m_id)) {  // another flow of this process is on it: report, do not touch
        auto row = m_outbox->get(m_id);
        if (row)
            row->status = "sending";
        return end(row);
    }
    m_claimed = true;
    auto row = m_outbox->get(m_id);
    if (!row)
        return end(row, row.error());
    m_row = *row;
    if (m_row.status == "done" || m_row.status == "failed")
        return end(row);
    if (m_row.attemptedBefore())
        return lookUp();
    send();
}

AuthorizedCall &OutboxAttempt::newCall()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call.release()->deleteLater();  // we may be inside its signal
    }
    m_call = std::make_unique<AuthorizedCall>(m_account);
    connect(m_call.get(), &AuthorizedCall::failed, this, [this](const GmailError &e) { handle(e); });
    return *m_call;
}

void OutboxAttempt::lookUp()
{
    AuthorizedCall &call = newCall();
    connect(&call, &AuthorizedCall::done, this, [this](const nlohmann::json &answer) {
        const auto messages = answer.find("messages");  // absent when nothing matched
        if (messages != answer.end() && messages->is_array() && !messages->empty() && (*messages)[0].is_object())
            return succeed((*messages)[0].value("id", std::string()), true);
        send();
    });
    QString id = QString::fromStdString(m_row.messageId);
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);  // Gmail's documented form has no angle brackets
    QUrlQuery query;
    query.addQueryItem(u"q"_s, u"rfc822msgid:"_s + id);
    query.addQueryItem(u"includeSpamTrash"_s, u"true"_s);  // a sent message the user trashed was still sent
    call.get(u"/gmail/v1/users/me/messages"_s, query);
}

void OutboxAttempt::send()
{
    auto claimed = m_outbox->markSending(m_id);
    if (!claimed)
        return end(m_outbox->get(m_id), claimed.error());
    if (!*claimed)  // another process took it between our read and now
        return end(m_outbox->get(m_id));
    nlohmann::json message{{"raw", m_row.raw}};
    if (!m_row.threadId.empty())
        message["threadId"] = m_row.threadId;
    AuthorizedCall &call = newCall();
    connect(&call, &AuthorizedCall::done, this, [this](const nlohmann::json &answer) {
        succeed(answer.value("id", std::string()), false);
    });
    if (m_row.isSend())
        call.post(u"/gmail/v1/users/me/messages/send"_s, message);
    else
        call.post(u"/gmail/v1/users/me/drafts"_s, nlohmann::json{{"message", message}});
}

void OutboxAttempt::succeed(const std::string &gmailId, bool foundByLookup)
{
    // If this write fails the row stays "sending": the next attempt finds the message, never resends.
    auto done = m_outbox->markDone(m_id, gmailId);
    if (!done)
        return end(m_outbox->get(m_id), done.error());
    m_foundByLookup = foundByLookup;
    end(done);
}

void OutboxAttempt::handle(const GmailError &error)
{
    if (m_finished)
        return;
    const Error gatewayError = toGatewayError(error);
    const bool retryable = error.kind == GmailErrorKind::Retryable || error.kind == GmailErrorKind::Protocol;
    if (retryable || isAccountProblem(error.kind) || error.kind == GmailErrorKind::Cancelled) {
        // The user's own action (reconnect, try again) must find the message waiting at once.
        const auto current = m_outbox->get(m_id);
        const int attempts = current ? current->attempts : 1;
        const qint64 delay = retryable ? m_outbox->backoffMs(attempts, error.retryAfterMs) : 0;
        m_needsAccount = isAccountProblem(error.kind);
        auto queued = m_outbox->markQueued(m_id, reasonOf(error), delay);
        if (!queued)
            return end(m_outbox->get(m_id), queued.error());
        return retryable ? end(queued) : end(queued, gatewayError);
    }
    auto failed = m_outbox->markFailed(m_id, reasonOf(error));
    end(failed ? failed : m_outbox->get(m_id), gatewayError);
}

void OutboxAttempt::end(const Result<OutboxRow> &row, std::optional<Error> error)
{
    if (std::exchange(m_finished, true))
        return;
    m_item = row ? outcomeItem(*row) : nlohmann::json{{"outbox_id", m_id}};
    if (row && row->status == "done")
        m_item["found_by_lookup"] = m_foundByLookup;  // true: Google had it already, nothing was resent
    m_error = row || error ? std::move(error) : row.error();
    if (m_claimed) {
        m_outbox->release(m_id);
        m_claimed = false;
    }
    emit finished();
}

SendFlow::SendFlow(GmailAccount &account, std::shared_ptr<GmailOutbox> outbox, std::string outboxId)
    : m_attempt(account, std::move(outbox), std::move(outboxId))
{
}

SendFlow::~SendFlow() = default;

void SendFlow::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    connect(&m_attempt, &OutboxAttempt::finished, this, [this] {
        if (m_attempt.error())
            return m_sink->fail(*m_attempt.error());
        m_sink->end(m_attempt.item());
    });
    m_attempt.start();
}

void SendFlow::cancel()
{
    m_attempt.cancel();
}

} // namespace rapport::gmail
