#include "crm/contacts_routes.h"

#include "core/router.h"
#include "crm/contacts_service.h"
#include "crm/route_helpers.h"

namespace rapport {

void addContactRoutes(Router &r, ContactsService &s)
{
    r.get("/contacts", [&s](const Request &q) { return listRoute(s, q); });
    r.post("/contacts", [&s](const Request &q) { return reply(s.create(q.json), 201); });
    r.get("/contacts/:id", [&s](const Request &q) { return reply(s.get(q.param("id"))); });
    r.patch("/contacts/:id", [&s](const Request &q) { return reply(s.update(q.param("id"), q.json)); });
    r.del("/contacts/:id", [&s](const Request &q) { return reply(s.remove(q.param("id"))); });
}

} // namespace rapport
