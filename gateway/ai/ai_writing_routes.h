#pragma once
// POST /ai/explain and POST /ai/draft-email: streams grounded in a CRM record (see ai_writing_routes.cpp
// for the request bodies, chat_stream.h and draft_stream.h for the events).

namespace rapport {
class Router;
class CompaniesService;
class ContactsService;
class DraftsService;
namespace ai {
class Conversations;
class ProviderSettings;
}

struct AiWritingDeps {
    ai::Conversations &conversations;
    ai::ProviderSettings &settings;
    const ContactsService &contacts;
    const CompaniesService &companies;
    DraftsService &drafts;
};

// The deps must outlive the router.
void addAiWritingRoutes(Router &router, AiWritingDeps deps);
} // namespace rapport
