#include "crm/companies_routes.h"

#include "core/router.h"
#include "crm/companies_service.h"
#include "crm/route_helpers.h"

namespace rapport {

void addCompanyRoutes(Router &r, CompaniesService &s)
{
    r.get("/companies", [&s](const Request &q) { return listRoute(s, q); });
    r.post("/companies", [&s](const Request &q) { return reply(s.create(q.json), 201); });
    r.get("/companies/:id", [&s](const Request &q) { return reply(s.get(q.param("id"))); });
    r.patch("/companies/:id", [&s](const Request &q) { return reply(s.update(q.param("id"), q.json)); });
    r.del("/companies/:id", [&s](const Request &q) { return reply(s.remove(q.param("id"))); });
}

} // namespace rapport
