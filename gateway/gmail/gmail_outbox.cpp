#include "gmail/gmail_outbox.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

#include "ai/retry_delay.h"
#include "crm/draft_record.h"
#include "gmail/mime_message.h"
#include "store/outbox.h"
#include "store/store.h"
#include "store/timefmt.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

const QString kColumns = u"id, draft_id, kind, message_id, raw, thread_id, status, attempts, next_attempt_at, "
                         "last_error, gmail_id, created_at, updated_at"_s;

nlohmann::json orNull(const std::string &s)
{
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

OutboxRow readRow(const QSqlQuery &q)
{
    auto text = [&q](int i) { return q.value(i).toString().toStdString(); };
    OutboxRow r;
    r.id = text(0);
    r.draftId = text(1);
    r.kind = text(2);
    r.messageId = text(3);
    r.raw = text(4);
    r.threadId = text(5);
    r.status = text(6);
    r.attempts = q.value(7).toInt();
    r.nextAttemptAt = q.value(8).toLongLong();
    r.lastError = text(9);
    r.gmailId = text(10);
    r.createdAt = q.value(11).toLongLong();
    r.updatedAt = q.value(12).toLongLong();
    return r;
}

Result<std::optional<OutboxRow>> loadRow(Connection &conn, std::string_view id)
{
    QSqlQuery &q = conn.prepare(u"SELECT "_s + kColumns + u" FROM gmail_outbox WHERE id = ?"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "reading the Gmail outbox"); !e)
        return std::move(e).error();
    std::optional<OutboxRow> row;
    if (q.next())
        row = readRow(q);
    q.finish();
    return row;
}

Result<OutboxRow> mustLoad(Connection &conn, std::string_view id)
{
    auto row = loadRow(conn, id);
    if (!row)
        return std::move(row).error();
    if (!*row)
        return Error::notFound("outbox entry");
    return std::move(**row);
}

// The local draft's status, changed and recorded for sync like any edit; a draft deleted meanwhile
// is left alone (the message itself is in the outbox row).
Result<void> setDraftStatus(WriteTxn &txn, const std::string &draftId, const char *status)
{
    QSqlQuery &q = txn.conn.prepare(
        u"UPDATE drafts SET status = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL AND status <> ?"_s);
    q.bindValue(0, QString::fromLatin1(status));
    q.bindValue(1, txn.nowMs);
    q.bindValue(2, qs(draftId));
    q.bindValue(3, QString::fromLatin1(status));
    if (auto e = exec(q, "changing a draft's status"); !e)
        return e;
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    if (!changed)
        return {};
    return recordMutation(txn, "draft", draftId, MutationOp::Update, {{"status", status}});
}

QList<Mailbox> mailboxes(const nlohmann::json &addresses)
{
    QList<Mailbox> out;
    for (const auto &a : addresses)
        if (a.is_string())
            out.append({{}, QString::fromStdString(a.get<std::string>())});
    return out;
}

} // namespace

nlohmann::json OutboxRow::toJson() const
{
    return {{"id", id}, {"draft_id", draftId}, {"kind", kind}, {"message_id", messageId},
            {"thread_id", orNull(threadId)}, {"status", status}, {"attempts", attempts},
            {"next_attempt_at", isoFromMs(nextAttemptAt)}, {"last_error", orNull(lastError)},
            {"gmail_id", orNull(gmailId)}, {"created_at", isoFromMs(createdAt)}, {"updated_at", isoFromMs(updatedAt)}};
}

GmailOutbox::GmailOutbox(Store &store, OutboxOptions options) : m_store(store), m_options(std::move(options)) {}

qint64 GmailOutbox::now() const
{
    return m_options.nowMs ? m_options.nowMs() : QDateTime::currentMSecsSinceEpoch();
}

