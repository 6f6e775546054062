#include "store/migrations.h"

#include <functional>
#include <vector>

#include <QSqlQuery>
#include <QStringList>

#include "store/search_index.h"
#include "store/store.h"
#include "store/uuid.h"

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace rapport {

namespace {


// v1: the records and the outbox. Times are Unix ms; deleted_at marks a tombstone; JSON columns hold
// the list/object fields exactly as the API shows them.
Result<void> v1(Connection &conn)
{
    return execAll(conn, {
        uR"(CREATE TABLE companies (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            domain TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '{}',
            tags TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER))"_s,
        u"CREATE INDEX companies_by_name ON companies(sort_key, seq) WHERE deleted_at IS NULL"_s,
        uR"(CREATE TABLE contacts (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            company_id TEXT REFERENCES companies(id),
            emails TEXT NOT NULL DEFAULT '[]',
            phones TEXT NOT NULL DEFAULT '[]',
            address TEXT NOT NULL DEFAULT '{}',
            tags TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER))"_s,
        u"CREATE INDEX contacts_by_name ON contacts(sort_key, seq) WHERE deleted_at IS NULL"_s,
        u"CREATE INDEX contacts_by_company ON contacts(company_id) WHERE company_id IS NOT NULL"_s,
        // Every local change, in order, for the sync engine to push. Written in the same transaction
        // as the change itself.
        uR"(CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY,
            mutation_id TEXT NOT NULL UNIQUE,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            op TEXT NOT NULL,
            fields TEXT NOT NULL,
            created_at INTEGER NOT NULL))"_s,
    });
}

// v2: full-text search. unicode61 with remove_diacritics 2 makes "zoe" find "Zoë"; prefix indexes of 2
// and 3 characters keep search-as-you-type cheap. Existing rows are indexed in the same transaction.
Result<void> v2(Connection &conn)
{
    if (auto r = execAll(conn, {
            uR"(CREATE VIRTUAL TABLE contacts_fts USING fts5(name, emails, company, phones,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'))"_s,
            uR"(CREATE VIRTUAL TABLE companies_fts USING fts5(name, domain,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'))"_s,
        });
        !r)
        return r;
    return rebuildSearchIndex(conn);
}

// v3: local e-mail drafts (written by hand or by the AI, sent later through Gmail). Addresses are JSON
// lists as the API shows them; status moves draft -> queued -> sent once Gmail sending exists.
Result<void> v3(Connection &conn)
{
    return execAll(conn, {
        uR"(CREATE TABLE drafts (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            contact_id TEXT REFERENCES contacts(id),
            to_addrs TEXT NOT NULL DEFAULT '[]',
            cc_addrs TEXT NOT NULL DEFAULT '[]',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER))"_s,
        u"CREATE INDEX drafts_by_updated ON drafts(updated_at, seq) WHERE deleted_at IS NULL"_s,
        u"CREATE INDEX drafts_by_contact ON drafts(contact_id, updated_at, seq) WHERE deleted_at IS NULL"_s,
    });
}

// v4: AI conversations. A message keeps its status ("complete", "partial" after a failure or Stop) and
// the timings shown in the chat (time to first token, tokens/s) with the model that wrote it.
Result<void> v4(Connection &conn)
{
    return execAll(conn, {
        uR"(CREATE TABLE conversations (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER))"_s,
        uR"(CREATE TABLE messages (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'complete',
            error TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            ttft_ms INTEGER,
            tokens_per_s REAL,
            created_at INTEGER NOT NULL))"_s,
        u"CREATE INDEX messages_by_conversation ON messages(conversation_id, seq)"_s,
    });
}

// v5: local settings of this profile (the AI provider); never synced, never secrets.
Result<void> v5(Connection &conn)
{
    return execAll(conn, {
        uR"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at INTEGER NOT NULL))"_s,
    });
}

