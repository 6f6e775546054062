#pragma once
// UTF-8 checks for byte strings that are decoded lazily: validate cheaply, repair only when needed.

#include <string>
#include <string_view>

namespace rapport::ai {

// True when s is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view s);

// Appends s to out with every maximal ill-formed subpart replaced by U+FFFD, exactly as the WHATWG
// "UTF-8 decode" algorithm would; a truncated sequence at the end of s also becomes one U+FFFD.
void appendUtf8Repaired(std::string &out, std::string_view s);

// Appends the UTF-8 encoding of a Unicode scalar value (not a surrogate, at most U+10FFFF).
void appendUtf8CodePoint(std::string &out, char32_t cp);

// Appends s, repairing only if it is not valid UTF-8 (the common case is one fast scan and a memcpy).
inline void appendUtf8(std::string &out, std::string_view s)
{
    if (isValidUtf8(s))
        out.append(s);
    else
        appendUtf8Repaired(out, s);
}

} // namespace rapport::ai
