#include "server_routes.h"

#include <nlohmann/json.hpp>

#include "core/router.h"
#include "server/accounts.h"
#include "store/timefmt.h"

namespace rapportserver {

using rapport::Error;
using rapport::ErrorCode;
using rapport::Request;
using rapport::Response;
using rapport::Result;

namespace {

// A string field of the JSON body, or a validation error naming it.
Result<std::string> stringField(const Request &request, const char *name)
{
    if (!request.json.is_object())
        return Error::make(ErrorCode::InvalidJson, "the body must be a JSON object");
    const auto it = request.json.find(name);
    if (it == request.json.end() || !it->is_string())
        return Error::validation({{name, std::string(name) + " is required and must be a string"}});
    return it->get<std::string>();
}

} // namespace

Result<rapport::server::Identity> signedIn(rapport::server::Accounts &accounts, const Request &request)
{
    if (request.bearerToken.empty())
        return Error::make(ErrorCode::Unauthenticated, "sign in first (Authorization: Bearer <token>)");
    return accounts.authenticate(request.bearerToken);
}

void addServerRoutes(rapport::Router &router, rapport::server::Accounts &accounts)
{
    router.get("/health", [](const Request &) -> Result<Response> { return Response::ok({{"ok", true}}); });

    // Accounts limits failed sign-ins per account and per address itself, so the router's Write class.
    router.post("/auth/login", [&accounts](const Request &request) -> Result<Response> {
        auto email = stringField(request, "email");
        if (!email)
            return email.error();
        auto password = stringField(request, "password");
        if (!password)
            return password.error();
        auto session = accounts.login(*email, *password, request.remoteAddress);
        if (!session)
            return session.error();
        auto who = accounts.authenticate(session->token);
        if (!who)
            return who.error();
        return Response::ok({{"token", session->token},
                             {"expires_at", rapport::isoFromMs(session->expiresAtMs)},
                             {"user", {{"id", who->userId}, {"email", who->email}, {"team_id", who->teamId}}}});
    });

    router.post("/auth/logout", [&accounts](const Request &request) -> Result<Response> {
        if (request.bearerToken.empty())
            return signedIn(accounts, request).error();
        auto out = accounts.logout(request.bearerToken);
        if (!out)
            return out.error();
        return Response::ok({{"ok", true}});
    });

    router.get("/auth/me", [&accounts](const Request &request) -> Result<Response> {
        auto who = signedIn(accounts, request);
        if (!who)
            return who.error();
        return Response::ok({{"user",
                              {{"id", who->userId},
                               {"email", who->email},
                               {"team_id", who->teamId},
                               {"is_admin", who->isAdmin}}}});
    });
}

} // namespace rapportserver
