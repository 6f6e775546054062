#pragma once
// Stored AI conversations: what was asked, what the model answered (or how far it got), and how fast.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class Store;

namespace ai {

struct StoredMessage {
    std::string role, content;
};

// The end of an assistant answer, as it is recorded.
struct AnswerRecord {
    std::string conversationId, content, status = "complete", error, model;
    int promptTokens = -1, completionTokens = -1;
    qint64 ttftMs = -1;
    double tokensPerSecond = 0;
};

class Conversations {
public:
    explicit Conversations(Store &store);

    // Adds the user's message, creating the conversation (titled after the message) when id is empty.
    // Returns the conversation id. An unknown id is NotFound.
    Result<std::string> addUserMessage(const std::string &conversationId, const std::string &text);
    // A new conversation that opens with a system message (the grounding of /ai/explain) and the user's
    // first message, in one transaction. history() returns the system message first, so follow-ups
    // through addUserMessage send it to the model again. Returns the conversation id.
    Result<std::string> startGrounded(const std::string &title, const std::string &system, const std::string &user);
    Result<std::vector<StoredMessage>> history(const std::string &conversationId) const;  // oldest first
    Result<std::string> addAnswer(const AnswerRecord &answer);                           // the message id
    Result<nlohmann::json> get(std::string_view id) const;  // {"id","title",...,"messages":[...]}
    Result<nlohmann::json> list() const;                    // newest first, without messages

private:
    Store &m_store;
};

} // namespace ai
} // namespace rapport
