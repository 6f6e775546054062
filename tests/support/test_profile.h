#pragma once
// A real gateway on a throw-away profile folder, and small helpers to call routes from tests.

#include <memory>
#include <string>

#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <nlohmann/json.hpp>

#include "gateway.h"
#include "support/jcompare.h"

namespace rapport::test {

struct TestProfile {
    QTemporaryDir dir;
    std::unique_ptr<Gateway> gateway;

    explicit TestProfile(GatewayOptions options = {})
    {
        auto opened = Gateway::open(dir.path(), options);
        if (opened)
            gateway = std::move(*opened);
        else
            qFatal("cannot open test profile: %s", opened.error().message.c_str());
    }

    Response call(Method m, const std::string &target, const nlohmann::json &body = nullptr) const
    {
        return gateway->call(m, target, body.is_null() ? std::string() : body.dump());
    }

    // POST /contacts and return the created contact (fails the test on error).
    nlohmann::json createContact(const nlohmann::json &body) const
    {
        Response r = call(Method::Post, "/contacts", body);
        if (r.status != 201)
            qWarning("create failed: %d %s", r.status, r.body.dump().c_str());
        return r.body;
    }
};

// Names of the items of a list response, in order.
inline std::vector<std::string> names(const Response &r)
{
    std::vector<std::string> out;
    for (const auto &item : r.body["items"])
        out.push_back(item["name"].get<std::string>());
    return out;
}

inline std::string urlEncode(const std::string &s)
{
    return QUrl::toPercentEncoding(QString::fromStdString(s)).toStdString();
}

} // namespace rapport::test
