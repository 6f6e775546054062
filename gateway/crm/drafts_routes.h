#pragma once

namespace rapport {
class Router;
class DraftsService;
void addDraftRoutes(Router &router, DraftsService &drafts);
} // namespace rapport
