#pragma once
// rapport-server's accounts and sessions: one team per server, its users, and sign-in sessions.
//
// Promises:
// - Passwords are kept only as Argon2id hashes; session tokens only as SHA-256 hashes. Neither the
//   password nor the token can be read back from server.db.
// - A failed sign-in answers Unauthenticated with the same text whether the e-mail is unknown, the
//   account disabled or the password wrong, after about the same time (an unknown e-mail is checked
//   against a dummy hash).
// - Failed sign-ins are limited per account and per remote address (by default 5 in 15 minutes each):
//   the next attempt answers RateLimited with retryAfterMs, before any password check, for known and
//   unknown e-mails alike. A successful sign-in clears the account's count, never the address's.
// - Every call is safe from any thread; calls block on password hashing and the database, so the HTTP
//   adapter runs them off its event loop.
//
// Error codes: ValidationFailed (422, field "email"/"password"/"name"), Unauthenticated (401),
// Conflict (409: team already set up, e-mail taken, no team yet), RateLimited (429), Store* / Internal.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace rapport::server {

class ServerStore;

struct Team {
    std::string id;
    std::string name;
};

struct User {
    std::string id;
    std::string teamId;
    std::string email;  // normalised
    bool isAdmin = false;
};

struct Session {
    std::string token;  // the only copy: hand it to the client, never log it
    std::string userId;
    std::string teamId;
    std::int64_t expiresAtMs = 0;  // Unix ms
};

// Who a valid session belongs to; what the HTTP adapter puts on a Request.
struct Identity {
    std::string userId;
    std::string teamId;
    std::string email;
    bool isAdmin = false;
};

struct AccountPolicy {
    std::int64_t sessionLifetimeMs = 30LL * 24 * 3600 * 1000;  // fixed from sign-in, not sliding
    int maxFailures = 5;                                        // per account and per address ...
    std::int64_t failureWindowMs = 15LL * 60 * 1000;            // ... within this sliding window
};

// Wall-clock time in Unix ms (sessions outlive the process, so a monotonic clock will not do).
using WallClock = std::function<std::int64_t()>;

class Accounts {
public:
    // Starts libsodium and makes the dummy hash (one Argon2id run). clock defaults to the system clock.
    static Result<std::unique_ptr<Accounts>> create(ServerStore &store, AccountPolicy policy = {},
                                                    WallClock clock = {});

    // First run: creates the server's one team. Conflict when it already has one.
    Result<Team> initTeam(std::string_view name);
    // Adds a user to the team. The e-mail is normalised (see normaliseEmail); Conflict when taken in
    // any letter case, or when initTeam has not run yet.
    Result<User> addUser(std::string_view email, std::string_view password, bool isAdmin);

    // remoteAddress is the peer address as the HTTP adapter sees it ("127.0.0.1", "::1").
    Result<Session> login(std::string_view email, std::string_view password, std::string_view remoteAddress);
    // Unauthenticated for an unknown, malformed, expired or revoked token, or a disabled user.
    Result<Identity> authenticate(std::string_view token);
    // Revokes the session. Ok when it was valid, expired or already revoked; Unauthenticated when unknown.
    Result<void> logout(std::string_view token);

private:
    Accounts(ServerStore &store, AccountPolicy policy, WallClock clock);
    struct Attempt;
    Result<Attempt> beginAttempt(const std::string &accountKeySource, std::string_view remoteAddress);

    ServerStore &m_store;
    AccountPolicy m_policy;
    WallClock m_clock;
};

} // namespace rapport::server
