#pragma once
// A Router with its collaborators, and handlers that show what the router handed over.

#include <string>

#include "core/router.h"

#include "core_test_support.h"

namespace rapport::test {

using json = nlohmann::json;

// Echoes the captured params and the parsed body.
inline Result<Response> echo(const Request &r)
{
    json params = json::object();
    for (const auto &[key, value] : r.params)
        params[key] = value;
    return Response::ok({{"params", params}, {"json", r.json}});
}

// Says which route answered.
inline Handler named(std::string name)
{
    return [name](const Request &) -> Result<Response> { return Response::ok({{"route", name}}); };
}

inline std::string errorCode(const Response &response)
{
    return response.body["error"]["code"].get<std::string>();
}

// Limits default to unlimited so only the rate tests see 429.
struct Fixture {
    explicit Fixture(RateLimits limits = RateLimits::unlimited(), RouterOptions options = {})
        : limiter(limits, clock)
        , router(metrics, limiter, options)
    {
    }
    Metrics metrics;
    ManualClock clock;
    RateLimiter limiter;
    Router router;
};

} // namespace rapport::test
