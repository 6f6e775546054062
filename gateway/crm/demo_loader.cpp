#include "crm/demo_loader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "crm/companies_service.h"
#include "crm/contacts_service.h"
#include "crm/demo_data.h"
#include "gateway.h"

namespace rapport {

nlohmann::json DemoSummary::toJson() const
{
    return {{"companies", companies}, {"contacts", contacts}, {"seed", seed}};
}

Result<DemoSummary> loadDemoData(Gateway &gateway, int contactCount, std::uint64_t seed,
                                 std::function<void(int done, int total)> progress)
{
    DemoData data = generateDemoData(contactCount, seed);
    const int total = static_cast<int>(data.contacts.size());
    const auto report = [&](int done) {
        if (progress)
            progress(done, total);
    };

    Result<std::vector<std::string>> companyIds = gateway.companies().createMany(data.companies);
    if (!companyIds)
        return companyIds.error();
    if (companyIds->size() != data.companies.size())
        return Error::make(ErrorCode::Internal, "companies createMany returned a wrong number of ids");
    report(0);

    const std::size_t count = data.contacts.size();
    for (std::size_t start = 0; start < count; start += kDemoBatchSize) {
        const std::size_t end = std::min(count, start + static_cast<std::size_t>(kDemoBatchSize));
        std::vector<nlohmann::json> batch;
        batch.reserve(end - start);
        for (std::size_t i = start; i < end; ++i) {
            nlohmann::json &contact = data.contacts[i];  // moved out: each record is sent once
            if (const auto it = contact.find("company_index"); it != contact.end()) {
                const auto index = it->get<std::size_t>();
                contact.erase(it);
                contact["company_id"] = (*companyIds)[index];
            }
            batch.push_back(std::move(contact));
        }
        Result<std::vector<std::string>> ids = gateway.contacts().createMany(batch);
        if (!ids) {
            Error error = ids.error();
            error.message = "demo contacts " + std::to_string(start) + "-" + std::to_string(end - 1) + ": " +
                            error.message;
            return error;
        }
        report(static_cast<int>(end));
    }
    return DemoSummary{static_cast<int>(data.companies.size()), total, seed};
}

} // namespace rapport
