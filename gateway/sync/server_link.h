#pragma once
// Blocking JSON calls to the team server, for sync rounds on worker threads (never the GUI thread):
// the calling thread's network manager, a local event loop, a transfer timeout. Certificates are
// verified as usual; `caFile` adds a self-hosted server's CA (PEM) to the trusted ones.
//
// Errors: an unreachable server (refused, DNS, timeout, network down) is Upstream with field
// "network" (isOfflineError); TLS failures are Upstream naming the certificate problem; an HTTP error
// keeps the server's code and message (401 -> Unauthenticated, 426 -> UpgradeRequired, ...).

#include <chrono>
#include <memory>

#include <QNetworkReply>

#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/request.h"

namespace rapport::sync {

class ServerLink {
public:
    ServerLink(QString baseUrl, QString caFile, std::chrono::milliseconds timeout = std::chrono::seconds(30));

    // path with its query, e.g. "/sync/pull?cursor=0". token may be empty (sign-in).
    Result<nlohmann::json> call(Method method, const std::string &path, const nlohmann::json &body,
                                const QString &token) const;

    // The same in two steps, so the caller can work while the request travels (the network manager
    // moves the bytes on its own thread): start, do something else, then wait on the same thread.
    using Pending = std::unique_ptr<QNetworkReply>;
    Result<Pending> start(Method method, const std::string &path, const nlohmann::json &body,
                          const QString &token) const;
    Result<nlohmann::json> wait(Pending &pending) const;

private:
    QString m_base;
    QString m_caFile;
    std::chrono::milliseconds m_timeout;
};

bool isOfflineError(const Error &error);

// "https://host:port" without a trailing slash, or ValidationFailed (field "server").
Result<QString> normaliseServerUrl(const std::string &text);

} // namespace rapport::sync
