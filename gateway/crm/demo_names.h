#pragma once
// Per-country tables for the demo data generator: names, places, phone formats, company parts.
// Internal to demo_data.cpp; the tables live in demo_names_*.cpp, one file per region.
//
// A name or word entry is "text" when the text is Latin script, or "text|Latin" with the romanisation
// used for e-mail addresses and domains (and shown instead of the text for latinPercent of contacts).
// Patterns: '#' a digit, '~' a digit 1-9, '@' a letter A-Z, '%' a house number 1-240,
// "{area}" the city's area code (filled first, so an area code may itself hold '#').

#include <span>
#include <string_view>
#include <vector>

namespace rapport::demo {

using Words = std::span<const std::string_view>;

struct City {
    std::string_view name;
    std::string_view postalPattern;  // empty: the country has no postal codes in common use
    std::string_view areaCode;
    std::string_view region;         // empty when addresses there carry none
};

struct Locale {
    std::string_view country;   // English name, as stored in address.country
    int weight = 1;             // relative share of contacts and companies
    Words maleFirst;
    Words femaleFirst;
    Words lastNames;
    Words femaleLastNames;      // parallel to lastNames where surnames have a feminine form; else empty
    bool familyNameFirst = false;
    std::string_view nameSeparator = " ";
    int latinPercent = 0;       // share of contacts whose name is shown romanised
    int doubleSurnamePercent = 0;
    bool germanUmlauts = false; // fold ä/ö/ü to ae/oe/ue in addresses, not a/o/u
    std::span<const City> cities;
    Words streets;
    std::string_view landline;
    std::string_view mobile;
    Words companyStems;
    Words companySectors;
    Words companyFormats;       // "{stem}" and "{sector}" placeholders
    Words tlds;
    Words personalDomains;
    Words titles;               // local job titles, "masculine|feminine" where they differ; empty: English only
    Words notes;                // local-language notes
};

std::span<const Locale> westernLocales();   // demo_names_west.cpp
std::span<const Locale> southernLocales();  // demo_names_south.cpp
std::span<const Locale> easternLocales();   // demo_names_east.cpp

// Shared vocabularies (demo_names_shared.cpp).
Words englishTitles();
Words englishNotes();
Words emojiNotes();
Words contactTags();
Words companyTags();
Words salesReps();

} // namespace rapport::demo
