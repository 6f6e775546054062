#pragma once
// Timestamps are stored as Unix milliseconds and shown as ISO 8601 UTC ("2026-11-27T13:45:12.345Z").

#include <cstdint>
#include <string>

namespace rapport {

std::int64_t nowMs();
std::string isoFromMs(std::int64_t ms);

} // namespace rapport
