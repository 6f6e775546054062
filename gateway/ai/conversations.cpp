#include "ai/conversations.h"

#include <QSqlQuery>
#include <QVariant>

#include "store/store.h"
#include "store/timefmt.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;

namespace rapport::ai {

namespace {
std::string title(const std::string &text)
{
    // The first line, cut at a character boundary near 60 bytes: enough to recognise it in a list.
    std::string t = text.substr(0, text.find('\n'));
    if (t.size() > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
            --cut;
        t = t.substr(0, cut) + "…";
    }
    return t;
}

Result<bool> exists(Connection &conn, const std::string &id)
{
    QSqlQuery &q = conn.prepare(u"SELECT 1 FROM conversations WHERE id = ? AND deleted_at IS NULL"_s);
    q.bindValue(0, qs(id));
    if (auto e = exec(q, "looking up a conversation"); !e)
        return std::move(e).error();
    const bool found = q.next();
    q.finish();
    return found;
}

Result<std::string> insertConversation(WriteTxn &txn, const std::string &title)
{
    const std::string id = newUuidV7();
    QSqlQuery &q = txn.conn.prepare(u"INSERT INTO conversations(id, title, created_at, updated_at) VALUES (?, ?, ?, ?)"_s);
    q.bindValue(0, qs(id));
    q.bindValue(1, qs(title));
    q.bindValue(2, txn.nowMs);
    q.bindValue(3, txn.nowMs);
    if (auto e = exec(q, "creating a conversation"); !e)
        return std::move(e).error();
    return id;
}

Result<void> insertMessage(WriteTxn &txn, const std::string &id, const AnswerRecord &m, const std::string &role)
{
    QSqlQuery &q = txn.conn.prepare(
        u"INSERT INTO messages(id, conversation_id, role, content, status, error, model, prompt_tokens, "
        "completion_tokens, ttft_ms, tokens_per_s, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    auto optional = [](auto v) { return v < 0 ? QVariant() : QVariant(v); };
    q.bindValue(0, qs(id));
    q.bindValue(1, qs(m.conversationId));
    q.bindValue(2, qs(role));
    q.bindValue(3, qs(m.content));
    q.bindValue(4, qs(m.status));
    q.bindValue(5, qs(m.error));
    q.bindValue(6, qs(m.model));
    q.bindValue(7, optional(m.promptTokens));
    q.bindValue(8, optional(m.completionTokens));
    q.bindValue(9, optional(m.ttftMs));
    q.bindValue(10, role == "assistant" ? QVariant(m.tokensPerSecond) : QVariant());
    q.bindValue(11, txn.nowMs);
    if (auto e = exec(q, "saving a message"); !e)
        return e;
    QSqlQuery &touch = txn.conn.prepare(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s);
    touch.bindValue(0, txn.nowMs);
    touch.bindValue(1, qs(m.conversationId));
    return exec(touch, "updating a conversation");
}
} // namespace

Conversations::Conversations(Store &store) : m_store(store) {}

Result<std::string> Conversations::addUserMessage(const std::string &conversationId, const std::string &text)
{
    return m_store.write<std::string>([&](WriteTxn &txn) -> Result<std::string> {
        AnswerRecord m;
        m.conversationId = conversationId;
        m.content = text;
        if (m.conversationId.empty()) {
            auto created = insertConversation(txn, title(text));
            if (!created)
                return std::move(created).error();
            m.conversationId = std::move(*created);
        } else {
            auto found = exists(txn.conn, m.conversationId);
            if (!found)
                return std::move(found).error();
            if (!*found)
                return Error::notFound("conversation");
        }
        if (auto e = insertMessage(txn, newUuidV7(), m, "user"); !e)
            return std::move(e).error();
        return m.conversationId;
    });
}

Result<std::string> Conversations::startGrounded(const std::string &titleText, const std::string &system,
                                                 const std::string &user)
{
    return m_store.write<std::string>([&](WriteTxn &txn) -> Result<std::string> {
        auto id = insertConversation(txn, title(titleText));
        if (!id)
            return std::move(id).error();
        AnswerRecord m;
        m.conversationId = *id;
        m.content = system;
        if (auto e = insertMessage(txn, newUuidV7(), m, "system"); !e)
            return std::move(e).error();
        m.content = user;
        if (auto e = insertMessage(txn, newUuidV7(), m, "user"); !e)
            return std::move(e).error();
        return *id;
    });
}

Result<std::vector<StoredMessage>> Conversations::history(const std::string &conversationId) const
{
    QSqlQuery &q = m_store.reader().prepare(
        u"SELECT role, content FROM messages WHERE conversation_id = ? ORDER BY seq"_s);
    q.bindValue(0, qs(conversationId));
    if (auto e = exec(q, "reading a conversation"); !e)
        return std::move(e).error();
    std::vector<StoredMessage> out;
    while (q.next())
        out.push_back({q.value(0).toString().toStdString(), q.value(1).toString().toStdString()});
    q.finish();
    return out;
}

Result<std::string> Conversations::addAnswer(const AnswerRecord &answer)
{
    return m_store.write<std::string>([&](WriteTxn &txn) -> Result<std::string> {
        const std::string id = newUuidV7();
        if (auto e = insertMessage(txn, id, answer, "assistant"); !e)
            return std::move(e).error();
        return id;
    });
}

Result<nlohmann::json> Conversations::get(std::string_view id) const
{
    if (!isUuid(id))
        return Error::notFound("conversation");
    Connection &conn = m_store.reader();
    QSqlQuery &c = conn.prepare(
        u"SELECT title, created_at, updated_at FROM conversations WHERE id = ? AND deleted_at IS NULL"_s);
    c.bindValue(0, qs(id));
    if (auto e = exec(c, "reading a conversation"); !e)
        return std::move(e).error();
    if (!c.next())
        return Error::notFound("conversation");
    nlohmann::json out{{"id", id}, {"title", c.value(0).toString().toStdString()},
                       {"created_at", isoFromMs(c.value(1).toLongLong())},
                       {"updated_at", isoFromMs(c.value(2).toLongLong())}, {"messages", nlohmann::json::array()}};
    c.finish();
    QSqlQuery &m = conn.prepare(u"SELECT id, role, content, status, error, model, prompt_tokens, completion_tokens, "
                                "ttft_ms, tokens_per_s, created_at FROM messages WHERE conversation_id = ? ORDER BY seq"_s);
    m.bindValue(0, qs(id));
    if (auto e = exec(m, "reading messages"); !e)
        return std::move(e).error();
    auto orNull = [&m](int i) { return m.value(i).isNull() ? nlohmann::json() : nlohmann::json(m.value(i).toLongLong()); };
    while (m.next()) {
        out["messages"].push_back({{"id", m.value(0).toString().toStdString()},
                                   {"role", m.value(1).toString().toStdString()},
                                   {"content", m.value(2).toString().toStdString()},
                                   {"status", m.value(3).toString().toStdString()},
                                   {"error", m.value(4).toString().toStdString()},
                                   {"model", m.value(5).toString().toStdString()},
                                   {"prompt_tokens", orNull(6)}, {"completion_tokens", orNull(7)},
                                   {"ttft_ms", orNull(8)},
                                   {"tokens_per_s", m.value(9).isNull() ? nlohmann::json() : nlohmann::json(m.value(9).toDouble())},
                                   {"created_at", isoFromMs(m.value(10).toLongLong())}});
    }
    m.finish();
    return out;
}

Result<nlohmann::json> Conversations::list() const
{
    QSqlQuery &q = m_store.reader().prepare(u"SELECT id, title, created_at, updated_at FROM conversations "
                                            "WHERE deleted_at IS NULL ORDER BY updated_at DESC, seq DESC LIMIT 200"_s);
    if (auto e = exec(q, "listing conversations"); !e)
        return std::move(e).error();
    nlohmann::json items = nlohmann::json::array();
    while (q.next())
        items.push_back({{"id", q.value(0).toString().toStdString()}, {"title", q.value(1).toString().toStdString()},
                         {"created_at", isoFromMs(q.value(2).toLongLong())},
                         {"updated_at", isoFromMs(q.value(3).toLongLong())}});
    q.finish();
    return nlohmann::json{{"items", std::move(items)}};
}

} // namespace rapport::ai
