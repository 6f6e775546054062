#include "gmail/gmail_routes.h"

#include <QUrlQuery>

#include "core/router.h"
#include "crm/route_helpers.h"
#include "gmail/account_flows.h"
#include "gmail/connect_flow.h"
#include "gmail/gmail_account.h"
#include "gmail/mail_cache.h"
#include "gmail/messages_refresh.h"
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

// GET /gmail/messages?contact=ID[&limit=&cursor=][&refresh=true]: the cached page at once (works
// offline), or with refresh=true a stream that asks Gmail first and ends with the fresh page.
Result<Response> messages(const GmailRouteDeps &d, const Request &q)
{
    auto page = parseListQuery(std::nullopt, q.queryValue("limit"), q.queryValue("cursor"));
    if (!page)
        return std::move(page).error();
    const std::string contactId(q.queryValue("contact").value_or(""));
    if (contactId.empty())
        return Error::make(ErrorCode::ValidationFailed, "Which contact? Add ?contact=ID.", "contact");
    auto contact = d.contacts.get(contactId);
    if (!contact)
        return std::move(contact).error();
    const QString id = QString::fromStdString(contactId);
    const std::string_view refresh = q.queryValue("refresh").value_or("");
    if (refresh != "true" && refresh != "1")
        return reply(cachedPage(d.store, id, page->limit, page->cursor));
    QStringList addresses;
    for (const auto &e : contact->value("emails", nlohmann::json::array()))
        addresses << QString::fromStdString(e.value("address", std::string()));
    addresses.removeAll(QString());
    if (addresses.isEmpty())
        return Error::make(ErrorCode::ValidationFailed, "This contact has no e-mail address to look for.", "contact");
    return Response::streaming(std::make_shared<MessagesRefresh>(d.account, d.store, id, addresses, page->limit));
}

} // namespace

void addGmailRoutes(Router &r, const GmailRouteDeps &d)
{
    GmailAccount &a = d.account;
    PendingSignIns &p = d.pending;
    r.get("/gmail/status", [&a](const Request &) { return Response::ok(a.status()); });
    r.patch("/gmail/settings", [&a](const Request &q) { return reply(a.updateSettings(q.json)); });
    r.add(Method::Post, "/gmail/connect", RouteClass::Auth,
          [&a, &p](const Request &) { return Response::streaming(std::make_shared<ConnectFlow>(a, p)); });
    r.get("/gmail/callback", [&p](const Request &q) { return callback(p, q); });
    r.add(Method::Post, "/gmail/refresh", RouteClass::Auth,
          [&a](const Request &) { return Response::streaming(std::make_shared<RefreshFlow>(a)); });
    r.add(Method::Post, "/gmail/disconnect", RouteClass::Auth,
          [&a](const Request &) { return Response::streaming(std::make_shared<DisconnectFlow>(a)); });
    r.get("/gmail/messages", [d](const Request &q) { return messages(d, q); });
}

} // namespace rapport::gmail
