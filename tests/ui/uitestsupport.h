#pragma once
// A real profile for UI tests: a gateway on a temporary folder, the GUI's GatewayClient on it, the
// profile's settings file, and helpers that seed records through the gateway's routes.

#include <memory>
#include <string>

#include <QSettings>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include "gateway.h"
#include "shared/gatewayclient.h"

class QAbstractItemModel;

namespace rapport::test {

class TestProfile {
public:
    // QVERIFY(isOpen()) in the test. `secrets`: the gateway's SecretStore (Gmail tokens); default memory.
    explicit TestProfile(SecretStore *secrets = nullptr);
    bool isOpen() const { return m_client != nullptr; }
    QString path() const { return m_dir.path(); }
    Gateway &gateway() { return *m_gateway; }
    GatewayClient &client() { return *m_client; }
    QSettings &settings() { return *m_settings; }

    // POST through the routes; returns the created record ({} on failure, with a warning).
    nlohmann::json addContact(const nlohmann::json &contact);
    nlohmann::json addCompany(const nlohmann::json &company);
    // n contacts "Contact 0001".. in one bulk insert.
    bool addManyContacts(int n);
    nlohmann::json get(const std::string &target);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Gateway> m_gateway;
    std::unique_ptr<GatewayClient> m_client;
    std::unique_ptr<QSettings> m_settings;
};

// The names a model shows in column 0, in order.
QStringList namesIn(const QAbstractItemModel &model);

} // namespace rapport::test
