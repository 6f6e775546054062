#pragma once
// POST /ai/draft-email as a Stream: one ChatCompletion whose answer is split into subject and body as it
// arrives (DraftSplitter) and saved as a local draft when it ends. Not stored as a conversation.
//
// Events: {"delta":"text","field":"subject"|"body"}, every subject delta before the first body delta.
// End: {"draft_id","subject","body","finish_reason","usage":{"prompt_tokens","completion_tokens"},
//   "ttft_ms","tokens_per_s","gateway_us"}.
// Fail: the gateway error of the completion (Upstream with details kind and partial_text, or
//   Cancelled). Nothing written is lost: when the model wrote anything, the partial subject and body
//   are saved the same way a complete answer is (into draft_id when given, else a new draft), and
//   {"field":"draft_id","message":ID} is added to the details. When nothing was written, nothing is
//   saved and a given draft is left as it was. If saving a finished answer fails, that error is the
//   failure, with the whole answer in partial_text.
//
// Saving: contact_id is the contact; a new draft goes to the contact's primary address; an existing
// draft of the same contact keeps its recipients (the primary address added first when missing), one
// of another contact gets the primary address only. cc is kept.

#include <string>

#include "ai/completion_stream.h"
#include "ai/draft_splitter.h"

namespace rapport {
class DraftsService;
}

namespace rapport::ai {

struct DraftTarget {
    std::string contactId;
    std::string primaryEmail;  // empty: the contact has no address, `to` stays empty
    std::string draftId;       // empty: create a new draft
};

class DraftStream final : public CompletionStream {
public:
    DraftStream(DraftsService &drafts, ProviderConfig config, QList<ChatMessage> messages, DraftTarget target,
                std::chrono::steady_clock::time_point routeStart);

private:
    void onTokens(const QString &batch) override;
    void onFinished(const ChatOutcome &outcome) override;
    void onFailed(const AiError &error) override;
    void emitDeltas(const DraftSplitter::Deltas &deltas);
    Result<std::string> save();  // the draft id

    DraftsService &m_drafts;
    DraftTarget m_target;
    DraftSplitter m_splitter;
};

} // namespace rapport::ai
