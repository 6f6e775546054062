#pragma once
// The desktop's sync routes (one per line in sync_routes.cpp):
//   POST /sync/login {"server","email","password","ca_file"?}   GET /sync/account   POST /sync/logout
//   POST /sync/now (one round; answers the status)   GET /sync/status
//   GET /sync/conflicts   POST /sync/conflicts/:id/resolve {"keep":"mine"|"theirs"}
// All block (network, keychain): the window calls them through GatewayClient, off the GUI thread.

namespace rapport {
class Router;
namespace sync {
class SyncEngine;
}

void addSyncRoutes(Router &router, sync::SyncEngine &engine);

} // namespace rapport
