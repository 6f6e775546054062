#include "sync/sync_routes.h"

#include "core/router.h"
#include "crm/route_helpers.h"
#include "sync/sync_engine.h"

namespace rapport {

namespace {

Result<Response> ok(Result<void> done)
{
    if (!done)
        return std::move(done).error();
    return Response::ok({{"ok", true}});
}

Result<Response> resolveRoute(sync::SyncEngine &engine, const Request &r)
{
    if (!r.json.is_object() || !r.json.contains("keep") || !r.json["keep"].is_string())
        return Error::validation({{"keep", "keep must be \"mine\" or \"theirs\""}});
    return reply(engine.resolve(std::string(r.param("id")), r.json["keep"].get<std::string>()));
}

} // namespace

void addSyncRoutes(Router &router, sync::SyncEngine &engine)
{
    sync::SyncEngine &e = engine;
    router.add(Method::Post, "/sync/login", RouteClass::Write, [&e](const Request &r) { return reply(e.signIn(r.json)); });
    router.get("/sync/account", [&e](const Request &) { return reply(e.account()); });
    router.post("/sync/logout", [&e](const Request &) { return ok(e.signOut()); });
    router.post("/sync/now", [&e](const Request &) { return reply(e.runRound()); });
    router.get("/sync/status", [&e](const Request &) { return reply(e.status()); });
    router.get("/sync/conflicts", [&e](const Request &) { return reply(e.conflicts()); });
    router.post("/sync/conflicts/:id/resolve", [&e](const Request &r) { return resolveRoute(e, r); });
}

} // namespace rapport
