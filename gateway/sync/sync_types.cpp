#include "sync/sync_types.h"

#include "store/uuid.h"
#include "sync/hlc.h"

namespace rapport::sync {

namespace {

Error bad(const std::string &field, const std::string &message)
{
    return Error::validation({{field, message}});
}

bool isOp(const std::string &op)
{
    return op == "create" || op == "update" || op == "delete" || op == "restore";
}

bool isHlc(const std::string &text)
{
    return HlcTimestamp::decode(text).has_value();
}

Result<std::string> str(const nlohmann::json &j, const char *key, const std::string &path, bool required = true)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required)
            return bad(path + "." + key, std::string(key) + " is required");
        return std::string();
    }
    if (!it->is_string())
        return bad(path + "." + key, std::string(key) + " must be a string");
    return it->get<std::string>();
}

Result<int> checkProtocol(const nlohmann::json &body)
{
    if (!body.is_object())
        return Error::make(ErrorCode::InvalidJson, "the body must be a JSON object");
    const auto it = body.find("protocol");
    if (it == body.end() || !it->is_number_integer())
        return bad("protocol", "protocol is required (this client speaks version 1)");
    if (it->get<int>() != kProtocolVersion)
        return Error::make(ErrorCode::UpgradeRequired,
                           "sync protocol " + it->dump() + " is not supported; this side speaks version 1");
    return kProtocolVersion;
}

Result<Mutation> parseMutation(const nlohmann::json &j, const std::string &path)
{
    if (!j.is_object())
        return bad(path, "each mutation must be an object");
    Mutation m;
    for (auto [key, out] : {std::pair{"mutation_id", &m.mutationId}, {"entity", &m.entity},
                            {"entity_id", &m.entityId}, {"op", &m.op}, {"hlc", &m.hlc}}) {
        auto v = str(j, key, path);
        if (!v)
            return std::move(v).error();
        *out = std::move(*v);
    }
    auto base = str(j, "base", path, false);
    if (!base)
        return std::move(base).error();
    m.base = std::move(*base);
    if (!isUuid(m.mutationId))
        return bad(path + ".mutation_id", "mutation_id must be a UUID");
    if (!isUuid(m.entityId))
        return bad(path + ".entity_id", "entity_id must be a UUID");
    if (!isOp(m.op))
        return bad(path + ".op", "op must be create, update, delete or restore");
    if (!isHlc(m.hlc))
        return bad(path + ".hlc", "hlc is not a hybrid logical clock timestamp");
    if (!m.base.empty() && !isHlc(m.base))
        return bad(path + ".base", "base is not a hybrid logical clock timestamp");
    if (const auto bases = j.find("bases"); bases != j.end()) {
        if (!bases->is_object())
            return bad(path + ".bases", "bases must be an object of field clocks");
        for (const auto &[name, h] : bases->items()) {
            if (!h.is_string() || !isHlc(h.get<std::string>()))
                return bad(path + ".bases." + name, "not a hybrid logical clock timestamp");
            m.bases[name] = h.get<std::string>();
        }
    }
    const auto fields = j.find("fields");
    if (fields != j.end()) {
        auto parsed = parseFieldMap(*fields, path + ".fields");
        if (!parsed)
            return std::move(parsed).error();
        m.fields = std::move(*parsed);
    }
    if ((m.op == "update" || m.op == "create" || m.op == "restore") && m.fields.empty())
        return bad(path + ".fields", m.op + " needs at least one field");
    return m;
}

} // namespace

std::string hlcNode(const std::string &hlc)
{
    auto t = HlcTimestamp::decode(hlc);
    return t ? t->node : std::string();
}

