#pragma once
// rapport-server's route table: GET /health, POST /auth/login, POST /auth/logout, GET /auth/me, and sync.
// Handlers call Accounts, which blocks (Argon2id, the database): fine, HttpServer runs them on its pool.

#include "core/error.h"
#include "core/request.h"
#include "server/accounts.h"

namespace rapport {
class Router;
namespace server {
class Accounts;
class SyncStorage;
}
}

namespace rapportserver {

// The caller's identity from "Authorization: Bearer <token>": Unauthenticated without one, or for an
// unknown, expired or revoked session. Every route but /health and /auth/login starts here.
rapport::Result<rapport::server::Identity> signedIn(rapport::server::Accounts &accounts,
                                                    const rapport::Request &request);

// `accounts` must outlive the router.
void addServerRoutes(rapport::Router &router, rapport::server::Accounts &accounts);
// GET /contacts[/:id], GET /companies[/:id]: the team's records as the server holds them (read-only).
void addServerRecordRoutes(rapport::Router &router, rapport::server::Accounts &accounts,
                           rapport::server::SyncStorage &storage);
// POST /sync/push, GET /sync/pull (PROTOCOL.md), for signed-in users on their own team's records.
void addServerSyncRoutes(rapport::Router &router, rapport::server::Accounts &accounts,
                         rapport::server::SyncStorage &storage);

} // namespace rapportserver
