#include "ai/ai_error.h"

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace rapport::ai {

namespace {
using json = nlohmann::json;

QString stringMember(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

QString userMessage(AiErrorKind kind, qint64 retryAfterMs, const QString &model)
{
    switch (kind) {
    case AiErrorKind::BadKey:
        return u"The API key was rejected. Check it in Settings."_s;
    case AiErrorKind::OutOfCredit:
        return u"The AI provider account has run out of credit. Add credit or use another key in Settings."_s;
    case AiErrorKind::Forbidden:
        return u"This API key may not use the chosen model. Check the key and the model in Settings."_s;
    case AiErrorKind::UnknownModel:
        return u"The AI model \"%1\" was not found. Check the model in Settings."_s.arg(model);
    case AiErrorKind::TooLarge:
        return u"The request is too large for the AI provider. Shorten the text and try again."_s;
    case AiErrorKind::RateLimited:
        if (retryAfterMs >= 0)
            return u"Rate limited by the provider: retry in %1 s."_s.arg((retryAfterMs + 999) / 1000);
        return u"Rate limited by the provider: try again in a moment."_s;
    case AiErrorKind::Overloaded:
        return u"The AI provider is overloaded; try again in a moment."_s;
    case AiErrorKind::BadRequest:
        return u"The AI provider refused the request. Check the AI settings."_s;
    case AiErrorKind::Network:
        return u"Could not reach the AI provider. Check your internet connection."_s;
    case AiErrorKind::Timeout:
        return u"The AI provider stopped responding. Try again."_s;
    case AiErrorKind::Truncated:
        return u"The answer was cut off before it finished."_s;
    case AiErrorKind::InStreamError:
        return u"The AI provider reported an error while answering."_s;
    case AiErrorKind::Protocol:
        return u"The AI provider sent a reply Rapport could not read. Check the address in Settings."_s;
    case AiErrorKind::Cancelled:
        return u"Cancelled."_s;
    }
    return {};
}
} // namespace

const char *kindName(AiErrorKind kind)
{
    switch (kind) {
    case AiErrorKind::BadKey: return "bad_key";
    case AiErrorKind::OutOfCredit: return "out_of_credit";
    case AiErrorKind::Forbidden: return "forbidden";
    case AiErrorKind::UnknownModel: return "unknown_model";
    case AiErrorKind::TooLarge: return "too_large";
    case AiErrorKind::RateLimited: return "rate_limited";
    case AiErrorKind::Overloaded: return "overloaded";
    case AiErrorKind::BadRequest: return "bad_request";
    case AiErrorKind::Network: return "network";
    case AiErrorKind::Timeout: return "timeout";
    case AiErrorKind::Truncated: return "truncated";
    case AiErrorKind::InStreamError: return "in_stream_error";
    case AiErrorKind::Protocol: return "protocol";
    case AiErrorKind::Cancelled: return "cancelled";
    }
    return "unknown";
}

QString providerMessage(const QByteArray &body)
{
    constexpr qsizetype maxChars = 300;
    QString text;
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_object()) {
        const auto error = doc.find("error");
        if (error != doc.end() && error->is_object())
            text = stringMember(*error, "message");
        else if (error != doc.end() && error->is_string())
            text = QString::fromStdString(error->get<std::string>());
        if (text.isEmpty())
            text = stringMember(doc, "message");
        if (text.isEmpty()) {
            const auto fault = doc.find("fault");
            if (fault != doc.end())
                text = stringMember(*fault, "faultstring");
        }
    }
    if (text.isEmpty())
        text = QString::fromUtf8(body).simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + u'…';
    return text;
}

AiError errorFromHttp(int httpStatus, const QByteArray &body, qint64 retryAfterMs, const QString &model)
{
    AiErrorKind kind = AiErrorKind::BadRequest;
    switch (httpStatus) {
    case 401: kind = AiErrorKind::BadKey; break;
    case 402: kind = AiErrorKind::OutOfCredit; break;
    case 403: kind = AiErrorKind::Forbidden; break;
    case 404: kind = AiErrorKind::UnknownModel; break;
    case 408: kind = AiErrorKind::Timeout; break;
    case 413: kind = AiErrorKind::TooLarge; break;
    case 429: kind = AiErrorKind::RateLimited; break;
    default:
        if (httpStatus >= 500)
            kind = AiErrorKind::Overloaded;
        else if (httpStatus >= 300 && httpStatus < 400)
            kind = AiErrorKind::Protocol;  // redirects are not followed for a POST
    }
    AiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.retryAfterMs = kind == AiErrorKind::RateLimited ? retryAfterMs : -1;
    error.message = userMessage(kind, error.retryAfterMs, model);
    error.detail = u"HTTP %1: %2"_s.arg(httpStatus).arg(providerMessage(body));
    return error;
}

AiError makeError(AiErrorKind kind, QString detail)
{
    AiError error;
    error.kind = kind;
    error.message = userMessage(kind, -1, {});
    error.detail = std::move(detail);
    return error;
}

} // namespace rapport::ai