qint64 GmailOutbox::backoffMs(int attempts, qint64 retryAfterMs) const
{
    if (retryAfterMs >= 0)
        return retryAfterMs;  // Google named the time (a 429 may last hours: honoured beyond the cap)
    const double unit = QRandomGenerator::global()->generateDouble();
    return ai::retryDelayMs(std::max(1, attempts), {}, unit, m_options.backoff).value_or(m_options.backoff.capMs);
}

Result<OutboxRow> GmailOutbox::enqueue(std::string_view draftId, OutboxKind kind, const QString &fromAddress)
{
    const qint64 at = now();
    return m_store.write<OutboxRow>([&](WriteTxn &txn) -> Result<OutboxRow> {
        QSqlQuery &q = txn.conn.prepare(u"SELECT "_s + draftColumns() + u" FROM drafts WHERE id = ? AND deleted_at IS NULL"_s);
        q.bindValue(0, qs(draftId));
        if (auto e = exec(q, "reading a draft"); !e)
            return std::move(e).error();
        const bool found = q.next();
        const DraftRecord draft = found ? readDraftRow(q) : DraftRecord();
        q.finish();
        if (!found)
            return Error::make(ErrorCode::NotFound, "draft not found", "draft_id");
        if (kind == OutboxKind::Send && (draft.status == "queued" || draft.status == "sent"))
            return Error::make(ErrorCode::Conflict,
                               draft.status == "sent" ? "This draft was already sent" : "This draft is already waiting to be sent",
                               "draft_id");

        MailMessage message;
        message.from = {{}, fromAddress};
        message.to = mailboxes(draft.to);
        message.cc = mailboxes(draft.cc);
        message.subject = QString::fromStdString(draft.subject);
        message.body = QString::fromStdString(draft.body);
        message.messageId = makeMessageId(fromAddress);
        if (message.to.isEmpty() && message.cc.isEmpty())
            return Error::validation({{"to", "Add at least one recipient before sending"}});
        auto mime = buildMimeMessage(message);
        if (!mime)
            return std::move(mime).error();

        OutboxRow row;
        row.id = newUuidV7();
        row.draftId = draft.id;
        row.kind = kind == OutboxKind::Send ? "send" : "draft";
        row.messageId = message.messageId.toStdString();
        row.raw = gmailRaw(*mime).toStdString();
        row.status = "queued";
        row.nextAttemptAt = row.createdAt = row.updatedAt = at;
        QSqlQuery &insert = txn.conn.prepare(
            u"INSERT INTO gmail_outbox(id, draft_id, kind, message_id, raw, thread_id, status, attempts, "
            "next_attempt_at, created_at, updated_at) VALUES (?,?,?,?,?,NULL,'queued',0,?,?,?)"_s);
        const QVariantList values{qs(row.id), qs(row.draftId), qs(row.kind), qs(row.messageId), qs(row.raw), at, at, at};
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values[i]);
        if (auto e = exec(insert, "queueing a message"); !e)
            return std::move(e).error();
        if (kind == OutboxKind::Send) {
            if (auto e = setDraftStatus(txn, row.draftId, "queued"); !e)
                return std::move(e).error();
        }
        return row;
    });
}

Result<OutboxRow> GmailOutbox::get(std::string_view id) const
{
    return mustLoad(m_store.reader(), id);
}

Result<nlohmann::json> GmailOutbox::list() const
{
    QSqlQuery &q = m_store.reader().prepare(u"SELECT "_s + kColumns +
                                            u" FROM gmail_outbox ORDER BY created_at DESC, id DESC LIMIT 500"_s);
    if (auto e = exec(q, "listing the Gmail outbox"); !e)
        return std::move(e).error();
    nlohmann::json items = nlohmann::json::array();
    while (q.next())
        items.push_back(readRow(q).toJson());
    q.finish();
    return nlohmann::json{{"items", std::move(items)}};
}

