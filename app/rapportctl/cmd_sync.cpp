// rapportctl login | logout | sync | conflicts: the team server from the command line, through the same
// routes the window uses (POST /sync/login, /sync/logout, /sync/now, GET /sync/conflicts).

#include <cstdio>

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/error.h"
#include "gateway.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/thread_bound_secret_store.h"

namespace rapportctl {

namespace {

constexpr std::string_view kUsage =
    "Usage: rapportctl [--profile DIR] login --server URL --email EMAIL [--ca-file PEM]   (password on stdin)\n"
    "       rapportctl [--profile DIR] logout\n"
    "       rapportctl [--profile DIR] sync\n"
    "       rapportctl [--profile DIR] conflicts [--resolve ID --keep mine|theirs]\n"
    "\n"
    "login signs this profile in to the team server (the session token goes to the keychain only);\n"
    "sync runs one round (push every pending edit, pull every change) and prints the status JSON;\n"
    "conflicts lists edits of yours that lost to a colleague's, or settles one.\n"
    "\n"
    "Exit status: 0 success, 1 the operation failed (sync: the round failed), 2 usage error.\n";

constexpr OptionSpec kOptions[] = {
    {"server", 0, true}, {"email", 0, true}, {"ca-file", 0, true}, {"resolve", 0, true}, {"keep", 0, true}};

// The sync routes block on the network and the keychain, and the keychain answers on this (the main)
// thread: so the route runs on a worker while this thread serves the keychain's event loop.
rapport::Response callOffMainThread(rapport::Gateway &gateway, rapport::Method method, std::string target,
                                    std::string body)
{
    rapport::Response response;
    QEventLoop loop;
    QThread *worker = QThread::create([&] { response = gateway.call(method, target, std::move(body)); });
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    return response;
}

int runSyncCommand(const std::string &command, const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, kOptions);
    if (parsed.help) {
        std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError(command, parsed.error);
    if (!parsed.positional.empty())
        return usageError(command, "unexpected argument '" + parsed.positional.front() + "'");
    const auto option = [&parsed](const char *name) {
        const auto it = parsed.options.find(name);
        return it == parsed.options.end() ? std::string() : it->second;
    };
    rapport::Method method = rapport::Method::Post;
    std::string target;
    nlohmann::json body;
    if (command == "login") {
        if (option("server").empty() || option("email").empty())
            return usageError(command, "--server URL and --email EMAIL are required");
        const std::string password = rapport::cli::readPasswordLine();
        if (password.empty())
            return usageError(command, "no password on stdin (give it as one line)");
        body = {{"server", option("server")}, {"email", option("email")}, {"password", password}};
        if (!option("ca-file").empty())
            body["ca_file"] = option("ca-file");
        target = "/sync/login";
    } else if (command == "logout") {
        target = "/sync/logout";
    } else if (command == "sync") {
        target = "/sync/now";
    } else if (!option("resolve").empty()) {
        target = "/sync/conflicts/" + option("resolve") + "/resolve";
        body = {{"keep", option("keep")}};
    } else {
        method = rapport::Method::Get;
        target = "/sync/conflicts";
    }

    rapport::KeychainSecretStore keychain(rapport::secretNamespaceForProfile(rapport::resolveProfileDir(call.profile)));
    rapport::ThreadBoundSecretStore secrets(keychain, QCoreApplication::instance());
    auto gateway = openGateway(call.profile, &secrets);
    if (!gateway)
        return kExitFailed;
    const rapport::Response response =
        callOffMainThread(*gateway, method, target, body.is_null() ? std::string() : body.dump());
    if (!response.isSuccess()) {
        const rapport::Error error = rapport::Error::fromJson(response.body);
        printError("rapportctl " + command + ": " + (error.field.empty() ? "" : error.field + ": ") + error.message);
        return kExitFailed;
    }
    printJson(response.body);
    // A failed round is answered as the status (so it can be shown); the exit status still tells.
    if (command == "sync" && response.body.value("last_error", nlohmann::json()).is_object())
        return kExitFailed;
    return kExitOk;
}

} // namespace

int runLogin(const Invocation &call) { return runSyncCommand("login", call); }
int runLogout(const Invocation &call) { return runSyncCommand("logout", call); }
int runSync(const Invocation &call) { return runSyncCommand("sync", call); }
int runConflicts(const Invocation &call) { return runSyncCommand("conflicts", call); }

} // namespace rapportctl
