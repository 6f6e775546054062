#include "contacts/contactsmodel.h"

#include "shared/jsonutil.h"

namespace rapport::ui {

namespace {

std::vector<PagedJsonModel::Column> contactColumns()
{
    using J = const nlohmann::json &;
    return {
        {ContactsModel::tr("Name"), [](J c) { return jsonString(c, "name"); }},
        {ContactsModel::tr("Company"), [](J c) { return jsonString(c, "company_name"); }},
        {ContactsModel::tr("Email"), [](J c) { return ContactsModel::primaryEmail(c); }},
        {ContactsModel::tr("Phone"), [](J c) { return ContactsModel::firstPhone(c); }},
        {ContactsModel::tr("Title"), [](J c) { return jsonString(c, "title"); }},
        {ContactsModel::tr("Updated"), [](J c) { return formatTimestamp(jsonString(c, "updated_at")); }},
    };
}

} // namespace

ContactsModel::ContactsModel(GatewayClient &client, QObject *parent)
    : PagedJsonModel(client, "/contacts", contactColumns(), parent)
{
}

QString ContactsModel::primaryEmail(const nlohmann::json &contact)
{
    const auto emails = contact.find("emails");
    if (emails == contact.end() || !emails->is_array() || emails->empty())
        return {};
    for (const nlohmann::json &email : *emails) {
        if (email.value("primary", false))
            return jsonString(email, "address");
    }
    return jsonString(emails->front(), "address");
}

QString ContactsModel::firstPhone(const nlohmann::json &contact)
{
    const auto phones = contact.find("phones");
    if (phones == contact.end() || !phones->is_array() || phones->empty())
        return {};
    return jsonString(phones->front(), "number");
}

} // namespace rapport::ui
