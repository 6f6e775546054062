// The sync routes of rapport-server: every call names its team through the session token, so a user
// only ever reads or writes the records of their own team.

#include <nlohmann/json.hpp>

#include "core/router.h"
#include "server/accounts.h"
#include "server/sync_storage.h"
#include "server_routes.h"
#include "sync/sync_types.h"

namespace rapportserver {

using rapport::Error;
using rapport::ErrorCode;
using rapport::Request;
using rapport::Response;
using rapport::Result;

void addServerSyncRoutes(rapport::Router &router, rapport::server::Accounts &accounts,
                         rapport::server::SyncStorage &storage)
{
    router.post("/sync/push", [&accounts, &storage](const Request &request) -> Result<Response> {
        auto who = signedIn(accounts, request);
        if (!who)
            return who.error();
        auto body = rapport::sync::parsePushBody(request.json);
        if (!body)
            return body.error();
        auto results = storage.push(who->teamId, *body);
        if (!results)
            return results.error();
        nlohmann::json list = nlohmann::json::array();
        for (const auto &r : *results)
            list.push_back(rapport::sync::toJson(r));
        return Response::ok({{"protocol", rapport::sync::kProtocolVersion}, {"results", std::move(list)}});
    });

    router.get("/sync/pull", [&accounts, &storage](const Request &request) -> Result<Response> {
        auto who = signedIn(accounts, request);
        if (!who)
            return who.error();
        const auto protocol = request.queryValue("protocol");
        if (protocol && *protocol != "1")
            return Error::make(ErrorCode::UpgradeRequired, "sync protocol " + std::string(*protocol)
                                                               + " is not supported; this server speaks version 1");
        const std::string client(request.queryValue("client_id").value_or(""));
        if (!rapport::sync::isClientId(client))
            return Error::validation({{"client_id", "client_id must be 32 lowercase hex digits"}});
        long long cursor = 0;
        const std::string cursorText(request.queryValue("cursor").value_or("0"));
        try {
            std::size_t used = 0;
            cursor = std::stoll(cursorText, &used);
            if (used != cursorText.size() || cursor < 0)
                throw std::invalid_argument("cursor");
        } catch (const std::exception &) {
            return Error::validation({{"cursor", "cursor must come from a previous pull's next_cursor"}});
        }
        int limit = static_cast<int>(rapport::sync::kMaxBatch);
        if (const auto l = request.queryValue("limit")) {
            limit = std::atoi(std::string(*l).c_str());
            if (limit < 1 || limit > static_cast<int>(rapport::sync::kMaxBatch))
                return Error::validation({{"limit", "limit must be 1..500"}});
        }
        auto page = storage.pull(who->teamId, client, cursor, limit);
        if (!page)
            return page.error();
        return Response::ok(rapport::sync::toJson(*page));
    });
}

} // namespace rapportserver
