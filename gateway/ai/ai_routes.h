#pragma once

namespace rapport {
class Router;
namespace ai {
class Conversations;
class ProviderSettings;
}
// POST /ai/chat (a stream), GET /ai/conversations, GET /ai/conversations/:id, GET|PATCH /ai/settings.
void addAiRoutes(Router &router, ai::Conversations &conversations, ai::ProviderSettings &settings);
} // namespace rapport
