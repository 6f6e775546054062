#pragma once

namespace rapport {
class Router;
class CompaniesService;
void addCompanyRoutes(Router &router, CompaniesService &companies);
} // namespace rapport
