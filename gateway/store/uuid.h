#pragma once
// Client-generated ids: UUIDv7 (RFC 9562), time-ordered so new records sort last and index well.

#include <string>
#include <string_view>

namespace rapport {

// "01936f4e-8c1a-7b2e-9f3d-5a6b7c8d9e0f"; strictly increasing within this process.
std::string newUuidV7();
// Canonical 8-4-4-4-12 lowercase hex form (any version).
bool isUuid(std::string_view text);

} // namespace rapport
