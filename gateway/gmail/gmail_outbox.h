#pragma once
// The Gmail outbox (table gmail_outbox, schema v6): local drafts waiting to be sent, or saved to Gmail
// drafts, so that a send made offline leaves once when Gmail is reachable again, and exactly once.
//
// Promises:
//  - enqueue() builds the MIME once, with a fresh Message-ID, and stores those bytes: every retry
//    sends the same message, and a send Google accepted before a crash is found by that Message-ID
//    (SendFlow looks it up before sending again). For a send, the local draft becomes "queued" in
//    the same transaction (and "sent" with markDone(), back to "draft" with markFailed(), so the
//    user can fix it and send again); each change is recorded for sync like any draft edit.
//  - Statuses: queued -> sending (committed before the request leaves) -> done | failed, or back to
//    queued with next_attempt_at after a retryable failure (capped exponential backoff with jitter,
//    or Google's Retry-After).
//  - A row left "sending" by a crashed process becomes due again after staleSendingMs, longer than
//    any request can take, so another live process's send is never mistaken for a crash. Within one
//    process claim() keeps two flows off the same row.
// Thread-safe: reads use the calling thread's connection, writes go through the store's writer.

#include <functional>
#include <limits>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include <nlohmann/json.hpp>

#include "ai/provider_config.h"
#include "core/error.h"

namespace rapport {
class Store;
}

namespace rapport::gmail {

enum class OutboxKind { Send, Draft };

struct OutboxRow {
    std::string id, draftId, kind, messageId, raw, threadId, status, lastError, gmailId;
    int attempts = 0;
    qint64 nextAttemptAt = 0, createdAt = 0, updatedAt = 0;

    bool isSend() const { return kind == "send"; }
    // Google may already hold it: look it up by Message-ID before sending again.
    bool attemptedBefore() const { return attempts > 0 || status == "sending"; }
    // {"id","draft_id","kind","message_id","thread_id","status","attempts","next_attempt_at",
    //  "last_error","gmail_id","created_at","updated_at"}; never `raw`.
    nlohmann::json toJson() const;
};

struct OutboxOptions {
    std::function<qint64()> nowMs;  // Unix ms; empty: the system clock (tests move time)
    ai::BackoffPolicy backoff{30'000, 60 * 60'000, std::numeric_limits<int>::max()};
    qint64 staleSendingMs = 5 * 60'000;
};

class GmailOutbox {
public:
    explicit GmailOutbox(Store &store, OutboxOptions options = {});

    // The draft as a queued row. 404 for an unknown draft; 409 when a send of it is already queued
    // or done; 422 when it has no recipient ("to") or a field cannot go into a message (the field
    // named as buildMimeMessage() names it: "subject", "to[0]", ...).
    Result<OutboxRow> enqueue(std::string_view draftId, OutboxKind kind, const QString &fromAddress);

    Result<OutboxRow> get(std::string_view id) const;
    Result<nlohmann::json> list() const;  // {"items":[row...]}, the latest 500, newest first
    // Queued rows whose time has come and stale "sending" rows, in the order they were queued.
    Result<std::vector<OutboxRow>> due() const;

    bool claim(const std::string &id);  // false when a flow of this process works on it
    void release(const std::string &id);

    // queued (or stale sending) -> sending, attempts + 1. false: another process took it meanwhile.
    Result<bool> markSending(const std::string &id);
    Result<OutboxRow> markDone(const std::string &id, const std::string &gmailId);
    Result<OutboxRow> markQueued(const std::string &id, const std::string &reason, qint64 delayMs);
    Result<OutboxRow> markFailed(const std::string &id, const std::string &reason);

    // The wait before the next attempt after `attempts` tries: Retry-After when Google sent one
    // (retryAfterMs >= 0), else the policy's capped exponential backoff with equal jitter.
    qint64 backoffMs(int attempts, qint64 retryAfterMs) const;
    qint64 now() const;

private:
    Result<OutboxRow> finish(const std::string &id, const char *status, const std::string &gmailId,
                             const std::string &reason, const char *draftStatus);

    Store &m_store;
    OutboxOptions m_options;
    std::mutex m_mutex;
    std::set<std::string> m_claimed;
};

} // namespace rapport::gmail
