#pragma once
// Small adapters shared by resource route files: service results become responses here, so the route
// lines stay one line each.

#include <nlohmann/json.hpp>

#include "core/request.h"
#include "core/response.h"
#include "crm/contacts_service.h"
#include "crm/list_cursor.h"

namespace rapport {

inline Result<Response> reply(Result<nlohmann::json> result, int status = 200)
{
    if (!result)
        return std::move(result).error();
    return Response::json(status, std::move(*result));
}

inline Result<ListQuery> listQueryOf(const Request &r)
{
    return parseListQuery(r.queryValue("q"), r.queryValue("limit"), r.queryValue("cursor"));
}

// GET /<resource>?q=&limit=&cursor= for any service with list(ListQuery).
template <class Service>
Result<Response> listRoute(const Service &service, const Request &r)
{
    auto query = listQueryOf(r);
    if (!query)
        return std::move(query).error();
    return reply(service.list(*query));
}

} // namespace rapport
