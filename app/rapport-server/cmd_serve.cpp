// `serve`: the route table over HTTP(S) until SIGTERM/SIGINT, then a graceful shutdown (5 s).
//
// Without a certificate the server speaks plain HTTP, so it listens on loopback only unless given
// --insecure: passwords and session tokens would otherwise cross the network in the clear.

#include <array>
#include <csignal>
#include <cstdio>
#include <optional>

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimer>

#include "core/metrics.h"
#include "core/ratelimiter.h"
#include "core/router.h"
#include "server/accounts.h"
#include "server/http/http_server.h"
#include "server/server_store.h"
#include "server/sqlite_sync_storage.h"
#include "server_cli.h"
#include "server_routes.h"

namespace rapportserver {

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void onStopSignal(int)
{
    g_stopRequested = 1;  // all a signal handler may safely do; a timer on the event loop polls it
}

struct ListenAddress {
    QHostAddress host;
    quint16 port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0". nullopt with `error` set when malformed.
std::optional<ListenAddress> parseListen(const std::string &text, std::string &error)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        error = "--listen needs HOST:PORT, e.g. 127.0.0.1:8443";
        return std::nullopt;
    }
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    ListenAddress out;
    if (host == "localhost")
        out.host = QHostAddress(QHostAddress::LocalHost);
    else if (!out.host.setAddress(QString::fromStdString(host))) {
        error = "--listen: '" + host + "' is not an IP address";
        return std::nullopt;
    }
    bool ok = false;
    const uint port = QString::fromStdString(text.substr(colon + 1)).toUInt(&ok);
    if (!ok || port > 65535) {
        error = "--listen: '" + text.substr(colon + 1) + "' is not a port (0-65535; 0 picks a free one)";
        return std::nullopt;
    }
    out.port = static_cast<quint16>(port);
    return out;
}

std::string urlHost(const QHostAddress &address)
{
    const std::string text = address.toString().toStdString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? "[" + text + "]" : text;
}

} // namespace

int runServe(const Invocation &call)
{
    static constexpr std::array<OptionSpec, 4> kSpecs = {
        {{"listen", 0, true}, {"cert", 0, true}, {"key", 0, true}, {"insecure", 0, false}}};
    const ParsedArgs parsed = parseArgs(call.args, kSpecs);
    if (!parsed.error.empty())
        return usageError("serve", parsed.error);
    if (parsed.help) {
        printText("Usage: rapport-server --data DIR serve --listen HOST:PORT [--cert FILE --key FILE] [--insecure]\n"
                  "\n"
                  "Serves the team until SIGTERM or SIGINT. PORT 0 picks a free port; the first line on\n"
                  "stdout names the real one. Without --cert/--key only a loopback address is accepted,\n"
                  "unless --insecure. The access log (JSON lines, no secrets) goes to stderr.\n");
        return kExitOk;
    }
    if (!parsed.positional.empty())
        return usageError("serve", "unexpected argument '" + parsed.positional.front() + "'");
    const auto listen = parsed.options.find("listen");
    if (listen == parsed.options.end())
        return usageError("serve", "--listen HOST:PORT is required, e.g. --listen 127.0.0.1:8443");
    std::string error;
    const std::optional<ListenAddress> address = parseListen(listen->second, error);
    if (!address)
        return usageError("serve", error);
    const bool hasCert = parsed.options.contains("cert");
    if (hasCert != parsed.options.contains("key"))
        return usageError("serve", "--cert and --key go together");
    if (!hasCert && !address->host.isLoopback() && !parsed.options.contains("insecure"))
        return usageError("serve", "refusing to serve plain HTTP on " + address->host.toString().toStdString()
                                       + ", which is not a loopback address: give --cert FILE --key FILE, or "
                                         "--insecure if something in front of this server does TLS");

    auto store = rapport::server::ServerStore::open(call.dataDir);
    if (!store)
        return failure("serve", store.error());
    auto accounts = rapport::server::Accounts::create(**store);
    if (!accounts)
        return failure("serve", accounts.error());

    rapport::Metrics metrics;
    rapport::RateLimiter limiter(rapport::RateLimits::defaults());
    // Sync batches are capped near 512 KiB by the client; one record with very long notes may add more.
    constexpr std::size_t kMaxBody = 4 * 1024 * 1024;
    rapport::Router router(metrics, limiter, rapport::RouterOptions{.maxBodyBytes = kMaxBody});
    rapport::server::SqliteSyncStorage syncStorage(**store);
    addServerRoutes(router, **accounts);
    addServerSyncRoutes(router, **accounts, syncStorage);
    addServerRecordRoutes(router, **accounts, syncStorage);

    rapport::server::HttpServerOptions options;
    options.maxBodyBytes = kMaxBody;
    if (hasCert) {
        options.certificateFile = QString::fromStdString(parsed.options.at("cert"));
        options.privateKeyFile = QString::fromStdString(parsed.options.at("key"));
    }
    options.accessLog = [](const QByteArray &line) {
        std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
        std::fflush(stderr);
    };
    rapport::server::HttpServer server(router, std::move(options));
    if (const auto failed = server.listen(address->host, address->port)) {
        printError("rapport-server serve: " + failed->message.toStdString());
        return kExitFailed;
    }

    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &server, [&poll, &server] {
        if (!g_stopRequested)
            return;
        poll.stop();
        printError("rapport-server serve: shutting down");
        server.shutdown(std::chrono::seconds(5));
    });
    QObject::connect(&server, &rapport::server::HttpServer::finished, &server, [] { QCoreApplication::quit(); });
    poll.start();

    printText(std::string("listening on ") + (server.isTls() ? "https://" : "http://") + urlHost(address->host) + ":"
              + std::to_string(server.serverPort()) + "\n");
    QCoreApplication::exec();
    return kExitOk;
}

} // namespace rapportserver
