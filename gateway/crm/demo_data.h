#pragma once
// Synthetic, deterministic CRM data for demos, screenshots and benchmarks.
//
// The same (contactCount, seed) gives byte-identical JSON on every machine and compiler: the generator
// uses its own PRNG (splitmix64) and its own bounded draws, never std::*_distribution, and iterates no
// unordered container. Data spans 20 countries and their scripts (Latin with diacritics, Greek, Cyrillic,
// CJK, Hangul, Arabic, Devanagari, Hebrew), with ASCII e-mail addresses, national phone formats and a few
// emoji in notes and tags. Every record satisfies the contacts/companies validation.

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace rapport {

struct DemoData {
    // Company JSON: {"name","domain","phone","address":{...},"tags":[..],"notes","owner"}.
    std::vector<nlohmann::json> companies;
    // Contact JSON as ContactsService::create takes it, except that a contact working for a generated
    // company carries "company_index": k (index into companies) instead of "company_id".
    std::vector<nlohmann::json> contacts;
};

// About one company per 20 contacts (at least one when contactCount > 0); nothing for contactCount <= 0.
DemoData generateDemoData(int contactCount, std::uint64_t seed);

} // namespace rapport
