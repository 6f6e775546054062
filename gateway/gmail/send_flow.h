#pragma once
// Working one Gmail outbox row (docs/protocols.md D, issue 4 "Sending offline, exactly once").
//
// OutboxAttempt, once:
//  1. a row attempted before (attempts > 0, or "sending" left by a crash) is first looked up with
//     messages.list q=rfc822msgid:<its Message-ID>: when Gmail already holds it, it is done;
//  2. otherwise the row becomes "sending", committed BEFORE the request leaves, then
//     messages.send {raw, threadId?} (or drafts.create {message:{raw}}) and done with Gmail's id.
// Outcomes:
//  - done                       -> item {"outbox_id","status":"done","gmail_id",...}
//  - Retryable (network, 429, 5xx) or an unreadable answer (it may have been sent: the next try
//    looks it up first) -> back to "queued" with next_attempt_at; item {"outbox_id","status":"queued",
//    "next_attempt_at","reason"} and no error: offline is not a failure for the user;
//  - the account needs the user (not connected, reconnect needed, not set up) or the caller
//    cancelled -> stays "queued", due at once, and error() says why: the message is never lost;
//  - anything else (Google refused the message) -> "failed" with last_error, and error().
//
// SendFlow is one attempt as a stream: it ends with the item, or fails with error().

#include <memory>
#include <optional>
#include <string>

#include <QObject>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/stream.h"
#include "gmail/gmail_error.h"
#include "gmail/gmail_outbox.h"

namespace rapport::gmail {

class AuthorizedCall;
class GmailAccount;

class OutboxAttempt : public QObject {
    Q_OBJECT
public:
    OutboxAttempt(GmailAccount &account, std::shared_ptr<GmailOutbox> outbox, std::string outboxId,
                  QObject *parent = nullptr);
    ~OutboxAttempt() override;

    void start();   // finished() comes later, never inside start()
    void cancel();  // aborts a running request; finished() with a cancelled error

    // After finished(): the row's outcome, and the error when the caller should fail.
    const nlohmann::json &item() const { return m_item; }
    const std::optional<Error> &error() const { return m_error; }
    // The failure is the account's (connect again), not this message's: the next rows would fail too.
    bool needsAccount() const { return m_needsAccount; }

signals:
    void finished();

private:
    void run();
    void lookUp();
    void send();
    void succeed(const std::string &gmailId, bool foundByLookup);
    void handle(const GmailError &error);
    AuthorizedCall &newCall();
    void end(const Result<OutboxRow> &row, std::optional<Error> error = std::nullopt);

    GmailAccount &m_account;
    std::shared_ptr<GmailOutbox> m_outbox;
    std::string m_id;
    OutboxRow m_row;
    std::unique_ptr<AuthorizedCall> m_call;
    nlohmann::json m_item;
    std::optional<Error> m_error;
    bool m_claimed = false, m_started = false, m_finished = false, m_needsAccount = false, m_foundByLookup = false;
};

class SendFlow final : public QObject, public Stream {
    Q_OBJECT
public:
    SendFlow(GmailAccount &account, std::shared_ptr<GmailOutbox> outbox, std::string outboxId);
    ~SendFlow() override;
    void start(std::shared_ptr<StreamSink> sink) override;
    void cancel() override;

private:
    std::shared_ptr<StreamSink> m_sink;
    OutboxAttempt m_attempt;
};

// A row's outcome as flows report it: {"outbox_id","draft_id","kind","status","message_id", and
// "gmail_id" when done, "next_attempt_at" and "reason" when queued, "reason" when failed}.
nlohmann::json outcomeItem(const OutboxRow &row);

} // namespace rapport::gmail
