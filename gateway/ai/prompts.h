#pragma once
// The words we send the model for /ai/explain and /ai/draft-email. The CRM data goes in a marked JSON
// block that the model is told to treat as data: a note typed into a contact cannot become an
// instruction (and cannot close the block early: '<' is escaped inside it).

#include <string>
#include <string_view>

#include "ai/grounding.h"

namespace rapport::ai {

enum class RecordKind { Contact, Company };

inline constexpr std::string_view kDefaultTone = "friendly";
inline constexpr std::string_view kDefaultLanguage = "English";

// System message: explain who this is and the relationship, suggest next steps, in `language` when
// given, else in the language the user writes in.
std::string explainSystem(RecordKind kind, const Facts &facts, std::string_view language);
std::string explainRequest(RecordKind kind);  // the first user message: "Explain this contact."
std::string explainTitle(std::string_view name);  // "Explain: Zoë Ångström"

// System message: one e-mail to the contact, answered as "Subject: ...", a blank line, the body.
std::string draftSystem(const Facts &facts, std::string_view tone, std::string_view language);
std::string draftRequest(std::string_view intent);  // the user message carrying the intent verbatim

// The facts as the prompt's data block, between <crm_data> markers.
std::string dataBlock(const Facts &facts);

} // namespace rapport::ai
