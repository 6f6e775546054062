#pragma once
// Versioned schema: PRAGMA user_version holds the version; each step runs in one transaction, so a
// crash mid-migration leaves the previous version intact.

#include <functional>
#include <vector>

#include <QStringList>

#include "core/error.h"

namespace rapport {

class Connection;

// One schema step of a database (the desktop's rapport.db, the server's server.db).
struct Migration {
    int version;
    std::function<Result<void>(Connection &)> apply;
};

// Runs each step above the file's PRAGMA user_version and up to target, one transaction per step, and
// returns the version reached. `what` names the database in error messages ("schema", "server schema").
Result<int> applyMigrations(Connection &conn, const std::vector<Migration> &steps, int target, std::string_view what);
// Executes statements in order; the first failure is the error.
Result<void> execAll(Connection &conn, const QStringList &statements);

int latestSchemaVersion();
// Migrates from the file's current version up to target (tests stop at older versions to build
// old-schema files). Returns the version reached.
Result<int> migrateTo(Connection &conn, int target);

} // namespace rapport
