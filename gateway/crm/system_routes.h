#pragma once

namespace rapport {
class Router;
class Metrics;
class ContactsService;
class CompaniesService;
// GET /health, GET /metrics, GET /stats.
void addSystemRoutes(Router &router, Metrics &metrics, ContactsService &contacts, CompaniesService &companies);
} // namespace rapport
