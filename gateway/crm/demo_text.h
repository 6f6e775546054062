#pragma once
// Helpers for the demo data generator: a portable PRNG and ASCII folding. Internal to demo_*.cpp.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace rapport::demo {

// splitmix64 with unbiased bounded draws by rejection: the same numbers on every platform, unlike
// std::uniform_int_distribution, whose algorithm is implementation-defined.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    // An independent stream per (seed, stream, index), so a record does not depend on earlier records.
    static Rng forRecord(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

    std::uint64_t next();
    std::uint64_t below(std::uint64_t bound);  // uniform in [0, bound); bound > 0
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    bool percent(int p) { return below(100) < static_cast<std::uint64_t>(p); }
    template <class T>
    const T &pick(std::span<const T> items) { return items[below(items.size())]; }

private:
    std::uint64_t m_state;
};

// "text|Latin" -> text; "text" -> text.
std::string_view wordText(std::string_view entry);
// "text|Latin" -> Latin; "text" -> text.
std::string_view wordLatin(std::string_view entry);

// Lower-case ASCII letters and digits only, diacritics folded (é -> e, ß -> ss, ł -> l; with
// germanUmlauts ä -> ae). Characters without a fold (other scripts, punctuation) are dropped.
std::string asciiWord(std::string_view utf8, bool germanUmlauts = false);
// Like asciiWord, but each run of dropped characters between words becomes one '-': "Blue Ridge" -> "blue-ridge".
std::string asciiLabel(std::string_view utf8, bool germanUmlauts = false);

// Fills '#' (0-9), '~' (1-9), '@' (A-Z) and '%' (1-240) after replacing "{area}" with area.
std::string fillPattern(std::string_view pattern, std::string_view area, Rng &rng);

// Replaces every "{key}" in format with value.
std::string replaceAll(std::string_view format, std::string_view key, std::string_view value);

} // namespace rapport::demo
