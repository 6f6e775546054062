// server.db's versioned schema: PRAGMA user_version holds the version; each step runs in one
// transaction, so a crash mid-migration leaves the previous version intact. Times are Unix ms.

#include <functional>
#include <vector>

#include <QSqlQuery>
#include <QStringList>

#include "server/server_store.h"
#include "store/migrations.h"

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

// v1: accounts and sessions.
Result<void> v1(Connection &conn)
{
    return execAll(conn, {
        u"PRAGMA application_id = "_s + QString::number(ServerStore::kApplicationId),
        uR"(CREATE TABLE teams (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL))"_s,
        // email is stored normalised (NFC, case-folded), so UNIQUE alone makes it case-insensitive in every
        // script; NOCASE on top keeps ASCII safe even if a row was ever written unnormalised.
        uR"(CREATE TABLE users (
            id TEXT PRIMARY KEY,
            team_id TEXT NOT NULL REFERENCES teams(id),
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            is_admin INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            disabled_at INTEGER))"_s,
        u"CREATE INDEX users_by_team ON users(team_id)"_s,
        // Only a SHA-256 of the token is kept: a copy of this file does not let anyone sign in.
        uR"(CREATE TABLE sessions (
            token_hash BLOB PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id),
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked_at INTEGER,
            last_seen_at INTEGER NOT NULL) WITHOUT ROWID)"_s,
        u"CREATE INDEX sessions_by_user ON sessions(user_id)"_s,
        u"CREATE INDEX sessions_by_expiry ON sessions(expires_at)"_s,
        // One row per failed (or in-flight) sign-in per key; key is a SHA-256 of "account:EMAIL" or
        // "address:IP", so an email or a password typed into the email field is not kept in clear.
        // In the database rather than in memory so limits hold across restarts and across several
        // server processes sharing one database.
        uR"(CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            key BLOB NOT NULL,
            at INTEGER NOT NULL))"_s,
        u"CREATE INDEX login_failures_by_key ON login_failures(key, at)"_s,
        u"CREATE INDEX login_failures_by_time ON login_failures(at)"_s,
    });
}

// v2: sync. Each record's current state (field values with the HLC that wrote each) carries the team
// sequence number of its latest change, so the pull feed is "records with seq > cursor": one row per
// record however often it changed, and a pull can never skip a commit (one writer). sync_applied is
// the exactly-once memory: every answered mutation's answer, returned again on a retried push.
Result<void> v2(Connection &conn)
{
    return execAll(conn, {
        // A rowid table (not WITHOUT ROWID): a record's fields run to a kilobyte, too large to keep inside
        // the key's b-tree; saved by upsert, so an update never deletes and re-inserts the row.
        uR"(CREATE TABLE sync_records (
            id INTEGER PRIMARY KEY,
            entity_id TEXT NOT NULL UNIQUE,
            team_id TEXT NOT NULL REFERENCES teams(id),
            entity TEXT NOT NULL,
            seq INTEGER NOT NULL,
            fields TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            life_hlc TEXT NOT NULL))"_s,
        u"CREATE UNIQUE INDEX sync_records_feed ON sync_records(team_id, seq)"_s,
        uR"(CREATE TABLE sync_applied (
            team_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            mutation_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            PRIMARY KEY (team_id, client_id, mutation_id)) WITHOUT ROWID)"_s,
        uR"(CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY,
            team_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            loser_client TEXT NOT NULL,
            body TEXT NOT NULL))"_s,
        u"CREATE INDEX sync_conflicts_feed ON sync_conflicts(team_id, loser_client, seq)"_s,
        uR"(CREATE TABLE sync_counters (
            team_id TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL))"_s,
    });
}

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> list{{1, v1}, {2, v2}};
    return list;
}

} // namespace

int latestServerSchemaVersion()
{
    return allMigrations().back().version;
}

Result<int> migrateServerTo(Connection &conn, int target)
{
    return applyMigrations(conn, allMigrations(), target, "server schema");
}

} // namespace rapport::server
