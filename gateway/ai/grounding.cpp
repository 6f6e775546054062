#include "ai/grounding.h"

#include "crm/companies_service.h"
#include "crm/contacts_service.h"
#include "crm/drafts_service.h"

namespace rapport::ai {

namespace {
bool isEmpty(const nlohmann::json &v)
{
    return v.is_null() || ((v.is_string() || v.is_array() || v.is_object()) && v.empty());
}

// The named fields of a record that have a value, in the order given (the model reads the name first).
Facts pick(const nlohmann::json &record, std::initializer_list<const char *> keys)
{
    Facts out = Facts::object();
    for (const char *key : keys) {
        if (const auto it = record.find(key); it != record.end() && !isEmpty(*it))
            out[key] = *it;
    }
    return out;
}

std::string day(const nlohmann::json &isoTime)
{
    return isoTime.is_string() ? isoTime.get<std::string>().substr(0, 10) : std::string();
}

// Postal address without its empty parts; e-mails and phones as short readable strings.
void tidy(Facts &out, const nlohmann::json &record)
{
    if (out.contains("address")) {
        out["address"] = pick(record.at("address"), {"street", "postal_code", "city", "region", "country"});
        if (out["address"].empty())
            out.erase("address");
    }
    if (const auto emails = record.find("emails"); emails != record.end() && !emails->empty()) {
        Facts list = Facts::array();
        for (const auto &e : *emails) {
            std::string notes = e.value("label", "");
            if (e.value("primary", false))
                notes += notes.empty() ? "primary" : ", primary";
            list.push_back(e.value("address", "") + (notes.empty() ? "" : " (" + notes + ")"));
        }
        out["emails"] = std::move(list);
    }
    if (const auto phones = record.find("phones"); phones != record.end() && !phones->empty()) {
        Facts list = Facts::array();
        for (const auto &p : *phones) {
            const std::string label = p.value("label", "");
            list.push_back(p.value("number", "") + (label.empty() ? "" : " (" + label + ")"));
        }
        out["phones"] = std::move(list);
    }
    if (const std::string since = day(record.value("created_at", nlohmann::json())); !since.empty())
        out["in_crm_since"] = since;
}

Facts companyFacts(const nlohmann::json &company)
{
    Facts out = pick(company, {"name", "domain", "phone", "address", "tags", "notes", "owner"});
    tidy(out, company);
    return out;
}

std::string primaryAddress(const nlohmann::json &contact)
{
    const nlohmann::json emails = contact.value("emails", nlohmann::json::array());
    for (const auto &e : emails) {
        if (e.value("primary", false))
            return e.value("address", "");
    }
    return emails.empty() ? std::string() : emails[0].value("address", "");
}
} // namespace

Result<Grounding> groundContact(const CrmReaders &crm, std::string_view contactId, bool withActivity)
{
    auto contact = crm.contacts.get(contactId);
    if (!contact)
        return std::move(contact).error();
    Facts c = pick(*contact, {"name", "title"});
    if (const auto company = contact->value("company_name", nlohmann::json()); company.is_string())
        c["company"] = company;
    c.update(pick(*contact, {"emails", "phones", "address", "tags", "notes", "owner"}));
    tidy(c, *contact);
    Facts facts{{"contact", std::move(c)}};
    if (const auto companyId = contact->value("company_id", nlohmann::json()); companyId.is_string()) {
        // A deleted company is no longer visible in the app: the contact is then described without it.
        auto company = crm.companies.get(companyId.get<std::string>());
        if (company)
            facts["company"] = companyFacts(*company);
        else if (company.error().code != ErrorCode::NotFound)
            return std::move(company).error();
    }
    if (withActivity) {
        auto drafts = crm.drafts.list({std::string(contactId), kMaxRecentDrafts, {}});
        if (!drafts)
            return std::move(drafts).error();
        for (const auto &d : (*drafts)["items"]) {
            const std::string subject = d.value("subject", "");
            facts["recent_drafts"].push_back({{"subject", subject.empty() ? "(no subject)" : subject},
                                              {"status", d.value("status", "")},
                                              {"date", day(d.value("updated_at", nlohmann::json()))}});
        }
    }
    return Grounding{contact->value("name", ""), primaryAddress(*contact), std::move(facts)};
}

Result<Grounding> groundCompany(const CrmReaders &crm, std::string_view companyId)
{
    auto company = crm.companies.get(companyId);
    if (!company)
        return std::move(company).error();
    Facts facts{{"company", companyFacts(*company)}};
    // One more than listed tells the model the list is not the whole company.
    auto contacts = crm.contacts.ofCompany(companyId, kMaxCompanyContacts + 1);
    if (!contacts)
        return std::move(contacts).error();
    for (const auto &c : *contacts) {
        if (facts["contacts"].size() == kMaxCompanyContacts) {
            facts["more_contacts"] = true;
            break;
        }
        facts["contacts"].push_back(pick(c, {"name", "title"}));
    }
    return Grounding{company->value("name", ""), {}, std::move(facts)};
}

} // namespace rapport::ai
