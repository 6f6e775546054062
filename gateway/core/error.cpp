#include "core/error.h"

#include <nlohmann/json.hpp>

namespace rapport {

std::string_view codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest: return "bad_request";
    case ErrorCode::InvalidJson: return "invalid_json";
    case ErrorCode::ValidationFailed: return "validation_failed";
    case ErrorCode::Unauthenticated: return "unauthenticated";
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
    case ErrorCode::UpgradeRequired: return "upgrade_required";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

ErrorCode codeFromName(std::string_view name)
{
    for (int i = 0; i <= static_cast<int>(ErrorCode::Internal); ++i)
        if (codeName(static_cast<ErrorCode>(i)) == name)
            return static_cast<ErrorCode>(i);
    return ErrorCode::Internal;
}

// The one place that maps errors to HTTP statuses; no default so a new code is a compiler warning.
int httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest: return 400;
    case ErrorCode::InvalidJson: return 400;
    case ErrorCode::ValidationFailed: return 422;
    case ErrorCode::Unauthenticated: return 401;
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
    case ErrorCode::UpgradeRequired: return 426;
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

Error Error::fromJson(const nlohmann::json &body)
{
    static const nlohmann::json empty = nlohmann::json::object();
    const auto it = body.is_object() ? body.find("error") : body.end();
    const nlohmann::json &e = (body.is_object() && it != body.end() && it->is_object()) ? *it : empty;
    auto text = [&e](const char *key, std::string fallback) {
        auto v = e.find(key);
        return v != e.end() && v->is_string() ? v->get<std::string>() : std::move(fallback);
    };
    Error out;
    out.code = codeFromName(text("code", {}));
    out.message = text("message", "The request failed");
    out.field = text("field", {});
    if (auto r = e.find("retry_after_ms"); r != e.end() && r->is_number_integer())
        out.retryAfterMs = r->get<std::int64_t>();
    if (auto d = e.find("details"); d != e.end() && d->is_array())
        for (const auto &item : *d)
            if (item.is_object()) {
                auto f = item.find("field"), m = item.find("message");
                out.details.push_back({f != item.end() && f->is_string() ? f->get<std::string>() : std::string(),
                                       m != item.end() && m->is_string() ? m->get<std::string>() : std::string()});
            }
    return out;
}

} // namespace rapport
