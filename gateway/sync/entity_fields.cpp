#include "sync/entity_fields.h"

#include "crm/company_record.h"
#include "crm/contact_record.h"

namespace rapport::sync {

bool isSyncedEntity(std::string_view entity)
{
    return entity == "contact" || entity == "company";
}

Result<void> validateFields(const std::string &entity, const FieldMap &fields, const std::string &path)
{
    if (!isSyncedEntity(entity))
        return Error::validation({{path + ".entity", "entity must be contact or company"}});
    nlohmann::json values = nlohmann::json::object();
    for (const auto &[name, f] : fields) {
        if (name == "id")
            return Error::validation({{path + ".fields.id", "the id is not a field"}});
        values[name] = f.value;
    }
    if (entity == "contact") {
        auto parsed = parseContactInput(values, false, path + ".fields");
        if (!parsed)
            return std::move(parsed).error();
    } else {
        auto parsed = parseCompanyInput(values, false, path + ".fields");
        if (!parsed)
            return std::move(parsed).error();
    }
    return {};
}

} // namespace rapport::sync
