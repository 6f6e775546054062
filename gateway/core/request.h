#pragma once
// A call into the gateway: the same value whether it came from the window, rapportctl or HTTP.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace rapport {

enum class Method { Get, Post, Put, Patch, Delete };

std::optional<Method> parseMethod(std::string_view name);  // case-insensitive "get" -> Get
std::string_view methodName(Method method);                 // "GET"

// "%41+b" -> "A b" (with plusIsSpace); a '%' not followed by two hex digits is kept literally.
std::string percentDecode(std::string_view text, bool plusIsSpace);
bool isValidUtf8(std::string_view text);  // well-formed UTF-8: no overlongs, surrogates or stray bytes

struct Request {
    Method method = Method::Get;
    std::string path;                                         // "/contacts/0192...", still percent-encoded: the
                                                              // Router decodes per segment, so "%2F" stays in one
    std::vector<std::pair<std::string, std::string>> query;   // decoded, in order; repeated keys kept
    std::string body;                                         // raw UTF-8 body as received
    nlohmann::json json;                                      // parsed body, set by the Router (null if empty)
    std::vector<std::pair<std::string, std::string>> params;  // ":param" captures, set by the Router
    std::string identity = "local";                          // who calls: "local" in the desktop app
    // Set by rapport-server's HTTP adapter only (empty in process): the token of "Authorization: Bearer
    // <token>", for the identity middleware to resolve, and the peer address ("127.0.0.1", "::1").
    std::string bearerToken;
    std::string remoteAddress;

    // Splits "path?query", percent-decodes query keys/values ('+' is a space).
    static Request make(Method method, std::string_view target, std::string body = {});

    std::string_view param(std::string_view name) const;                    // "" when absent
    std::optional<std::string_view> queryValue(std::string_view key) const; // first value for key
};

} // namespace rapport
