#include "sync/merge.h"

#include "sync/hlc.h"

namespace rapport::sync {

namespace {

MutationResult rejected(const Mutation &m, std::string code, std::string message)
{
    MutationResult r;
    r.mutationId = m.mutationId;
    r.status = "rejected";
    r.code = std::move(code);
    r.message = std::move(message);
    return r;
}

void addConflict(MergeOutcome &out, const Mutation &m, std::string field, std::string kind, FieldValue mine,
                 FieldValue theirs, const std::string &clientId)
{
    Conflict c;
    c.entity = m.entity;
    c.entityId = m.entityId;
    c.field = std::move(field);
    c.kind = std::move(kind);
    c.loserClient = hlcNode(mine.hlc);
    mine.base.clear();
    theirs.base.clear();
    c.mine = std::move(mine);
    c.theirs = std::move(theirs);
    if (c.loserClient == clientId && out.ownConflict < 0)
        out.ownConflict = static_cast<int>(out.conflicts.size());
    out.conflicts.push_back(std::move(c));
}

// Merges the mutation's fields into out.state; returns whether any field of the mutation lost.
bool mergeFields(MergeOutcome &out, const Mutation &m, const std::string &clientId)
{
    bool lost = false;
    for (const auto &[name, incoming] : m.fields) {
        auto cur = out.state.fields.find(name);
        if (cur == out.state.fields.end()) {
            out.state.fields[name] = {incoming.value, incoming.hlc, {}};
            out.changed = true;
            continue;
        }
        if (cur->second.hlc == incoming.hlc)
            continue;  // the same edit again: nothing to do
        const std::string writer = hlcNode(cur->second.hlc);
        const bool sequential = incoming.base == cur->second.hlc;  // the editor saw the current value
        const bool concurrent = !sequential && writer != clientId;
        const bool differs = incoming.value != cur->second.value;
        // A sequential edit wins even with a smaller clock (the editor's clock lags the one that wrote
        // the value it replaced): the user changed what they saw, and nothing was concurrent.
        if (sequential || incoming.hlc > cur->second.hlc) {
            if (concurrent && differs)
                addConflict(out, m, name, "field", cur->second, incoming, clientId);
            cur->second = {incoming.value, incoming.hlc, {}};
            out.changed = true;
        } else {
            lost = true;
            out.result.winners[name] = cur->second;
            if (concurrent && differs)
                addConflict(out, m, name, "field", incoming, cur->second, clientId);
        }
    }
    return lost;
}

nlohmann::json valuesOf(const FieldMap &fields)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &[name, f] : fields)
        out[name] = f.value;
    return out;
}

void mergeDelete(MergeOutcome &out, const Mutation &m, const std::string &clientId)
{
    if (!out.state.deleted) {
        // Edits the deleting client had not seen vanish with the record: tell each of their authors.
        // By the deleting client's field clocks when it sent them (equality: robust to skewed clocks),
        // else by its newest clock.
        std::map<std::string, FieldMap> unseen;
        for (const auto &[name, f] : out.state.fields) {
            const std::string writer = hlcNode(f.hlc);
            const auto known = m.bases.find(name);
            const bool seen = m.bases.empty() ? f.hlc <= m.base : (known != m.bases.end() && known->second == f.hlc);
            if (!seen && writer != clientId)
                unseen[writer][name] = f;
        }
        for (const auto &[writer, fields] : unseen) {
            std::string newest;
            for (const auto &[name, f] : fields)
                newest = std::max(newest, f.hlc);
            if (m.hlc > out.state.lifeHlc)
                addConflict(out, m, {}, "deleted", {valuesOf(fields), newest, {}}, {nullptr, m.hlc, {}}, clientId);
        }
    }
    if (m.hlc > out.state.lifeHlc) {
        out.changed = true;  // a newer tombstone clock too: an older restore must not revive it later
        out.state.deleted = true;
        out.state.lifeHlc = m.hlc;
    } else if (!out.state.deleted) {
        out.result.status = "superseded";  // a newer restore already brought the record back
    }
}

} // namespace

std::optional<MutationResult> refuseFutureClock(const Mutation &m, std::int64_t serverNowMs)
{
    const auto t = HlcTimestamp::decode(m.hlc);
    if (t && t->ms <= serverNowMs + HybridClock::kMaxAheadMs)
        return std::nullopt;
    return rejected(m, "clock_ahead",
                    "this computer's clock is more than a day ahead of the team server's; correct the date and "
                    "time, then make the change again");
}

MergeOutcome mergeMutation(const std::optional<RecordState> &current, const Mutation &m, const std::string &clientId)
{
    MergeOutcome out;
    out.result.mutationId = m.mutationId;
    out.result.status = "applied";
    const bool creates = m.op == "create" || m.op == "restore";
    if (!current) {
        if (!creates) {
            out.result = rejected(m, "not_found", "no " + m.entity + " with this id on the server");
            return out;
        }
        out.state.entity = m.entity;
        out.state.entityId = m.entityId;
        out.state.lifeHlc = m.hlc;
        for (const auto &[name, f] : m.fields)
            out.state.fields[name] = {f.value, f.hlc, {}};
        out.changed = true;
        return out;
    }
    if (current->entity != m.entity) {
        out.result = rejected(m, "not_found", "no " + m.entity + " with this id on the server");
        return out;
    }
    out.state = *current;
    if (m.op == "delete") {
        mergeDelete(out, m, clientId);
        return out;
    }
    const bool lost = mergeFields(out, m, clientId);
    if (creates && m.hlc > out.state.lifeHlc) {
        out.changed = true;
        out.state.deleted = false;
        out.state.lifeHlc = m.hlc;
    } else if (out.state.deleted) {  // an update of a deleted record, or a restore older than the delete
        addConflict(out, m, {}, "deleted", {valuesOf(m.fields), m.hlc, {}}, {nullptr, out.state.lifeHlc, {}}, clientId);
        out.result.status = "superseded";
    }
    if (lost)
        out.result.status = "superseded";
    return out;
}

} // namespace rapport::sync
