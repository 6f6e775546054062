#pragma once
// One error shape for the whole gateway: a code, a human message, the offending field.
// Errors travel as values (Result<T>); exactly one place (httpStatus) maps them to statuses.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rapport {

enum class ErrorCode {
    BadRequest,        // 400 bad_request: malformed path, query or parameter
    InvalidJson,       // 400 invalid_json: body is not JSON / not an object
    ValidationFailed,  // 422 validation_failed: well-formed but wrong field values
    Unauthenticated,   // 401 unauthenticated: wrong email/password, or a missing, expired or revoked session
    NotFound,          // 404 not_found
    MethodNotAllowed,  // 405 method_not_allowed
    Conflict,          // 409 conflict: e.g. create with an id that already exists
    PayloadTooLarge,   // 413 payload_too_large
    RateLimited,       // 429 rate_limited (retry_after_ms set)
    StoreCorrupt,      // 500 store_corrupt: the database file is damaged or not a database
    StoreTooNew,       // 500 store_too_new: written by a newer Rapport
    StoreUnavailable,  // 503 store_unavailable: cannot open / busy / disk full
    Upstream,          // 502 upstream_error: the AI provider (or another service) failed; details say how
    Cancelled,         // 499 cancelled: the caller stopped it (Stop in the chat, Ctrl-C)
    UpgradeRequired,   // 426 upgrade_required: the other side speaks another sync protocol version
    Internal,          // 500 internal
};

std::string_view codeName(ErrorCode code);
ErrorCode codeFromName(std::string_view name);  // Internal for an unknown name
int httpStatus(ErrorCode code);

struct FieldError {
    std::string field;
    std::string message;
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string field;                // first offending field, empty when none
    std::vector<FieldError> details;  // every field error (validation), for inline messages
    std::int64_t retryAfterMs = -1;   // set with RateLimited

    static Error make(ErrorCode code, std::string message, std::string field = {});
    static Error validation(std::vector<FieldError> fields);  // field/message from the first entry
    static Error notFound(std::string_view what);             // "contact not found"

    int status() const { return httpStatus(code); }
    // {"error":{"code":"...","message":"...","field":"...","details":[...],"retry_after_ms":N}}
    nlohmann::json toJson() const;
    // The inverse of toJson() for a body received from elsewhere (a stream's caller, rapport-server's
    // client); an unknown code or shape becomes Internal, a missing message a generic one.
    static Error fromJson(const nlohmann::json &body);
};

// Value-or-error, the project's std::expected (C++20 has none).
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const & { return std::get<1>(m_v); }
    Error &&error() && { return std::get<1>(std::move(m_v)); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const & { return *m_error; }
    Error &&error() && { return std::move(*m_error); }

private:
    std::optional<Error> m_error;
};

} // namespace rapport
