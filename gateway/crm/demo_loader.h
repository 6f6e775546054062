#pragma once
// Fills a profile with generateDemoData() through the services' bulk inserts (rapportctl demo, the app's
// "load demo data", benchmarks). Writes block on the store's writer: call from a worker, not the GUI thread.

#include <cstdint>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {

class Gateway;

struct DemoSummary {
    int companies = 0;
    int contacts = 0;
    std::uint64_t seed = 0;
    nlohmann::json toJson() const;  // {"companies":N,"contacts":N,"seed":S}
};

inline constexpr int kDemoBatchSize = 2000;  // contacts per createMany call (one transaction each)

// Creates every company in one createMany, then the contacts in batches of kDemoBatchSize, replacing each
// "company_index" with the new company's "company_id". progress(done, total) counts contacts: it is called
// once the companies exist (done == 0) and after every batch, ending with done == total.
// Stops at the first failing batch and returns its error; the batches before it stay in the profile.
Result<DemoSummary> loadDemoData(Gateway &gateway, int contactCount, std::uint64_t seed,
                                 std::function<void(int done, int total)> progress = {});

} // namespace rapport
