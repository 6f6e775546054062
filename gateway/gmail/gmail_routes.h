#pragma once
// The Gmail routes (docs/design.md): status, settings and the cached messages answer at once; connect,
// refresh, disconnect and a messages refresh talk to Google and are streams that end once.

namespace rapport {
class ContactsService;
class Router;
class Store;
}

namespace rapport::gmail {

class GmailAccount;
class PendingSignIns;

struct GmailRouteDeps {
    GmailAccount &account;
    PendingSignIns &pending;
    Store &store;
    const ContactsService &contacts;
};

void addGmailRoutes(Router &r, const GmailRouteDeps &deps);

} // namespace rapport::gmail