bool isClientId(const std::string &text)
{
    if (text.size() != 32)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

Result<FieldMap> parseFieldMap(const nlohmann::json &j, const std::string &path)
{
    if (!j.is_object())
        return bad(path, "fields must be an object");
    FieldMap out;
    for (const auto &[name, f] : j.items()) {
        const std::string at = path + "." + name;
        if (!f.is_object() || !f.contains("value"))
            return bad(at, "each field must be {\"value\", \"hlc\"}");
        auto hlc = str(f, "hlc", at);
        if (!hlc)
            return std::move(hlc).error();
        auto base = str(f, "base", at, false);
        if (!base)
            return std::move(base).error();
        if (!isHlc(*hlc) || (!base->empty() && !isHlc(*base)))
            return bad(at + ".hlc", "not a hybrid logical clock timestamp");
        out[name] = FieldValue{f["value"], std::move(*hlc), std::move(*base)};
    }
    return out;
}

nlohmann::json toJson(const FieldMap &fields, bool withBase)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &[name, f] : fields) {
        nlohmann::json v{{"value", f.value}, {"hlc", f.hlc}};
        if (withBase && !f.base.empty())
            v["base"] = f.base;
        out[name] = std::move(v);
    }
    return out;
}

nlohmann::json toJson(const Mutation &m)
{
    nlohmann::json j{{"mutation_id", m.mutationId}, {"entity", m.entity}, {"entity_id", m.entityId},
                     {"op", m.op},                  {"hlc", m.hlc},       {"fields", toJson(m.fields, true)}};
    if (!m.base.empty())
        j["base"] = m.base;
    if (!m.bases.empty())
        j["bases"] = m.bases;
    return j;
}

nlohmann::json toJson(const RecordState &r)
{
    return {{"seq", r.seq},         {"entity", r.entity},          {"entity_id", r.entityId},
            {"deleted", r.deleted}, {"life_hlc", r.lifeHlc},       {"fields", toJson(r.fields, false)}};
}

nlohmann::json toJson(const Conflict &c)
{
    return {{"id", c.id},
            {"seq", c.seq},
            {"entity", c.entity},
            {"entity_id", c.entityId},
            {"field", c.field},
            {"kind", c.kind},
            {"mine", {{"value", c.mine.value}, {"hlc", c.mine.hlc}}},
            {"theirs", {{"value", c.theirs.value}, {"hlc", c.theirs.hlc}}}};
}

nlohmann::json toJson(const MutationResult &r)
{
    nlohmann::json j{{"mutation_id", r.mutationId}, {"status", r.status}};
    if (r.status == "rejected") {
        j["code"] = r.code;
        j["message"] = r.message;
        if (!r.field.empty())
            j["field"] = r.field;
        if (r.current)
            j["current"] = toJson(*r.current);
        return j;
    }
    j["seq"] = r.seq;
    if (r.status == "superseded") {
        j["winners"] = toJson(r.winners, false);
        if (!r.conflictId.empty())
            j["conflict_id"] = r.conflictId;
    }
    return j;
}

nlohmann::json toJson(const PullPage &p)
{
    nlohmann::json changes = nlohmann::json::array();
    for (const RecordState &r : p.changes)
        changes.push_back(toJson(r));
    nlohmann::json conflicts = nlohmann::json::array();
    for (const Conflict &c : p.conflicts)
        conflicts.push_back(toJson(c));
    return {{"protocol", kProtocolVersion}, {"changes", std::move(changes)}, {"conflicts", std::move(conflicts)},
            {"next_cursor", std::to_string(p.nextCursor)}, {"more", p.more}};
}

