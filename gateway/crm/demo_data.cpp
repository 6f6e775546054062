#include "crm/demo_data.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_set>

#include "crm/demo_names.h"
#include "crm/demo_text.h"

namespace rapport {
namespace {

using demo::City;
using demo::Locale;
using demo::Rng;
using nlohmann::json;

// Separate PRNG streams, so that adding a field to companies does not reshuffle every contact.
constexpr std::uint64_t kCompanyStream = 1;
constexpr std::uint64_t kContactStream = 2;

struct LocaleTable {
    std::vector<const Locale *> locales;
    std::vector<std::uint64_t> cumulativeWeight;
};

const LocaleTable &localeTable()
{
    static const LocaleTable table = [] {
        LocaleTable t;
        std::uint64_t total = 0;
        for (const auto group : {demo::westernLocales(), demo::southernLocales(), demo::easternLocales()}) {
            for (const Locale &locale : group) {
                total += static_cast<std::uint64_t>(locale.weight);
                t.locales.push_back(&locale);
                t.cumulativeWeight.push_back(total);
            }
        }
        return t;
    }();
    return table;
}

const Locale &pickLocale(Rng &rng)
{
    const LocaleTable &t = localeTable();
    const std::uint64_t r = rng.below(t.cumulativeWeight.back());
    const auto it = std::upper_bound(t.cumulativeWeight.begin(), t.cumulativeWeight.end(), r);
    return *t.locales[static_cast<std::size_t>(it - t.cumulativeWeight.begin())];
}

std::string str(std::string_view s)
{
    return std::string(s);
}

json makeAddress(const Locale &locale, const City &city, Rng &rng)
{
    json address = json::object();
    address["street"] = demo::fillPattern(rng.pick(locale.streets), {}, rng);
    address["city"] = str(city.name);
    if (!city.postalPattern.empty())
        address["postal_code"] = demo::fillPattern(city.postalPattern, {}, rng);
    if (!city.region.empty())
        address["region"] = str(city.region);
    address["country"] = str(locale.country);
    return address;
}

// Up to count distinct entries of words (fewer when a draw repeats: small tag sets stay small).
json distinctPicks(demo::Words words, int count, Rng &rng)
{
    json out = json::array();
    for (int k = 0; k < count; ++k) {
        std::string word = str(rng.pick(words));
        if (std::find(out.begin(), out.end(), word) == out.end())
            out.push_back(std::move(word));
    }
    return out;
}

// What contacts need to know about their employer besides its JSON.
struct CompanyFacts {
    const Locale *locale = nullptr;
    const City *city = nullptr;
    std::string domain;
};

json makeCompany(std::uint64_t seed, int index, std::unordered_set<std::string> &domains, CompanyFacts &facts)
{
    Rng rng = Rng::forRecord(seed, kCompanyStream, static_cast<std::uint64_t>(index));
    const Locale &locale = pickLocale(rng);
    // Family firms ("Müller Logistik GmbH", "山田工業株式会社") next to invented brands.
    const std::string_view stem = rng.percent(35) ? rng.pick(locale.lastNames) : rng.pick(locale.companyStems);
    const std::string_view sector = rng.pick(locale.companySectors);
    const std::string name = demo::replaceAll(
        demo::replaceAll(rng.pick(locale.companyFormats), "stem", demo::wordText(stem)), "sector",
        demo::wordText(sector));

    const std::string stemLabel = demo::asciiLabel(demo::wordLatin(stem), locale.germanUmlauts);
    const std::string sectorLabel = demo::asciiLabel(demo::wordLatin(sector), locale.germanUmlauts);
    const std::string base = stemLabel + (rng.percent(50) ? "-" : "") + sectorLabel;
    const std::string tld = str(rng.pick(locale.tlds));
    // Namesakes get "name2.tld", "name3.tld"...: each company keeps a domain of its own.
    std::string domain = base + "." + tld;
    for (int n = 2; !domains.insert(domain).second; ++n)
        domain = base + std::to_string(n) + "." + tld;

    const City &city = rng.pick(locale.cities);
    json company = json::object();
    company["name"] = name;
    company["domain"] = domain;
    company["phone"] = demo::fillPattern(locale.landline, city.areaCode, rng);
    company["address"] = makeAddress(locale, city, rng);
    company["tags"] = distinctPicks(demo::companyTags(), rng.between(1, 2), rng);
    if (rng.percent(50))
        company["notes"] = str(rng.pick(locale.notes.empty() || rng.percent(60) ? demo::englishNotes() : locale.notes));
    company["owner"] = str(rng.pick(demo::salesReps()));

    facts = {&locale, &city, std::move(domain)};
    return company;
}

std::string twoDigits(Rng &rng)
{
    return std::to_string(rng.between(10, 99));
}

std::string workLocalPart(const std::string &first, const std::string &last, Rng &rng)
{
    switch (rng.below(6)) {
    case 0: return first + "." + last;
    case 1: return first.substr(0, 1) + "." + last;
    case 2: return first.substr(0, 1) + last;
    case 3: return first;
    case 4: return last + "." + first;
    default: return first + "_" + last;
    }
}

std::string personalAddress(const Locale &locale, const std::string &first, const std::string &last, Rng &rng)
{
    const std::string domain = str(rng.pick(locale.personalDomains));
    if (domain == "qq.com")  // QQ mail addresses are the account number
        return demo::fillPattern("~########", {}, rng) + "@" + domain;
    switch (rng.below(5)) {
    case 0: return first + "." + last + "@" + domain;
    case 1: return first + last + twoDigits(rng) + "@" + domain;
    case 2: return first + "." + last + twoDigits(rng) + "@" + domain;
    case 3: return last + "." + first + "@" + domain;
    default: return first.substr(0, 1) + last + std::to_string(rng.between(1950, 2005)) + "@" + domain;
    }
}

// Views into the address strings already stored in the generated JSON: a json string lives on the heap
// and does not move when its json value is moved, and nothing is edited until generation ends.
using AddressSet = std::unordered_set<std::string_view>;

// Addresses are unique across the whole data set, as a CRM would expect: a repeat gets a number.
std::string uniqueAddress(std::string address, const AddressSet &used)
{
    if (!used.contains(address))
        return address;
    const std::size_t at = address.find('@');
    for (int n = 2;; ++n) {
        std::string candidate = address.substr(0, at) + std::to_string(n) + address.substr(at);
        if (!used.contains(candidate))
            return candidate;
    }
}

json makeEmails(const Locale &locale, const CompanyFacts *company, const std::string &first,
                const std::string &last, AddressSet &used, Rng &rng)
{
    const std::uint64_t roll = rng.below(10);
    const std::size_t count = roll < 6 ? 1 : roll < 9 ? 2 : 3;
    // Mostly the primary address comes first, but not always: readers must look at "primary".
    const std::size_t primary = rng.percent(85) ? 0 : count - 1;
    json emails = json::array();
    for (std::size_t k = 0; k < count; ++k) {
        const bool work = company && k == 0;
        std::string address = work ? workLocalPart(first, last, rng) + "@" + company->domain
                                   : personalAddress(locale, first, last, rng);
        json email = json::object();
        email["address"] = uniqueAddress(std::move(address), used);
        email["label"] = work ? "work" : k == 0 || (company && k == 1) ? "home" : "other";
        email["primary"] = k == primary;
        used.insert(email["address"].get_ref<const std::string &>());
        emails.push_back(std::move(email));
    }
    return emails;
}

// Built key by key: nlohmann's initializer lists copy every value, and this runs 100,000 times.
json phone(std::string number, const char *label)
{
    json out = json::object();
    out["number"] = std::move(number);
    out["label"] = label;
    return out;
}

json makeContact(std::uint64_t seed, int index, const std::vector<CompanyFacts> &companies,
                 AddressSet &usedEmails)
{
    Rng rng = Rng::forRecord(seed, kContactStream, static_cast<std::uint64_t>(index));
    json contact = json::object();

    const CompanyFacts *company = nullptr;
    if (!companies.empty() && rng.percent(88)) {
        // The smaller of two draws: early companies get more contacts, as real accounts vary in size.
        const std::uint64_t n = companies.size();
        const std::size_t k = static_cast<std::size_t>(std::min(rng.below(n), rng.below(n)));
        company = &companies[k];
        contact["company_index"] = k;
    }
    const Locale &locale = company && rng.percent(80) ? *company->locale : pickLocale(rng);

    const bool female = rng.percent(50);
    const std::string_view given = rng.pick(female ? locale.femaleFirst : locale.maleFirst);
    const std::size_t surnameIndex = static_cast<std::size_t>(rng.below(locale.lastNames.size()));
    const demo::Words surnames = female && !locale.femaleLastNames.empty() ? locale.femaleLastNames : locale.lastNames;
    const std::string_view surname = surnames[surnameIndex];
    const bool latin = rng.percent(locale.latinPercent);
    const auto shown = [&](std::string_view entry) { return latin ? demo::wordLatin(entry) : demo::wordText(entry); };
    std::string family = str(shown(surname));
    if (rng.percent(locale.doubleSurnamePercent)) {
        const std::string_view second = rng.pick(locale.lastNames);
        if (second != surname)
            family += " " + str(shown(second));
    }
    const bool familyFirst = locale.familyNameFirst && !latin;
    const std::string separator = latin ? " " : str(locale.nameSeparator);
    contact["name"] = familyFirst ? family + separator + str(shown(given)) : str(shown(given)) + separator + family;

    if (rng.percent(90)) {
        const bool local = !locale.titles.empty() && rng.percent(55);
        const std::string_view title = rng.pick(local ? locale.titles : demo::englishTitles());
        contact["title"] = str(female ? demo::wordLatin(title) : demo::wordText(title));
    }

    const std::string first = demo::asciiWord(demo::wordLatin(given), locale.germanUmlauts);
    const std::string last = demo::asciiWord(demo::wordLatin(surname), locale.germanUmlauts);
    contact["emails"] = makeEmails(locale, company, first, last, usedEmails, rng);

    const bool atOffice = company && rng.percent(60);
    const Locale &home = atOffice ? *company->locale : locale;
    const City &city = atOffice ? *company->city : rng.pick(locale.cities);
    const std::uint64_t phoneRoll = rng.below(20);
    json phones = json::array();
    if (phoneRoll >= 2) {
        if (company)
            phones.push_back(phone(demo::fillPattern(home.landline, city.areaCode, rng), "work"));
        if (!company || phoneRoll >= 11)
            phones.push_back(phone(demo::fillPattern(home.mobile, city.areaCode, rng), "mobile"));
    }
    contact["phones"] = std::move(phones);
    if (atOffice || rng.percent(50))
        contact["address"] = makeAddress(home, city, rng);

    json tags = distinctPicks(demo::contactTags().first(demo::contactTags().size() - 2), rng.between(0, 3), rng);
    if (rng.percent(2))
        tags.push_back(str(rng.pick(demo::contactTags().last(2))));
    contact["tags"] = std::move(tags);

    const std::uint64_t noteRoll = rng.below(100);
    if (noteRoll < 3)
        contact["notes"] = str(rng.pick(demo::emojiNotes()));
    else if (noteRoll < 30)
        contact["notes"] = str(rng.pick(demo::englishNotes()));
    else if (noteRoll < 45 && !locale.notes.empty())
        contact["notes"] = str(rng.pick(locale.notes));
    contact["owner"] = str(rng.pick(demo::salesReps()));
    return contact;
}

} // namespace

DemoData generateDemoData(int contactCount, std::uint64_t seed)
{
    DemoData data;
    if (contactCount <= 0)
        return data;
    const int companyCount = std::max(1, (contactCount + 10) / 20);
    std::vector<CompanyFacts> facts(static_cast<std::size_t>(companyCount));
    // Lookups only, never iterated: hash order cannot leak into the output.
    std::unordered_set<std::string> domains;
    AddressSet emails;
    emails.reserve(static_cast<std::size_t>(contactCount) * 2);
    data.companies.reserve(facts.size());
    for (int i = 0; i < companyCount; ++i)
        data.companies.push_back(makeCompany(seed, i, domains, facts[static_cast<std::size_t>(i)]));
    data.contacts.reserve(static_cast<std::size_t>(contactCount));
    for (int i = 0; i < contactCount; ++i)
        data.contacts.push_back(makeContact(seed, i, facts, emails));
    return data;
}

} // namespace rapport
