#include "gmail/outbox_flush_flow.h"

#include "core/error.h"
#include "gmail/gmail_error.h"
#include "gmail/gmail_outbox.h"
#include "gmail/send_flow.h"

namespace rapport::gmail {

OutboxFlushFlow::OutboxFlushFlow(GmailAccount &account, std::shared_ptr<GmailOutbox> outbox)
    : m_account(account), m_outbox(std::move(outbox))
{
}

OutboxFlushFlow::~OutboxFlushFlow()
{
    if (m_attempt)
        m_attempt->disconnect(this);
}

void OutboxFlushFlow::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    auto due = m_outbox->due();
    if (!due) {
        m_finished = true;
        return m_sink->fail(due.error());
    }
    for (const OutboxRow &row : *due)
        m_ids.push_back(row.id);
    next();
}

void OutboxFlushFlow::cancel()
{
    if (m_finished)
        return;
    if (m_attempt)
        return m_attempt->cancel();  // onFinished() fails the stream with the cancelled error
    m_finished = true;
    m_sink->fail(toGatewayError(makeGmailError(GmailErrorKind::Cancelled)));
}

void OutboxFlushFlow::next()
{
    if (m_finished)
        return;
    if (m_next == m_ids.size()) {
        m_finished = true;
        return m_sink->end({{"sent", m_sent}, {"queued", m_queued}, {"failed", m_failed}, {"items", m_items}});
    }
    if (m_attempt)
        m_attempt.release()->deleteLater();  // we are inside its finished() signal
    m_attempt = std::make_unique<OutboxAttempt>(m_account, m_outbox, m_ids[m_next++]);
    connect(m_attempt.get(), &OutboxAttempt::finished, this, &OutboxFlushFlow::onFinished);
    m_attempt->start();
}

void OutboxFlushFlow::onFinished()
{
    if (m_finished)
        return;
    const nlohmann::json &item = m_attempt->item();
    const std::string status = item.value("status", "");
    if (m_attempt->error() && (m_attempt->needsAccount() || m_attempt->error()->code == ErrorCode::Cancelled)) {
        m_finished = true;
        return m_sink->fail(*m_attempt->error());
    }
    m_sent += status == "done" ? 1 : 0;
    m_queued += status == "queued" ? 1 : 0;
    m_failed += status == "failed" ? 1 : 0;
    m_items.push_back(item);
    m_sink->event(item);
    next();
}

} // namespace rapport::gmail
