#include "server/accounts.h"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include <QSqlQuery>
#include <QVariant>

#include "core/request.h"  // isValidUtf8
#include "server/credentials.h"
#include "server/server_store.h"
#include "store/timefmt.h"
#include "store/uuid.h"

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {
constexpr const char *kWrongCredentials = "Wrong email or password";
constexpr const char *kInvalidSession = "The session is not valid; sign in again";
// last_seen_at is for an admin's "who is signed in" view: minutes are precise enough, and it spares a
// write on every request.
constexpr std::int64_t kLastSeenEveryMs = 5LL * 60 * 1000;
// Expired and revoked sessions are kept a week, so a client is told "expired" rather than "not valid".
constexpr std::int64_t kKeepDeadSessionsMs = 7LL * 24 * 3600 * 1000;

Error unauthenticated(const char *message)
{
    return Error::make(ErrorCode::Unauthenticated, message);
}

// A cached prepared statement with its values bound in order.
QSqlQuery &bound(Connection &conn, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery &q = conn.prepare(sql);
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    return q;
}

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

// The rows a sign-in attempt reserved in login_failures before its password check: they count as
// failures for concurrent attempts, and stay as failures unless the sign-in succeeds.
struct Accounts::Attempt {
    QByteArray accountKey;
    qint64 addressRow = 0;
};

Accounts::Accounts(ServerStore &store, AccountPolicy policy, WallClock clock)
    : m_store(store), m_policy(policy), m_clock(std::move(clock))
{
}

Result<std::unique_ptr<Accounts>> Accounts::create(ServerStore &store, AccountPolicy policy, WallClock clock)
{
    if (auto r = ensureSodium(); !r)
        return std::move(r).error();
    if (dummyPasswordHash().empty())
        return Error::make(ErrorCode::Internal, "Not enough memory to hash passwords");
    if (!clock)
        clock = [] { return nowMs(); };
    return std::unique_ptr<Accounts>(new Accounts(store, policy, std::move(clock)));
}

Result<Team> Accounts::initTeam(std::string_view name)
{
    const QString trimmed =
        isValidUtf8(name) ? qs(name).trimmed().normalized(QString::NormalizationForm_C) : QString();
    if (trimmed.isEmpty() || trimmed.toUcs4().size() > 100 ||
        std::any_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error::validation({{"name", "The team name needs 1 to 100 characters, without control characters"}});
    Team team{newUuidV7(), trimmed.toStdString()};
    const qint64 now = m_clock();
    return m_store.write<Team>([&](WriteTxn &txn) -> Result<Team> {
        QSqlQuery &existing = txn.conn.prepare(u"SELECT name FROM teams LIMIT 1"_s);
        if (auto r = exec(existing, "reading the team"); !r)
            return std::move(r).error();
        if (existing.next()) {
            const std::string current = existing.value(0).toString().toStdString();
            existing.finish();
            return Error::make(ErrorCode::Conflict, "This server already has a team: " + current);
        }
        existing.finish();
        QSqlQuery &insert = bound(txn.conn, u"INSERT INTO teams(id, name, created_at) VALUES (?, ?, ?)"_s,
                                  {text(team.id), text(team.name), now});
        if (auto r = exec(insert, "creating the team"); !r)
            return std::move(r).error();
        return team;
    });
}

Result<User> Accounts::addUser(std::string_view email, std::string_view password, bool isAdmin)
{
    auto normalised = normaliseEmail(email);
    if (!normalised)
        return std::move(normalised).error();
    auto pw = normaliseNewPassword(password);
    if (!pw)
        return std::move(pw).error();
    auto hash = hashPassword(*pw);  // before the transaction: it takes a tenth of a second
    if (!hash)
        return std::move(hash).error();
    User user{newUuidV7(), {}, *normalised, isAdmin};
    const qint64 now = m_clock();
    return m_store.write<User>([&](WriteTxn &txn) -> Result<User> {
        QSqlQuery &team = txn.conn.prepare(u"SELECT id FROM teams LIMIT 1"_s);
        if (auto r = exec(team, "reading the team"); !r)
            return std::move(r).error();
        if (!team.next())
            return Error::make(ErrorCode::Conflict, "There is no team yet: run `rapport-server init` first");
        user.teamId = team.value(0).toString().toStdString();
        team.finish();
        // Checked inside the write transaction, so two concurrent adds cannot both pass.
        QSqlQuery &taken = bound(txn.conn, u"SELECT 1 FROM users WHERE email = ?"_s, {text(user.email)});
        if (auto r = exec(taken, "checking the email"); !r)
            return std::move(r).error();
        const bool exists = taken.next();
        taken.finish();
        if (exists)
            return Error::make(ErrorCode::Conflict, "A user with this email already exists", "email");
        QSqlQuery &insert = bound(txn.conn,
            u"INSERT INTO users(id, team_id, email, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
            {text(user.id), text(user.teamId), text(user.email), text(*hash), isAdmin ? 1 : 0, now});
        if (auto r = exec(insert, "adding the user"); !r)
            return std::move(r).error();
        return user;
    });
}

Result<Accounts::Attempt> Accounts::beginAttempt(const std::string &account, std::string_view remoteAddress)
{
    Attempt attempt{limiterKey("account", account), 0};
    const QByteArray addressKey = limiterKey("address", remoteAddress);
    const qint64 now = m_clock();
    const qint64 windowStart = now - m_policy.failureWindowMs;
    // Check and reserve in one write transaction: concurrent attempts are serialised by the writer, so
    // a burst of parallel guesses cannot all slip under the limit before any of them is counted.
    return m_store.write<Attempt>([&](WriteTxn &txn) -> Result<Attempt> {
        if (auto r = exec(bound(txn.conn, u"DELETE FROM login_failures WHERE at <= ?"_s, {windowStart}),
                          "forgetting old failed sign-ins"); !r)
            return std::move(r).error();
        qint64 retryAfterMs = 0;
        for (const QByteArray &key : {attempt.accountKey, addressKey}) {
            // The maxFailures-th newest failure in the window: while it exists the key is over the limit,
            // and it leaves the window first among those that keep it there.
            QSqlQuery &q = bound(txn.conn,
                u"SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?"_s,
                {key, windowStart, std::max(m_policy.maxFailures - 1, 0)});
            if (auto r = exec(q, "counting failed sign-ins"); !r)
                return std::move(r).error();
            if (q.next())
                retryAfterMs = std::max(retryAfterMs, q.value(0).toLongLong() + m_policy.failureWindowMs - now);
            q.finish();
        }
        if (retryAfterMs > 0) {
            // The same answer for every e-mail, known or not: it tells nothing about accounts.
            Error e = Error::make(ErrorCode::RateLimited, "Too many failed sign-in attempts. Try again in " +
                                  std::to_string((retryAfterMs + 59'999) / 60'000) + " minute(s).");
            e.retryAfterMs = retryAfterMs;
            return e;
        }
        QSqlQuery &insert = txn.conn.prepare(u"INSERT INTO login_failures(key, at) VALUES (?, ?)"_s);
        for (const QByteArray &key : {attempt.accountKey, addressKey}) {
            insert.bindValue(0, key);
            insert.bindValue(1, now);
            if (auto r = exec(insert, "counting a sign-in attempt"); !r)
                return std::move(r).error();
        }
        attempt.addressRow = insert.lastInsertId().toLongLong();
        return attempt;
    });
}

Result<Session> Accounts::login(std::string_view email, std::string_view password, std::string_view remoteAddress)
{
    if (email.empty())
        return Error::validation({{"email", "Enter your email address"}});
    if (password.empty())
        return Error::validation({{"password", "Enter your password"}});
    auto normalised = normaliseEmail(email);
    // A malformed e-mail is counted and answered like an unknown one, so the rules leak nothing either.
    auto attempt = beginAttempt(normalised ? *normalised : std::string(email), remoteAddress);
    if (!attempt)
        return std::move(attempt).error();

    struct Row {
        std::string id, teamId, hash;
        bool disabled = false;
    };
    std::optional<Row> row;
    if (normalised) {
        QSqlQuery &q = bound(m_store.reader(),
            u"SELECT id, team_id, password_hash, disabled_at IS NOT NULL FROM users WHERE email = ?"_s,
            {text(*normalised)});
        if (auto r = exec(q, "looking up the user"); !r)
            return std::move(r).error();
        if (q.next())
            row = Row{q.value(0).toString().toStdString(), q.value(1).toString().toStdString(),
                      q.value(2).toString().toStdString(), q.value(3).toBool()};
        q.finish();
    }
    // Always one Argon2id verification, against a dummy hash when there is no such user: the time taken
    // must not tell whether an e-mail has an account.
    const auto pw = normaliseLoginPassword(password);
    const std::string_view checked = pw ? std::string_view(*pw) : password.substr(0, 4096);  // bounded work
    const bool matches = verifyPassword(row ? row->hash : dummyPasswordHash(), checked);
    if (!matches || !pw || !row || row->disabled)
        return unauthenticated(kWrongCredentials);  // the reserved rows stay: this was a failure

    std::optional<std::string> rehashed;  // limits raised since this hash was made: upgrade it now
    if (needsRehash(row->hash))
        if (auto h = hashPassword(*pw))
            rehashed = *h;
    Session session{newSessionToken(), row->id, row->teamId, 0};
    const qint64 now = m_clock();
    session.expiresAtMs = now + m_policy.sessionLifetimeMs;
    auto stored = m_store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        // This success clears the account's failures and its own reservation for the address; earlier
        // failures from the address stay, or one known account would reset an attacker's counter.
        if (auto r = exec(bound(txn.conn, u"DELETE FROM login_failures WHERE key = ? OR id = ?"_s,
                                {attempt->accountKey, attempt->addressRow}), "clearing failed sign-ins"); !r)
            return std::move(r).error();
        const qint64 deadBefore = now - kKeepDeadSessionsMs;
        if (auto r = exec(bound(txn.conn, u"DELETE FROM sessions WHERE expires_at <= ? OR revoked_at <= ?"_s,
                                {deadBefore, deadBefore}), "forgetting old sessions"); !r)
            return std::move(r).error();
        QSqlQuery &insert = bound(txn.conn,
            u"INSERT INTO sessions(token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)"_s,
            {sessionTokenHash(session.token), text(session.userId), now, qint64(session.expiresAtMs), now});
        if (auto r = exec(insert, "starting the session"); !r)
            return std::move(r).error();
        if (rehashed) {
            QSqlQuery &update = bound(txn.conn,
                u"UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?"_s,
                {text(*rehashed), text(row->id), text(row->hash)});
            if (auto r = exec(update, "upgrading the password hash"); !r)
                return std::move(r).error();
        }
        return true;
    });
    if (!stored)
        return std::move(stored).error();
    return session;
}

Result<Identity> Accounts::authenticate(std::string_view token)
{
    if (!looksLikeSessionToken(token))
        return unauthenticated(kInvalidSession);
    const QByteArray hash = sessionTokenHash(token);
    // Looked up by its hash: lookup timing can at most reveal bits of a hash, which does not help to
    // forge a 256-bit token.
    QSqlQuery &q = bound(m_store.reader(),
        uR"(SELECT s.user_id, s.expires_at, s.revoked_at IS NOT NULL, s.last_seen_at,
                   u.team_id, u.email, u.is_admin, u.disabled_at IS NOT NULL
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?)"_s, {hash});
    if (auto r = exec(q, "checking the session"); !r)
        return std::move(r).error();
    if (!q.next())
        return unauthenticated(kInvalidSession);
    Identity who{q.value(0).toString().toStdString(), q.value(4).toString().toStdString(),
                 q.value(5).toString().toStdString(), q.value(6).toInt() != 0};
    const qint64 expiresAt = q.value(1).toLongLong();
    const bool revoked = q.value(2).toBool();
    const qint64 lastSeen = q.value(3).toLongLong();
    const bool disabled = q.value(7).toBool();
    q.finish();

    const qint64 now = m_clock();
    if (revoked || disabled)
        return unauthenticated(kInvalidSession);
    if (expiresAt <= now)
        return unauthenticated("The session has expired; sign in again");
    if (now - lastSeen >= kLastSeenEveryMs) {
        auto seen = m_store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
            if (auto r = exec(bound(txn.conn, u"UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"_s,
                                    {now, hash}), "noting the session's use"); !r)
                return std::move(r).error();
            return true;
        });
        if (!seen)  // bookkeeping only: the session is still valid
            qWarning("rapport-server: %s", seen.error().message.c_str());
    }
    return who;
}

Result<void> Accounts::logout(std::string_view token)
{
    if (!looksLikeSessionToken(token))
        return unauthenticated(kInvalidSession);
    const QByteArray hash = sessionTokenHash(token);
    const qint64 now = m_clock();
    auto done = m_store.write<bool>([&](WriteTxn &txn) -> Result<bool> {
        QSqlQuery &revoke = bound(txn.conn,
            u"UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL"_s, {now, hash});
        if (auto r = exec(revoke, "signing out"); !r)
            return std::move(r).error();
        if (revoke.numRowsAffected() > 0)
            return true;
        QSqlQuery &known = bound(txn.conn, u"SELECT 1 FROM sessions WHERE token_hash = ?"_s, {hash});
        if (auto r = exec(known, "signing out"); !r)
            return std::move(r).error();
        const bool exists = known.next();
        known.finish();
        if (!exists)
            return unauthenticated(kInvalidSession);
        return true;  // already revoked: signing out twice is not an error
    });
    if (!done)
        return std::move(done).error();
    return {};
}

} // namespace rapport::server
