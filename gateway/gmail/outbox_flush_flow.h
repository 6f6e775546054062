#pragma once
// POST /gmail/outbox/flush as a stream: every due outbox row (GmailOutbox::due(), in the order they
// were queued) gets one OutboxAttempt, one after another so the messages leave in order and Gmail's
// per-user rate limit is not provoked. One event per row worked (the attempt's item), then the end:
// {"sent","queued","failed","items":[...]} ("sent" counts Gmail drafts saved as well). A row another
// flow of this process is working on is reported with status "sending" and not counted.
//
// A failure of the account itself (not connected, reconnect needed) stops the flush and fails the
// stream with it: every later row would fail the same way, and all of them stay queued. Cancel stops
// after aborting the current request; that row stays queued too.

#include <memory>
#include <string>
#include <vector>

#include <QObject>

#include <nlohmann/json.hpp>

#include "core/stream.h"

namespace rapport::gmail {

class GmailAccount;
class GmailOutbox;
class OutboxAttempt;

class OutboxFlushFlow final : public QObject, public Stream {
    Q_OBJECT
public:
    OutboxFlushFlow(GmailAccount &account, std::shared_ptr<GmailOutbox> outbox);
    ~OutboxFlushFlow() override;
    void start(std::shared_ptr<StreamSink> sink) override;
    void cancel() override;

private:
    void next();
    void onFinished();

    GmailAccount &m_account;
    std::shared_ptr<GmailOutbox> m_outbox;
    std::shared_ptr<StreamSink> m_sink;
    std::vector<std::string> m_ids;
    std::size_t m_next = 0;
    std::unique_ptr<OutboxAttempt> m_attempt;
    nlohmann::json m_items = nlohmann::json::array();
    int m_sent = 0, m_queued = 0, m_failed = 0;
    bool m_finished = false;
};

} // namespace rapport::gmail
