#pragma once

namespace rapport {
class Router;
namespace ai {
class Conversations;
}
// POST /ai/chat (a stream), GET /ai/conversations, GET /ai/conversations/:id.
void addAiRoutes(Router &router, ai::Conversations &conversations);
} // namespace rapport
