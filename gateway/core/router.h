#pragma once
// The route table: "METHOD /path/:param -> handler", wrapped by one middleware chain
// (body limit + JSON parse, rate limit, timing, error mapping). handle() is thread-safe
// once registration is done and never throws.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/metrics.h"
#include "core/ratelimiter.h"
#include "core/request.h"
#include "core/response.h"

namespace rapport {

using Handler = std::function<Result<Response>(const Request &)>;

struct RouterOptions {
    std::size_t maxBodyBytes = 1024 * 1024;  // larger bodies: 413 payload_too_large
};

class Router {
public:
    Router(Metrics &metrics, RateLimiter &limiter, RouterOptions options = {});

    // pattern: "/contacts/:id"; literal segments match exactly, ":name" captures one segment.
    void add(Method method, std::string_view pattern, RouteClass cls, Handler handler);
    void get(std::string_view pattern, Handler h) { add(Method::Get, pattern, RouteClass::Read, std::move(h)); }
    void post(std::string_view pattern, Handler h) { add(Method::Post, pattern, RouteClass::Write, std::move(h)); }
    void patch(std::string_view pattern, Handler h) { add(Method::Patch, pattern, RouteClass::Write, std::move(h)); }
    void del(std::string_view pattern, Handler h) { add(Method::Delete, pattern, RouteClass::Write, std::move(h)); }

    // 404 not_found when no pattern matches, 405 method_not_allowed (details list allowed methods) when
    // the path matches with another method, 413 over the body limit, 400 invalid_json for a body that is
    // not a JSON object/array, 429 rate_limited, handler errors via Error::status(), exceptions -> 500.
    Response handle(Request request) const;
    Response call(Method method, std::string_view target, std::string body = {}) const {
        return handle(Request::make(method, target, std::move(body)));
    }

private:
    struct Segment {
        std::string text;
        bool isParam = false;
    };
    struct Route {
        Method method;
        RouteClass cls;
        std::vector<Segment> segments;
        Handler handler;
        LatencyHistogram *histogram;
    };
    // Everything handle() does but timing and exception mapping; sets matched once a route is found.
    Response dispatch(Request &request, const Route *&matched) const;

    Metrics &m_metrics;
    RateLimiter &m_limiter;
    RouterOptions m_options;
    std::vector<Route> m_routes;
};

} // namespace rapport