Result<std::vector<OutboxRow>> GmailOutbox::due() const
{
    QSqlQuery &q = m_store.reader().prepare(
        u"SELECT "_s + kColumns + u" FROM gmail_outbox WHERE (status = 'queued' AND next_attempt_at <= ?) "
                                  "OR (status = 'sending' AND updated_at <= ?) ORDER BY created_at, id"_s);
    const qint64 at = now();
    q.bindValue(0, at);
    q.bindValue(1, at - m_options.staleSendingMs);
    if (auto e = exec(q, "reading the due Gmail sends"); !e)
        return std::move(e).error();
    std::vector<OutboxRow> rows;
    while (q.next())
        rows.push_back(readRow(q));
    q.finish();
    return rows;
}

bool GmailOutbox::claim(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    return m_claimed.insert(id).second;
}

void GmailOutbox::release(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    m_claimed.erase(id);
}

Result<bool> GmailOutbox::markSending(const std::string &id)
{
    const qint64 at = now();
    return m_store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        // Conditional, so two processes flushing at once cannot both send one row.
        QSqlQuery &q = txn.conn.prepare(
            u"UPDATE gmail_outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? "
            "WHERE id = ? AND (status = 'queued' OR (status = 'sending' AND updated_at <= ?))"_s);
        q.bindValue(0, at);
        q.bindValue(1, qs(id));
        q.bindValue(2, at - m_options.staleSendingMs);
        if (auto e = exec(q, "marking a message as sending"); !e)
            return std::move(e).error();
        const bool claimed = q.numRowsAffected() == 1;
        q.finish();
        return claimed;
    });
}

Result<OutboxRow> GmailOutbox::markDone(const std::string &id, const std::string &gmailId)
{
    return finish(id, "done", gmailId, {}, "sent");
}

Result<OutboxRow> GmailOutbox::markFailed(const std::string &id, const std::string &reason)
{
    return finish(id, "failed", {}, reason, "draft");
}

Result<OutboxRow> GmailOutbox::markQueued(const std::string &id, const std::string &reason, qint64 delayMs)
{
    const qint64 at = now();
    return m_store.write<OutboxRow>([&](WriteTxn &txn) -> Result<OutboxRow> {
        QSqlQuery &q = txn.conn.prepare(
            u"UPDATE gmail_outbox SET status = 'queued', next_attempt_at = ?, last_error = ?, updated_at = ? "
            "WHERE id = ? AND status IN ('queued', 'sending')"_s);
        q.bindValue(0, at + std::max<qint64>(0, delayMs));
        q.bindValue(1, qs(reason));
        q.bindValue(2, at);
        q.bindValue(3, qs(id));
        if (auto e = exec(q, "queueing a message again"); !e)
            return std::move(e).error();
        q.finish();
        return mustLoad(txn.conn, id);
    });
}

Result<OutboxRow> GmailOutbox::finish(const std::string &id, const char *status, const std::string &gmailId,
                                      const std::string &reason, const char *draftStatus)
{
    const qint64 at = now();
    return m_store.write<OutboxRow>([&](WriteTxn &txn) -> Result<OutboxRow> {
        QSqlQuery &q = txn.conn.prepare(
            u"UPDATE gmail_outbox SET status = ?, gmail_id = ?, last_error = ?, updated_at = ? WHERE id = ?"_s);
        q.bindValue(0, QString::fromLatin1(status));
        q.bindValue(1, gmailId.empty() ? QVariant() : QVariant(qs(gmailId)));
        q.bindValue(2, reason.empty() ? QVariant() : QVariant(qs(reason)));
        q.bindValue(3, at);
        q.bindValue(4, qs(id));
        if (auto e = exec(q, "recording the outcome of a send"); !e)
            return std::move(e).error();
        q.finish();
        auto row = mustLoad(txn.conn, id);
        if (row && row->isSend()) {
            if (auto e = setDraftStatus(txn, row->draftId, draftStatus); !e)
                return std::move(e).error();
        }
        return row;
    });
}

} // namespace rapport::gmail
