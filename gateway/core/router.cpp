#include "core/router.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <exception>
#include <optional>
#include <stdexcept>

namespace rapport {

namespace {

// No route has more segments (add() enforces it), so the request side can split into a stack array.
constexpr std::size_t kMaxSegments = 16;

struct PathSegments {
    std::array<std::string_view, kMaxSegments> items;
    std::size_t count = 0;
    std::string decoded;  // storage for segments that held '%' escapes; reserved once, never reallocates
};

// Replaces each byte that does not start a well-formed UTF-8 sequence with U+FFFD, so a message built from
// untrusted text (an exception, a JSON parser's "last read" token) can always be serialized.
std::string sanitizeUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 1;
        while (n <= 4 && i + n <= text.size() && !isValidUtf8(text.substr(i, n)))
            ++n;
        if (n <= 4 && i + n <= text.size()) {
            out.append(text.substr(i, n));
            i += n;
        } else {
            out.append("\xEF\xBF\xBD");
            ++i;
        }
    }
    return out;
}

Response errorResponse(ErrorCode code, std::string message)
{
    return Response::fromError(Error::make(code, std::move(message)));
}

// "/contacts/a%2Fb/" -> {"contacts", "a/b"}. Returns an error response for a path that cannot match.
std::optional<Response> splitPath(std::string_view path, PathSegments &out)
{
    if (path.empty())
        return std::nullopt;  // "" is "/"
    if (path.front() != '/')
        return errorResponse(ErrorCode::BadRequest, "Path must start with '/'");
    if (!isValidUtf8(path))
        return errorResponse(ErrorCode::BadRequest, "Path is not valid UTF-8");
    path.remove_prefix(1);
    if (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    if (path.empty())
        return std::nullopt;
    if (path.find('%') != std::string_view::npos)
        out.decoded.reserve(path.size());

    while (true) {
        if (out.count == kMaxSegments)
            return errorResponse(ErrorCode::NotFound, "No route has that many path segments");
        const std::size_t slash = path.find('/');
        std::string_view segment = path.substr(0, slash);
        if (segment.find('%') != std::string_view::npos) {
            const std::size_t start = out.decoded.size();
            out.decoded += percentDecode(segment, false);
            segment = std::string_view(out.decoded).substr(start);
            if (!isValidUtf8(segment))
                return errorResponse(ErrorCode::BadRequest, "Path segment is not valid UTF-8 once decoded");
        }
        out.items[out.count++] = segment;
        if (slash == std::string_view::npos)
            return std::nullopt;
        path.remove_prefix(slash + 1);
    }
}

std::string invalidJsonMessage(const std::string &body)
{
    // The exception-free parse says only that it failed; parse again on this error path to say where.
    try {
        [[maybe_unused]] const auto parsed = nlohmann::json::parse(body);  // throws the error we describe
    } catch (const nlohmann::json::parse_error &e) {
        std::string_view what = e.what();
        const std::size_t tag = what.find("] ");  // drop "[json.exception.parse_error.101] "
        if (tag != std::string_view::npos)
            what.remove_prefix(tag + 2);
        return "Request body is not valid JSON: " + sanitizeUtf8(what);
    } catch (const std::exception &) {
    }
    return "Request body is not valid JSON";
}

std::string allowedList(unsigned mask, std::vector<FieldError> &details)
{
    std::string list;
    for (int m = 0; m <= static_cast<int>(Method::Delete); ++m) {
        if (!(mask & (1u << m)))
            continue;
        const std::string name(methodName(static_cast<Method>(m)));
        list += list.empty() ? name : ", " + name;
        details.push_back({"method", name});
    }
    return list;
}

} // namespace

Router::Router(Metrics &metrics, RateLimiter &limiter, RouterOptions options)
    : m_metrics(metrics)
    , m_limiter(limiter)
    , m_options(options)
{
}

