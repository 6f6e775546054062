#pragma once
// The credential primitives of rapport-server's accounts, free of storage: e-mail and password
// rules, Argon2id password hashes and session tokens (libsodium). Thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include <QByteArray>

#include "core/error.h"

namespace rapport::server {

// Starts libsodium once per process (any thread). StoreUnavailable-free: Internal when it cannot start
// (no usable random source).
Result<void> ensureSodium();

// Trimmed, NFC, case-folded (lower case in every script; also folds the Greek final sigma) form used
// as the account key. Internationalised addresses (RFC 6531: "zoë@example.com", "张伟@例子.中国") are
// accepted: a team's staff may well have them. Refused with ValidationFailed (field "email"): no or
// several '@', a dot-less domain, spaces, control and invisible formatting characters (they would make
// two accounts that look the same), quoted local parts and address literals, over 64 bytes before the
// '@' or 254 in all.
Result<std::string> normaliseEmail(std::string_view email);

// A new password: valid UTF-8, at least 10 characters (code points), at most 4096 bytes; returned in
// NFC so that "é" typed as one code point or as e + accent is the same password on every keyboard.
// ValidationFailed with field "password" otherwise.
Result<std::string> normaliseNewPassword(std::string_view password);
// The same NFC form for a sign-in attempt, without the length rule; nullopt when it could never match
// a stored password (not UTF-8, too long).
std::optional<std::string> normaliseLoginPassword(std::string_view password);

// Argon2id string ("$argon2id$v=19$m=65536,t=2,p=1$...") with libsodium's INTERACTIVE limits. At most a
// few hashes run at once per process (each takes 64 MiB), so a burst of sign-ins queues instead of
// exhausting memory. Internal when out of memory.
Result<std::string> hashPassword(std::string_view password);
bool verifyPassword(const std::string &storedHash, std::string_view password);
bool needsRehash(const std::string &storedHash);  // made with other limits than the current ones
// A hash of a random password, made once: checked against when an e-mail is unknown, so that the
// answer takes as long as for a known one.
const std::string &dummyPasswordHash();

// 32 random bytes as unpadded base64url: 43 characters.
std::string newSessionToken();
bool looksLikeSessionToken(std::string_view token);  // shape only: 43 base64url characters
QByteArray sessionTokenHash(std::string_view token);  // SHA-256 of the token text: the at-rest form
// SHA-256 of "kind:value": the rate limiter's key, so failed sign-ins do not store what was typed.
QByteArray limiterKey(std::string_view kind, std::string_view value);

} // namespace rapport::server
