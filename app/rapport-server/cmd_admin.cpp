// `init` and `user add`: set up the team and its users in server.db.

#include <array>
#include <string>

#include "server/accounts.h"
#include "server/server_store.h"
#include "server_cli.h"

namespace rapportserver {

int runInit(const Invocation &call)
{
    static constexpr std::array<OptionSpec, 1> kSpecs = {{{"team", 0, true}}};
    const ParsedArgs parsed = parseArgs(call.args, kSpecs);
    if (!parsed.error.empty())
        return usageError("init", parsed.error);
    if (parsed.help) {
        printText("Usage: rapport-server --data DIR init [--team NAME]\n"
                  "\n"
                  "Creates server.db in DIR and the server's one team (default name \"Team\").\n"
                  "Fails (exit 1) when the server already has its team.\n");
        return kExitOk;
    }
    if (!parsed.positional.empty())
        return usageError("init", "unexpected argument '" + parsed.positional.front() + "'");
    const auto team = parsed.options.find("team");
    const std::string name = team == parsed.options.end() ? std::string("Team") : team->second;

    auto store = rapport::server::ServerStore::open(call.dataDir);
    if (!store)
        return failure("init", store.error());
    auto accounts = rapport::server::Accounts::create(**store);
    if (!accounts)
        return failure("init", accounts.error());
    auto created = (*accounts)->initTeam(name);
    if (!created)
        return failure("init", created.error());
    printText("created team \"" + created->name + "\" (" + created->id + ") in "
              + (*store)->databasePath().toStdString() + "\n");
    return kExitOk;
}

int runUser(const Invocation &call)
{
    static constexpr std::array<OptionSpec, 1> kSpecs = {{{"admin", 0, false}}};
    const ParsedArgs parsed = parseArgs(call.args, kSpecs);
    if (!parsed.error.empty())
        return usageError("user", parsed.error);
    if (parsed.help) {
        printText("Usage: rapport-server --data DIR user add EMAIL [--admin]\n"
                  "\n"
                  "Adds a user to the team; reads the password from stdin (one line).\n");
        return kExitOk;
    }
    if (parsed.positional.empty() || parsed.positional.front() != "add")
        return usageError("user", "expected 'user add EMAIL'");
    if (parsed.positional.size() != 2)
        return usageError("user", parsed.positional.size() < 2 ? "no e-mail given" : "too many arguments");
    const std::string &email = parsed.positional[1];
    const bool isAdmin = parsed.options.contains("admin");

    const std::string password = rapport::cli::readPasswordLine();
    if (password.empty())
        return usageError("user", "no password on stdin (give it as one line)");

    auto store = rapport::server::ServerStore::open(call.dataDir);
    if (!store)
        return failure("user", store.error());
    auto accounts = rapport::server::Accounts::create(**store);
    if (!accounts)
        return failure("user", accounts.error());
    auto user = (*accounts)->addUser(email, password, isAdmin);
    if (!user)
        return failure("user", user.error());
    printText("added " + std::string(user->isAdmin ? "admin " : "") + "user " + user->email + " (" + user->id + ")\n");
    return kExitOk;
}

} // namespace rapportserver
