#include "crm/drafts_routes.h"

#include "core/router.h"
#include "crm/drafts_service.h"
#include "crm/route_helpers.h"

namespace rapport {

namespace {
// GET /drafts?contact=&limit=&cursor=
Result<Response> listDrafts(const DraftsService &s, const Request &r)
{
    auto common = listQueryOf(r);
    if (!common)
        return std::move(common).error();
    DraftListQuery q{std::string(r.queryValue("contact").value_or("")), common->limit, common->cursor};
    return reply(s.list(q));
}
} // namespace

void addDraftRoutes(Router &r, DraftsService &s)
{
    r.get("/drafts", [&s](const Request &q) { return listDrafts(s, q); });
    r.post("/drafts", [&s](const Request &q) { return reply(s.create(q.json), 201); });
    r.get("/drafts/:id", [&s](const Request &q) { return reply(s.get(q.param("id"))); });
    r.patch("/drafts/:id", [&s](const Request &q) { return reply(s.update(q.param("id"), q.json)); });
    r.del("/drafts/:id", [&s](const Request &q) { return reply(s.remove(q.param("id"))); });
}

} // namespace rapport