void Router::add(Method method, std::string_view pattern, RouteClass cls, Handler handler)
{
    if (!handler)
        throw std::invalid_argument("route without a handler");
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route pattern must start with '/'");

    Route route{method, cls, {}, std::move(handler), nullptr};
    std::string_view rest = pattern.substr(1);
    if (!rest.empty() && rest.back() == '/')
        rest.remove_suffix(1);
    std::string key = std::string(methodName(method)) + ' ';
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view text = rest.substr(0, slash);
        const bool isParam = !text.empty() && text.front() == ':';
        if (text.empty() || text == ":")
            throw std::invalid_argument("route pattern has an empty segment or parameter name");
        route.segments.push_back({std::string(isParam ? text.substr(1) : text), isParam});
        key += '/';
        key += text;
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    if (route.segments.empty())
        key += '/';
    if (route.segments.size() > kMaxSegments)
        throw std::invalid_argument("route pattern has more than 16 segments");

    const auto sameShape = [&](const Route &other) {
        return other.method == method
            && std::equal(other.segments.begin(), other.segments.end(), route.segments.begin(),
                          route.segments.end(), [](const Segment &a, const Segment &b) {
                              return a.isParam == b.isParam && (a.isParam || a.text == b.text);
                          });
    };
    if (std::any_of(m_routes.begin(), m_routes.end(), sameShape))
        throw std::logic_error("duplicate route " + key);

    route.histogram = &m_metrics.histogram(key);
    // Keep literal-before-param order (leftmost difference decides) so the first match is the most
    // specific one: "/contacts/import" is tried before "/contacts/:id".
    const auto moreSpecific = [](const Route &a, const Route &b) {
        return std::lexicographical_compare(
            a.segments.begin(), a.segments.end(), b.segments.begin(), b.segments.end(),
            [](const Segment &x, const Segment &y) { return !x.isParam && y.isParam; });
    };
    m_routes.insert(std::upper_bound(m_routes.begin(), m_routes.end(), route, moreSpecific), std::move(route));
}

Response Router::handle(Request request) const
{
    const auto started = std::chrono::steady_clock::now();
    const Route *route = nullptr;
    Response response;
    try {
        response = dispatch(request, route);
    } catch (const std::exception &e) {
        response = errorResponse(ErrorCode::Internal, "Internal error: " + sanitizeUtf8(e.what()));
    } catch (...) {
        response = errorResponse(ErrorCode::Internal, "Internal error");
    }
    if (route) {
        const auto elapsed = std::chrono::steady_clock::now() - started;
        route->histogram->record(static_cast<std::uint64_t>(std::chrono::nanoseconds(elapsed).count()));
    }
    return response;
}

Response Router::dispatch(Request &request, const Route *&matched) const
{
    PathSegments segments;
    if (auto failed = splitPath(request.path, segments))
        return std::move(*failed);
    for (const auto &[key, value] : request.query) {
        if (!isValidUtf8(key) || !isValidUtf8(value))
            return errorResponse(ErrorCode::BadRequest, "Query string is not valid UTF-8 once decoded");
    }

    unsigned allowed = 0;
    for (const Route &candidate : m_routes) {
        if (candidate.segments.size() != segments.count)
            continue;
        bool matches = true;
        for (std::size_t i = 0; i < segments.count && matches; ++i) {
            const Segment &s = candidate.segments[i];
            matches = s.isParam ? !segments.items[i].empty() : segments.items[i] == s.text;
        }
        if (!matches)
            continue;
        if (candidate.method == request.method) {
            matched = &candidate;
            break;
        }
        allowed |= 1u << static_cast<unsigned>(candidate.method);
    }
    if (!matched) {
        const std::string target = std::string(methodName(request.method)) + ' ' + request.path;
        if (allowed == 0)
            return errorResponse(ErrorCode::NotFound, "No route for " + target);
        Error e = Error::make(ErrorCode::MethodNotAllowed, {});
        e.message = "Method not allowed: " + target + "; allowed: " + allowedList(allowed, e.details);
        return Response::fromError(e);
    }
    const Route &route = *matched;

    request.params.clear();
    for (std::size_t i = 0; i < segments.count; ++i) {
        if (route.segments[i].isParam)
            request.params.emplace_back(route.segments[i].text, segments.items[i]);
    }

    // The token is taken before the body is looked at: malformed or oversized requests are not a way
    // around the limit, and a refused caller costs no parsing.
    const RateLimiter::Decision decision = m_limiter.take(route.cls, request.identity);
    if (!decision.allowed) {
        Error e = Error::make(ErrorCode::RateLimited,
                              "Too many requests; retry in " + std::to_string(decision.retryAfterMs) + " ms");
        e.retryAfterMs = decision.retryAfterMs;
        return Response::fromError(e);
    }

    if (request.body.size() > m_options.maxBodyBytes) {
        return errorResponse(ErrorCode::PayloadTooLarge,
                             "Request body is " + std::to_string(request.body.size()) + " bytes; the limit is "
                                 + std::to_string(m_options.maxBodyBytes));
    }
    if (request.body.empty()) {
        request.json = nullptr;
    } else {
        request.json = nlohmann::json::parse(request.body, nullptr, false);
        if (request.json.is_discarded())
            return errorResponse(ErrorCode::InvalidJson, invalidJsonMessage(request.body));
        if (!request.json.is_object() && !request.json.is_array())
            return errorResponse(ErrorCode::InvalidJson, "Request body must be a JSON object or array");
    }

    Result<Response> result = route.handler(request);
    if (!result)
        return Response::fromError(result.error());
    return std::move(result).value();
}

} // namespace rapport
