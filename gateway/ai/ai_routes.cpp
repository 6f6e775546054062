#include "ai/ai_routes.h"

#include <chrono>

#include "ai/chat_stream.h"
#include "ai/conversations.h"
#include "ai/provider_settings.h"
#include "core/router.h"
#include "crm/fields.h"
#include "crm/route_helpers.h"

namespace rapport {

namespace {
// {"message":"...", "conversation_id": optional}: stores the question, then streams the answer.
Result<Response> chat(ai::Conversations &conversations, const ai::ProviderSettings &settings, const Request &r)
{
    const auto start = std::chrono::steady_clock::now();
    if (!r.json.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object");
    FieldReader in(r.json);
    in.allowOnly({"message", "conversation_id"}, {});
    const auto message = in.text("message", 100000, false);
    const auto conversationId = in.uuid("conversation_id");
    if (in.ok() && (!message || message->empty()))
        in.fail("message", "A message is required");
    if (!in.ok())
        return Error::validation(in.errors());

    auto config = settings.usable();
    if (!config)
        return std::move(config).error();

    auto id = conversations.addUserMessage(conversationId.value_or(""), *message);
    if (!id)
        return std::move(id).error();
    auto history = conversations.history(*id);
    if (!history)
        return std::move(history).error();
    QList<ai::ChatMessage> messages;
    for (const auto &m : *history)
        messages.push_back({QString::fromStdString(m.role), QString::fromStdString(m.content)});
    return Response::streaming(std::make_shared<ai::ChatStream>(conversations, *config, messages, *id, start));
}
} // namespace

void addAiRoutes(Router &r, ai::Conversations &c, ai::ProviderSettings &s)
{
    r.add(Method::Post, "/ai/chat", RouteClass::Ai, [&c, &s](const Request &q) { return chat(c, s, q); });
    r.get("/ai/conversations", [&c](const Request &) { return reply(c.list()); });
    r.get("/ai/settings", [&s](const Request &) { return Response::ok(s.toJson()); });
    r.patch("/ai/settings", [&s](const Request &q) { return reply(s.update(q.json)); });
    r.get("/ai/conversations/:id", [&c](const Request &q) { return reply(c.get(q.param("id"))); });
}

} // namespace rapport
