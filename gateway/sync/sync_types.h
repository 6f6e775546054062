#pragma once
// The values of the sync protocol (PROTOCOL.md), shared by the client engine and rapport-server, and
// their JSON forms. Parsing checks structure only (ids, ops, HLC syntax); field values are checked
// per entity by entity_fields.h.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport::sync {

inline constexpr int kProtocolVersion = 1;
inline constexpr std::size_t kMaxBatch = 500;  // mutations per push, changes per pull page

// One field as written by one edit. `base` (push only): the HLC of the value the editor saw when it
// made the change, "" when it had none; the server tells a sequential edit from a concurrent one by it.
struct FieldValue {
    nlohmann::json value;
    std::string hlc;
    std::string base;
};
using FieldMap = std::map<std::string, FieldValue>;

struct Mutation {
    std::string mutationId;
    std::string entity;    // "contact" | "company"
    std::string entityId;  // UUID
    std::string op;        // "create" | "update" | "delete" | "restore"
    FieldMap fields;
    std::string hlc;   // when the change committed on the client
    std::string base;  // delete: the newest field HLC the client knew for the record
    std::map<std::string, std::string> bases;  // delete: the HLC of each field as the client knew it
};

// The server's current state of one record: the unit the pull feed carries.
struct RecordState {
    std::string entity;
    std::string entityId;
    FieldMap fields;  // base unused
    bool deleted = false;
    std::string lifeHlc;  // the create/delete/restore that decided `deleted`
    std::int64_t seq = 0;
};

// A user's edit that lost: to a newer edit of the same field ("field"), or to a delete ("deleted",
// field "" and mine.value = the lost fields as an object).
struct Conflict {
    std::string id;
    std::string entity;
    std::string entityId;
    std::string field;
    std::string kind;
    std::string loserClient;  // whose edit lost: the node of mine.hlc
    FieldValue mine;
    FieldValue theirs;
    std::int64_t seq = 0;
};

struct MutationResult {
    std::string mutationId;
    std::string status;  // "applied" | "superseded" | "rejected"
    std::int64_t seq = 0;
    FieldMap winners;
    std::string conflictId;
    std::string code, message, field;  // rejected only
    std::optional<RecordState> current;  // rejected: the server's record, when it has one
};

struct PullPage {
    std::vector<RecordState> changes;
    std::vector<Conflict> conflicts;  // the asking client's lost edits in the same sequence range
    std::int64_t nextCursor = 0;
    bool more = false;
};

// The node (client id) of an encoded HLC, "" when malformed.
std::string hlcNode(const std::string &hlc);

nlohmann::json toJson(const FieldMap &fields, bool withBase);
nlohmann::json toJson(const Mutation &m);
nlohmann::json toJson(const RecordState &r);
nlohmann::json toJson(const Conflict &c);
nlohmann::json toJson(const MutationResult &r);
nlohmann::json toJson(const PullPage &p);

// The push body: {"protocol":1,"client_id":..,"mutations":[..]}. A structural fault anywhere rejects
// the whole batch (InvalidJson/ValidationFailed with the field path, UpgradeRequired for the version).
struct PushBody {
    std::string clientId;
    std::vector<Mutation> mutations;
};
Result<PushBody> parsePushBody(const nlohmann::json &body);
Result<std::vector<MutationResult>> parsePushAnswer(const nlohmann::json &body);
Result<PullPage> parsePullAnswer(const nlohmann::json &body);
Result<FieldMap> parseFieldMap(const nlohmann::json &j, const std::string &path);

bool isClientId(const std::string &text);  // 32 lowercase hex digits

} // namespace rapport::sync
