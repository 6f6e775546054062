#include "companies/companiesmodel.h"

#include "shared/jsonutil.h"

namespace rapport::ui {

namespace {

QString addressPart(const nlohmann::json &company, const char *key)
{
    const auto address = company.find("address");
    return address == company.end() ? QString() : jsonString(*address, key);
}

std::vector<PagedJsonModel::Column> companyColumns()
{
    using J = const nlohmann::json &;
    return {
        {CompaniesModel::tr("Name"), [](J c) { return jsonString(c, "name"); }},
        {CompaniesModel::tr("Domain"), [](J c) { return jsonString(c, "domain"); }},
        {CompaniesModel::tr("Phone"), [](J c) { return jsonString(c, "phone"); }},
        {CompaniesModel::tr("City"), [](J c) { return addressPart(c, "city"); }},
        {CompaniesModel::tr("Country"), [](J c) { return addressPart(c, "country"); }},
        {CompaniesModel::tr("Updated"), [](J c) { return formatTimestamp(jsonString(c, "updated_at")); }},
    };
}

} // namespace

CompaniesModel::CompaniesModel(GatewayClient &client, QObject *parent)
    : PagedJsonModel(client, "/companies", companyColumns(), parent)
{
}

} // namespace rapport::ui
