#pragma once
// Versioned schema: PRAGMA user_version holds the version; each step runs in one transaction, so a
// crash mid-migration leaves the previous version intact.

#include "core/error.h"

namespace rapport {

class Connection;

int latestSchemaVersion();
// Migrates from the file's current version up to target (tests stop at older versions to build
// old-schema files). Returns the version reached.
Result<int> migrateTo(Connection &conn, int target);

} // namespace rapport
