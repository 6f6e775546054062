#pragma once
// What an AI prompt may say about a CRM record (POST /ai/explain, /ai/draft-email): the fields the user
// sees for it in the app, read through the same services as the app's own routes, so a deleted record
// is NotFound and nothing outside the record and its named relatives reaches the model. Ids, internal
// times and empty fields are left out; what remains is compact JSON for the prompt's data block.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {
class CompaniesService;
class ContactsService;
class DraftsService;
}

namespace rapport::ai {

struct CrmReaders {
    const ContactsService &contacts;
    const CompaniesService &companies;
    const DraftsService &drafts;
};

using Facts = nlohmann::ordered_json;  // keys in the order written: a record's name comes first

struct Grounding {
    std::string name;          // the record's name, for a conversation title
    std::string primaryEmail;  // a contact's primary address; empty for a company or a contact without one
    Facts facts;               // {"contact":{...},"company":{...},"recent_drafts":[...]} or
                               // {"company":{...},"contacts":[...],"more_contacts":true}
};

inline constexpr int kMaxRecentDrafts = 5;
inline constexpr int kMaxCompanyContacts = 20;

// A contact, its company (unless deleted) and, with activity, its most recent local drafts (subject,
// status, date; at most kMaxRecentDrafts, never their bodies).
Result<Grounding> groundContact(const CrmReaders &crm, std::string_view contactId, bool withActivity);
// A company and its contacts (name and title only, at most kMaxCompanyContacts).
Result<Grounding> groundCompany(const CrmReaders &crm, std::string_view companyId);

} // namespace rapport::ai
