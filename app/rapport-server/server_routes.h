#pragma once
// rapport-server's route table: GET /health, POST /auth/login, POST /auth/logout, GET /auth/me.
// Handlers call Accounts, which blocks (Argon2id, the database): fine, HttpServer runs them on its pool.

namespace rapport {
class Router;
namespace server {
class Accounts;
}
}

namespace rapportserver {

// `accounts` must outlive the router.
void addServerRoutes(rapport::Router &router, rapport::server::Accounts &accounts);

} // namespace rapportserver