// v6: Gmail. A local cache of the mail exchanged with each contact (metadata and snippet only, so a
// contact's history reads offline), and the Gmail outbox: each send or Gmail draft keeps the MIME it
// was built with and the Message-ID we generated, so a retry sends the same bytes and a send that
// Google accepted before a crash is found (rfc822msgid:) instead of sent twice. Never a token.
Result<void> v6(Connection &conn)
{
    return execAll(conn, {
        uR"(CREATE TABLE gmail_messages (
            id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL,
            internal_date INTEGER NOT NULL,
            from_header TEXT NOT NULL DEFAULT '',
            to_header TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            snippet TEXT NOT NULL DEFAULT '',
            fetched_at INTEGER NOT NULL))"_s,
        uR"(CREATE TABLE gmail_contact_messages (
            contact_id TEXT NOT NULL,
            message_id TEXT NOT NULL REFERENCES gmail_messages(id) ON DELETE CASCADE,
            PRIMARY KEY (contact_id, message_id)) WITHOUT ROWID)"_s,
        uR"(CREATE TABLE gmail_contact_refresh (
            contact_id TEXT PRIMARY KEY,
            refreshed_at INTEGER NOT NULL))"_s,
        uR"(CREATE TABLE gmail_outbox (
            id TEXT PRIMARY KEY,
            draft_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('send', 'draft')),
            message_id TEXT NOT NULL,
            raw TEXT NOT NULL,
            thread_id TEXT,
            status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'done', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            gmail_id TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"_s,
        u"CREATE INDEX gmail_outbox_due ON gmail_outbox(status, next_attempt_at)"_s,
    });
}

// v7: sync identity and order. The profile's client id (made once; the node of its hybrid logical
// clock, dashes removed) and an HLC on every outbox mutation, so the server can merge field by field.
// Mutations recorded before carry an HLC made from their commit time, in their outbox order.
Result<void> v7(Connection &conn)
{
    QString node = QString::fromLatin1(newUuidV7());
    node.remove(u'-');
    const QString client = QString::fromStdString(nlohmann::json{{"client_id", node.toStdString()}}.dump());
    QSqlQuery insert(conn.db());
    insert.prepare(u"INSERT OR IGNORE INTO settings(key, value, updated_at) VALUES('sync.client', ?, 0)"_s);
    insert.addBindValue(client);
    if (!insert.exec())
        return sqlError(insert, "migrating the schema");
    return execAll(conn, {
        u"ALTER TABLE outbox ADD COLUMN hlc TEXT NOT NULL DEFAULT ''"_s,
        uR"(UPDATE outbox SET hlc = printf('%015d-%04x-', created_at, seq % 65536) ||
            json_extract((SELECT value FROM settings WHERE key = 'sync.client'), '$.client_id'))"_s,
    });
}

// v8: sync state. field_clocks keeps, per synced record, the HLC of each field's current value (an
// object {field: hlc}); each outbox mutation records the clocks its fields had before the edit
// ("bases"), which is how the server tells a concurrent edit from a sequential one. Conflicts are the
// edits of this profile that lost (or that the server refused), kept until the user settles them.
Result<void> v8(Connection &conn)
{
    return execAll(conn, {
        uR"(CREATE TABLE field_clocks (
            entity_id TEXT PRIMARY KEY,
            clocks TEXT NOT NULL) WITHOUT ROWID)"_s,
        u"ALTER TABLE outbox ADD COLUMN bases TEXT NOT NULL DEFAULT '{}'"_s,
        u"CREATE INDEX outbox_by_entity ON outbox(entity_id)"_s,
        uR"(CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('field', 'deleted', 'rejected')),
            mine TEXT NOT NULL,
            theirs TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept_mine', 'kept_theirs')),
            created_at INTEGER NOT NULL,
            resolved_at INTEGER))"_s,
        u"CREATE INDEX sync_conflicts_open ON sync_conflicts(status, created_at)"_s,
    });
}

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> list{{1, v1}, {2, v2}, {3, v3}, {4, v4}, {5, v5}, {6, v6}, {7, v7}, {8, v8}};
    return list;
}

} // namespace

int latestSchemaVersion()
{
    return allMigrations().back().version;
}

Result<int> migrateTo(Connection &conn, int target)
{
    return applyMigrations(conn, allMigrations(), target, "schema");
}

Result<void> execAll(Connection &conn, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery q(conn.db());
        if (!q.exec(sql))
            return sqlError(q, "migrating the schema");
    }
    return {};
}

Result<int> applyMigrations(Connection &conn, const std::vector<Migration> &steps, int target, std::string_view what)
{
    const std::string name(what);
    QSqlQuery q(conn.db());
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return sqlError(q, "reading the " + name + " version");
    int version = q.value(0).toInt();
    q.finish();
    for (const Migration &m : steps) {
        if (m.version <= version || m.version > target)
            continue;
        if (!q.exec(u"BEGIN IMMEDIATE"_s))
            return sqlError(q, "starting a migration");
        Result<void> applied = m.apply(conn);
        if (applied && !q.exec(u"PRAGMA user_version = "_s + QString::number(m.version)))
            applied = sqlError(q, "recording the " + name + " version");
        if (!applied) {
            q.exec(u"ROLLBACK"_s);
            return applied.error();
        }
        if (!q.exec(u"COMMIT"_s))
            return sqlError(q, "committing a migration");
        version = m.version;
    }
    return version;
}

} // namespace rapport
