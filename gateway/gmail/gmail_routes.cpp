#include "gmail/gmail_routes.h"

#include <QUrlQuery>

#include "core/router.h"
#include "crm/route_helpers.h"
#include "gmail/account_flows.h"
#include "gmail/connect_flow.h"
#include "gmail/gmail_account.h"
#include "gmail/pending_sign_ins.h"

namespace rapport::gmail {

namespace {

// The redirect pasted back from the browser's address bar (when the loopback listener could not be
// reached) finds its sign-in by `state`; nothing else is trusted from it.
Response callback(PendingSignIns &pending, const Request &q)
{
    QUrlQuery query;
    for (const auto &[key, value] : q.query)
        query.addQueryItem(QString::fromStdString(key),
                           QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(value))));
    const std::string state(q.queryValue("state").value_or(""));
    if (!pending.deliver(QByteArray::fromStdString(state), query))
        return Response::fromError(Error::make(ErrorCode::NotFound,
                                               "No Gmail sign-in is waiting for this answer. Start Connect Gmail again.",
                                               "state"));
    return Response::json(202, {{"accepted", true}});
}

} // namespace

void addGmailRoutes(Router &r, GmailAccount &a, PendingSignIns &p)
{
    r.get("/gmail/status", [&a](const Request &) { return Response::ok(a.status()); });
    r.patch("/gmail/settings", [&a](const Request &q) { return reply(a.updateSettings(q.json)); });
    r.add(Method::Post, "/gmail/connect", RouteClass::Auth,
          [&a, &p](const Request &) { return Response::streaming(std::make_shared<ConnectFlow>(a, p)); });
    r.get("/gmail/callback", [&p](const Request &q) { return callback(p, q); });
    r.add(Method::Post, "/gmail/refresh", RouteClass::Auth,
          [&a](const Request &) { return Response::streaming(std::make_shared<RefreshFlow>(a)); });
    r.add(Method::Post, "/gmail/disconnect", RouteClass::Auth,
          [&a](const Request &) { return Response::streaming(std::make_shared<DisconnectFlow>(a)); });
}

} // namespace rapport::gmail
