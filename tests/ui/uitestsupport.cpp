#include "uitestsupport.h"

#include <vector>

#include <QAbstractItemModel>
#include <QtDebug>

#include "crm/contacts_service.h"

using namespace Qt::StringLiterals;

namespace rapport::test {

TestProfile::TestProfile(SecretStore *secrets)
{
    if (!m_dir.isValid())
        return;
    GatewayOptions options;
    options.secrets = secrets;
    auto opened = Gateway::open(m_dir.path(), options);
    if (!opened) {
        qWarning() << "Gateway::open failed:" << QString::fromStdString(opened.error().message);
        return;
    }
    m_gateway = std::move(*opened);
    m_client = std::make_unique<GatewayClient>(*m_gateway);
    m_settings = std::make_unique<QSettings>(m_dir.path() + u"/settings.ini"_s, QSettings::IniFormat);
}

static nlohmann::json post(Gateway &gateway, const char *target, const nlohmann::json &body)
{
    const Response response = gateway.call(Method::Post, target, body.dump());
    if (response.status != 201) {
        qWarning() << "POST" << target << "failed:" << response.status << QString::fromStdString(response.body.dump());
        return {};
    }
    return response.body;
}

nlohmann::json TestProfile::addContact(const nlohmann::json &contact) { return post(*m_gateway, "/contacts", contact); }

nlohmann::json TestProfile::addCompany(const nlohmann::json &company)
{
    return post(*m_gateway, "/companies", company);
}

bool TestProfile::addManyContacts(int n)
{
    std::vector<nlohmann::json> inputs;
    inputs.reserve(static_cast<size_t>(n));
    for (int i = 1; i <= n; ++i) {
        const std::string number = QString::number(i).rightJustified(4, u'0').toStdString();
        inputs.push_back({{"name", "Contact " + number},
                          {"emails", {{{"address", "contact" + number + "@example.com"}, {"primary", true}}}}});
    }
    auto created = m_gateway->contacts().createMany(inputs);
    if (!created)
        qWarning() << "createMany failed:" << QString::fromStdString(created.error().message);
    return created.ok();
}

nlohmann::json TestProfile::get(const std::string &target)
{
    const Response response = m_gateway->call(Method::Get, target);
    return response.isSuccess() ? response.body : nlohmann::json();
}

QStringList namesIn(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data().toString());
    return names;
}

} // namespace rapport::test
