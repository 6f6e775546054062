// The team's contacts and companies as the server holds them, read-only, for the person who runs the
// server and for tools: GET /contacts, /contacts/:id, /companies, /companies/:id (signed in; own team
// only; another team's id is 404). Records change through sync only: laptops are where people edit.

#include <nlohmann/json.hpp>

#include "core/router.h"
#include "server/accounts.h"
#include "server/sync_storage.h"
#include "server_routes.h"
#include "store/uuid.h"

namespace rapportserver {

using rapport::Error;
using rapport::ErrorCode;
using rapport::Request;
using rapport::Response;
using rapport::Result;

namespace {

// The desktop's wire shape: id and the field values.
nlohmann::json wire(const rapport::sync::RecordState &r)
{
    nlohmann::json out{{"id", r.entityId}};
    for (const auto &[name, f] : r.fields)
        out[name] = f.value;
    return out;
}

struct RecordRoutes {
    rapport::server::Accounts &accounts;
    rapport::server::SyncStorage &storage;

    Result<Response> list(const Request &request, const std::string &entity) const
    {
        auto identity = signedIn(accounts, request);
        if (!identity)
            return identity.error();
        int limit = 50;
        if (const auto l = request.queryValue("limit")) {
            limit = std::atoi(std::string(*l).c_str());
            if (limit < 1 || limit > 500)
                return Error::validation({{"limit", "limit must be 1..500"}});
        }
        const std::string after(request.queryValue("cursor").value_or(""));
        if (!after.empty() && !rapport::isUuid(after))
            return Error::validation({{"cursor", "cursor must come from a previous page's next_cursor"}});
        auto rows = storage.live(identity->teamId, entity, after, limit + 1);
        if (!rows)
            return rows.error();
        nlohmann::json items = nlohmann::json::array();
        for (std::size_t i = 0; i < rows->size() && i < static_cast<std::size_t>(limit); ++i)
            items.push_back(wire((*rows)[i]));
        const bool more = rows->size() > static_cast<std::size_t>(limit);
        return Response::ok({{"items", std::move(items)},
                             {"next_cursor", more ? nlohmann::json((*rows)[limit - 1].entityId) : nlohmann::json()}});
    }

    Result<Response> one(const Request &request, const std::string &entity) const
    {
        auto identity = signedIn(accounts, request);
        if (!identity)
            return identity.error();
        auto row = storage.liveRecord(identity->teamId, entity, std::string(request.param("id")));
        if (!row)
            return row.error();
        if (!*row)
            return Error::notFound(entity);
        return Response::ok(wire(**row));
    }
};

} // namespace

void addServerRecordRoutes(rapport::Router &router, rapport::server::Accounts &accounts,
                           rapport::server::SyncStorage &storage)
{
    const RecordRoutes r{accounts, storage};
    router.get("/contacts", [r](const Request &q) { return r.list(q, "contact"); });
    router.get("/contacts/:id", [r](const Request &q) { return r.one(q, "contact"); });
    router.get("/companies", [r](const Request &q) { return r.list(q, "company"); });
    router.get("/companies/:id", [r](const Request &q) { return r.one(q, "company"); });
}

} // namespace rapportserver
