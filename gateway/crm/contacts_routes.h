#pragma once

namespace rapport {
class Router;
class ContactsService;
void addContactRoutes(Router &router, ContactsService &contacts);
} // namespace rapport
