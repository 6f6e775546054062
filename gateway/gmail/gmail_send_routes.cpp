#include "gmail/gmail_send_routes.h"

#include <memory>

#include "core/router.h"
#include "crm/route_helpers.h"
#include "gmail/account_flows.h"
#include "gmail/gmail_account.h"
#include "gmail/outbox_flush_flow.h"
#include "gmail/send_flow.h"
#include "store/uuid.h"

namespace rapport::gmail {

namespace {

// Queue first (so nothing is lost whatever happens next), then one attempt as the reply's stream.
Result<Response> enqueueAndTry(GmailAccount &a, const std::shared_ptr<GmailOutbox> &o, const Request &q,
                               OutboxKind kind)
{
    if (!q.json.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object");
    const auto draftId = q.json.find("draft_id");
    if (draftId == q.json.end() || !draftId->is_string() || !isUuid(draftId->get_ref<const std::string &>()))
        return Error::validation({{"draft_id", "Must be the id of a local draft"}});
    // The From address is the connected account's: without one there is nobody to send as.
    const std::string from = a.status().value("email", "");
    if (from.empty())
        return notConnectedError();
    auto row = o->enqueue(draftId->get_ref<const std::string &>(), kind, QString::fromStdString(from));
    if (!row)
        return std::move(row).error();
    return Response::streaming(std::make_shared<SendFlow>(a, o, row->id));
}

} // namespace

void addGmailSendRoutes(Router &r, GmailAccount &a, Store &store, OutboxOptions options)
{
    auto o = std::make_shared<GmailOutbox>(store, std::move(options));  // shared by the routes and their flows
    r.post("/gmail/send", [&a, o](const Request &q) { return enqueueAndTry(a, o, q, OutboxKind::Send); });
    r.post("/gmail/drafts", [&a, o](const Request &q) { return enqueueAndTry(a, o, q, OutboxKind::Draft); });
    r.get("/gmail/outbox", [o](const Request &) { return reply(o->list()); });
    r.post("/gmail/outbox/flush", [&a, o](const Request &) {
        return Response::streaming(std::make_shared<OutboxFlushFlow>(a, o));
    });
}

} // namespace rapport::gmail
