#include "ai/draft_stream.h"

#include "crm/drafts_service.h"

namespace rapport::ai {

DraftStream::DraftStream(DraftsService &drafts, ProviderConfig config, QList<ChatMessage> messages,
                         DraftTarget target, std::chrono::steady_clock::time_point routeStart)
    : CompletionStream(std::move(config), std::move(messages), routeStart)
    , m_drafts(drafts)
    , m_target(std::move(target))
{
}

void DraftStream::emitDeltas(const DraftSplitter::Deltas &d)
{
    if (!d.subject.empty())
        sink().event({{"delta", d.subject}, {"field", "subject"}});
    if (!d.body.empty())
        sink().event({{"delta", d.body}, {"field", "body"}});
}

void DraftStream::onTokens(const QString &batch)
{
    emitDeltas(m_splitter.feed(batch.toStdString()));
}

void DraftStream::onFinished(const ChatOutcome &o)
{
    emitDeltas(m_splitter.finish());
    auto saved = save();
    if (!saved) {
        Error e = std::move(saved).error();
        e.details.push_back({"partial_text", o.text.toStdString()});  // the answer is not lost with the draft
        sink().fail(e);
        return;
    }
    nlohmann::json summary = timings(o);
    summary["draft_id"] = *saved;
    summary["subject"] = m_splitter.subject();
    summary["body"] = m_splitter.body();
    sink().end(summary);
}

void DraftStream::onFailed(const AiError &e)
{
    emitDeltas(m_splitter.finish());  // a pending first line ("Subj") is body text after all
    Error out = toGatewayError(e);
    if (!m_splitter.subject().empty() || !m_splitter.body().empty()) {
        // A stopped or broken draft is kept like a broken chat answer: the user decides what to do with it.
        if (auto saved = save())
            out.details.push_back({"draft_id", *saved});
        else
            qWarning("could not save a partial draft: %s", saved.error().message.c_str());
    }
    sink().fail(out);
}

Result<std::string> DraftStream::save()
{
    nlohmann::json fields{{"contact_id", m_target.contactId},
                          {"subject", m_splitter.subject()},
                          {"body", m_splitter.body()}};
    nlohmann::json to = nlohmann::json::array();
    if (!m_target.primaryEmail.empty())
        to.push_back(m_target.primaryEmail);
    if (m_target.draftId.empty()) {
        fields["to"] = std::move(to);
        auto created = m_drafts.create(fields);
        if (!created)
            return std::move(created).error();
        return (*created)["id"].get<std::string>();
    }
    auto existing = m_drafts.get(m_target.draftId);  // read again: the user may have edited it meanwhile
    if (!existing)
        return std::move(existing).error();
    if (existing->value("contact_id", nlohmann::json()) == m_target.contactId) {
        for (const auto &address : (*existing)["to"]) {
            if (address != m_target.primaryEmail)
                to.push_back(address);
        }
    }
    fields["to"] = std::move(to);
    auto updated = m_drafts.update(m_target.draftId, fields);
    if (!updated)
        return std::move(updated).error();
    return m_target.draftId;
}

} // namespace rapport::ai
