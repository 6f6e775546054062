#include "core/error.h"

#include <nlohmann/json.hpp>

namespace rapport {

std::string_view codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest: return "bad_request";
    case ErrorCode::InvalidJson: return "invalid_json";
    case ErrorCode::ValidationFailed: return "validation_failed";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::MethodNotAllowed: return "method_not_allowed";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::PayloadTooLarge: return "payload_too_large";
    case ErrorCode::RateLimited: return "rate_limited";
    case ErrorCode::StoreCorrupt: return "store_corrupt";
    case ErrorCode::StoreTooNew: return "store_too_new";
    case ErrorCode::StoreUnavailable: return "store_unavailable";
    case ErrorCode::Upstream: return "upstream_error";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

// The one place that maps errors to HTTP statuses; no default so a new code is a compiler warning.
int httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest: return 400;
    case ErrorCode::InvalidJson: return 400;
    case ErrorCode::ValidationFailed: return 422;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::StoreCorrupt: return 500;
    case ErrorCode::StoreTooNew: return 500;
    case ErrorCode::StoreUnavailable: return 503;
    case ErrorCode::Upstream: return 502;
    case ErrorCode::Cancelled: return 499;  // nginx's "client closed request": not the server's fault
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

Error Error::make(ErrorCode code, std::string message, std::string field)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.field = std::move(field);
    return e;
}

Error Error::validation(std::vector<FieldError> fields)
{
    Error e;
    e.code = ErrorCode::ValidationFailed;
    if (fields.empty()) {
        e.message = "validation failed";
    } else {
        e.field = fields.front().field;
        e.message = fields.front().message;
    }
    e.details = std::move(fields);
    return e;
}

Error Error::notFound(std::string_view what)
{
    std::string message(what);
    message += " not found";
    return make(ErrorCode::NotFound, std::move(message));
}

nlohmann::json Error::toJson() const
{
    nlohmann::json inner = {{"code", codeName(code)}, {"message", message}};
    if (!field.empty())
        inner["field"] = field;
    if (!details.empty()) {
        auto list = nlohmann::json::array();
        for (const FieldError &d : details)
            list.push_back({{"field", d.field}, {"message", d.message}});
        inner["details"] = std::move(list);
    }
    if (retryAfterMs >= 0)
        inner["retry_after_ms"] = retryAfterMs;
    return {{"error", std::move(inner)}};
}

} // namespace rapport
