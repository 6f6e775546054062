#include "ai/ai_writing_routes.h"

#include <chrono>

#include "ai/chat_stream.h"
#include "ai/draft_stream.h"
#include "ai/grounding.h"
#include "ai/prompts.h"
#include "ai/provider_settings.h"
#include "core/router.h"
#include "crm/drafts_service.h"
#include "crm/fields.h"

namespace rapport {

namespace {
using Clock = std::chrono::steady_clock;

Result<nlohmann::json> bodyObject(const Request &r)
{
    if (!r.json.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object");
    return r.json;
}

// A required field: absent, null or empty is an error, unless the reader already reported one for it.
void require(FieldReader &in, std::string_view key, const std::optional<std::string> &value, std::string message)
{
    if (!in.has(key) || (value && value->empty()))
        in.fail(std::string(key), std::move(message));
}

// {"contact_id": ID} or {"company_id": ID}, exactly one; optional "language" (e.g. "Deutsch", else the
// language the user writes in). Starts a conversation holding the grounding as its system message and
// "Explain this contact." as the user's, then streams the answer into it like /ai/chat, where the user
// can continue with follow-ups.
Result<Response> explain(const AiWritingDeps &d, const Request &r)
{
    const auto start = Clock::now();
    auto body = bodyObject(r);
    if (!body)
        return std::move(body).error();
    FieldReader in(*body);
    in.allowOnly({"contact_id", "company_id", "language"}, {});
    const auto contactId = in.uuid("contact_id");
    const auto companyId = in.uuid("company_id");
    const auto language = in.text("language", 40);
    const bool forContact = contactId && !contactId->empty(), forCompany = companyId && !companyId->empty();
    if (in.ok() && forContact == forCompany)
        in.fail(forContact ? "company_id" : "contact_id",
                forContact ? "Give a contact_id or a company_id, not both" : "A contact_id or a company_id is required");
    if (!in.ok())
        return Error::validation(in.errors());

    auto config = d.settings.usable();
    if (!config)
        return std::move(config).error();
    const ai::CrmReaders crm{d.contacts, d.companies, d.drafts};
    const ai::RecordKind kind = forContact ? ai::RecordKind::Contact : ai::RecordKind::Company;
    auto grounding = forContact ? ai::groundContact(crm, *contactId, true) : ai::groundCompany(crm, *companyId);
    if (!grounding)
        return std::move(grounding).error();
    const std::string system = ai::explainSystem(kind, grounding->facts, language.value_or(""));
    const std::string user = ai::explainRequest(kind);
    auto id = d.conversations.startGrounded(ai::explainTitle(grounding->name), system, user);
    if (!id)
        return std::move(id).error();
    const QList<ai::ChatMessage> messages{{QStringLiteral("system"), QString::fromStdString(system)},
                                          {QStringLiteral("user"), QString::fromStdString(user)}};
    return Response::streaming(std::make_shared<ai::ChatStream>(d.conversations, *config, messages, *id, start));
}

// {"contact_id": ID, "intent": "...", "tone": optional (default "friendly"), "language": optional (default
// "English"), "draft_id": optional draft to overwrite}. Streams subject and body, then saves the draft.
Result<Response> draftEmail(const AiWritingDeps &d, const Request &r)
{
    const auto start = Clock::now();
    auto body = bodyObject(r);
    if (!body)
        return std::move(body).error();
    FieldReader in(*body);
    in.allowOnly({"contact_id", "intent", "tone", "language", "draft_id"}, {});
    const auto contactId = in.uuid("contact_id");
    const auto intent = in.text("intent", 4000, false);
    const auto tone = in.text("tone", 40);
    const auto language = in.text("language", 40);
    const auto draftId = in.uuid("draft_id");
    require(in, "contact_id", contactId, "A contact is required");
    require(in, "intent", intent, "Say what the e-mail should achieve");
    if (!in.ok())
        return Error::validation(in.errors());

    auto config = d.settings.usable();
    if (!config)
        return std::move(config).error();
    auto grounding = ai::groundContact({d.contacts, d.companies, d.drafts}, *contactId, false);
    if (!grounding)
        return std::move(grounding).error();
    if (draftId && !draftId->empty()) {
        if (auto existing = d.drafts.get(*draftId); !existing)
            return std::move(existing).error();
    }
    const QList<ai::ChatMessage> messages{
        {QStringLiteral("system"),
         QString::fromStdString(ai::draftSystem(grounding->facts, tone.value_or(""), language.value_or("")))},
        {QStringLiteral("user"), QString::fromStdString(ai::draftRequest(*intent))}};
    ai::DraftTarget target{*contactId, grounding->primaryEmail, draftId.value_or("")};
    return Response::streaming(std::make_shared<ai::DraftStream>(d.drafts, *config, messages, std::move(target), start));
}
} // namespace

void addAiWritingRoutes(Router &r, AiWritingDeps d)
{
    r.add(Method::Post, "/ai/explain", RouteClass::Ai, [d](const Request &q) { return explain(d, q); });
    r.add(Method::Post, "/ai/draft-email", RouteClass::Ai, [d](const Request &q) { return draftEmail(d, q); });
}

} // namespace rapport