Result<PushBody> parsePushBody(const nlohmann::json &body)
{
    if (auto v = checkProtocol(body); !v)
        return std::move(v).error();
    PushBody out;
    auto client = str(body, "client_id", "body");
    if (!client)
        return std::move(client).error();
    if (!isClientId(*client))
        return bad("client_id", "client_id must be 32 lowercase hex digits");
    out.clientId = std::move(*client);
    const auto list = body.find("mutations");
    if (list == body.end() || !list->is_array())
        return bad("mutations", "mutations must be an array");
    if (list->size() > kMaxBatch)
        return Error::make(ErrorCode::PayloadTooLarge, "at most 500 mutations per push", "mutations");
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto m = parseMutation((*list)[i], "mutations[" + std::to_string(i) + "]");
        if (!m)
            return std::move(m).error();
        if (hlcNode(m->hlc) != out.clientId)
            return bad("mutations[" + std::to_string(i) + "].hlc", "the hlc must carry the pushing client's id");
        for (const auto &[name, f] : m->fields)
            if (f.hlc != m->hlc)  // one edit, one time: a field cannot claim another client's clock
                return bad("mutations[" + std::to_string(i) + "].fields." + name + ".hlc",
                           "every field carries the mutation's hlc");
        out.mutations.push_back(std::move(*m));
    }
    return out;
}

Result<std::vector<MutationResult>> parsePushAnswer(const nlohmann::json &body)
{
    if (auto v = checkProtocol(body); !v)
        return std::move(v).error();
    const auto list = body.find("results");
    if (list == body.end() || !list->is_array())
        return bad("results", "results must be an array");
    std::vector<MutationResult> out;
    for (const auto &j : *list) {
        if (!j.is_object())
            return bad("results", "each result must be an object");
        MutationResult r;
        r.mutationId = j.value("mutation_id", "");
        r.status = j.value("status", "");
        r.seq = j.value("seq", std::int64_t{0});
        r.conflictId = j.value("conflict_id", "");
        r.code = j.value("code", "");
        r.message = j.value("message", "");
        r.field = j.value("field", "");
        if (j.contains("current") && j["current"].is_object()) {
            auto page = parsePullAnswer({{"protocol", kProtocolVersion},
                                         {"changes", {j["current"]}},
                                         {"next_cursor", "0"},
                                         {"more", false}});
            if (!page || page->changes.size() != 1)
                return bad("results.current", "the server's record is malformed");
            r.current = std::move(page->changes.front());
        }
        if (j.contains("winners")) {
            auto w = parseFieldMap(j["winners"], "winners");
            if (!w)
                return std::move(w).error();
            r.winners = std::move(*w);
        }
        out.push_back(std::move(r));
    }
    return out;
}

Result<PullPage> parsePullAnswer(const nlohmann::json &body)
{
    if (auto v = checkProtocol(body); !v)
        return std::move(v).error();
    PullPage page;
    try {
        for (const auto &c : body.at("changes")) {
            RecordState r;
            r.seq = c.at("seq").get<std::int64_t>();
            r.entity = c.at("entity").get<std::string>();
            r.entityId = c.at("entity_id").get<std::string>();
            r.deleted = c.at("deleted").get<bool>();
            r.lifeHlc = c.value("life_hlc", "");
            auto fields = parseFieldMap(c.at("fields"), "changes.fields");
            if (!fields)
                return std::move(fields).error();
            r.fields = std::move(*fields);
            page.changes.push_back(std::move(r));
        }
        for (const auto &c : body.value("conflicts", nlohmann::json::array())) {
            Conflict k;
            k.id = c.at("id").get<std::string>();
            k.seq = c.value("seq", std::int64_t{0});
            k.entity = c.at("entity").get<std::string>();
            k.entityId = c.at("entity_id").get<std::string>();
            k.field = c.value("field", "");
            k.kind = c.at("kind").get<std::string>();
            k.mine = {c.at("mine").at("value"), c.at("mine").value("hlc", ""), {}};
            k.theirs = {c.at("theirs").at("value"), c.at("theirs").value("hlc", ""), {}};
            page.conflicts.push_back(std::move(k));
        }
        page.nextCursor = std::stoll(body.at("next_cursor").get<std::string>());
        page.more = body.at("more").get<bool>();
    } catch (const std::exception &e) {
        return Error::make(ErrorCode::Upstream, std::string("the server's pull answer is malformed: ") + e.what());
    }
    return page;
}

} // namespace rapport::sync
