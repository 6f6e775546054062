#include "crm/system_routes.h"

#include "core/metrics.h"
#include "core/router.h"
#include "crm/companies_service.h"
#include "crm/contacts_service.h"

namespace rapport {

namespace {
Result<Response> stats(ContactsService &contacts, CompaniesService &companies)
{
    auto nContacts = contacts.count();
    if (!nContacts)
        return std::move(nContacts).error();
    auto nCompanies = companies.count();
    if (!nCompanies)
        return std::move(nCompanies).error();
    return Response::ok({{"contacts", *nContacts}, {"companies", *nCompanies}});
}
} // namespace

void addSystemRoutes(Router &r, Metrics &m, ContactsService &contacts, CompaniesService &companies)
{
    r.get("/health", [](const Request &) -> Result<Response> { return Response::ok({{"status", "ok"}}); });
    r.get("/metrics", [&m](const Request &) -> Result<Response> { return Response::ok(m.toJson()); });
    r.get("/stats", [&contacts, &companies](const Request &) { return stats(contacts, companies); });
}

} // namespace rapport
