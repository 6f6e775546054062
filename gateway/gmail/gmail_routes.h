#pragma once
// The Gmail routes (docs/design.md): status and settings answer at once; connect, refresh and
// disconnect talk to Google and are streams that end once with the new status.

namespace rapport {
class Router;
}

namespace rapport::gmail {

class GmailAccount;
class PendingSignIns;

void addGmailRoutes(Router &r, GmailAccount &account, PendingSignIns &pending);

} // namespace rapport::gmail
