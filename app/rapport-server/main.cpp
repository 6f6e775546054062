// rapport-server: the team backend. Parses the global options up to the command name, then hands the
// rest to the command, which parses its own options.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <QCoreApplication>

#include "server_cli.h"

using namespace Qt::StringLiterals;

namespace {

struct CommandEntry {
    std::string_view name;
    std::string_view summary;
    int (*run)(const rapportserver::Invocation &);
};

constexpr std::array kCommands = {
    CommandEntry{"init", "create server.db and the server's one team", &rapportserver::runInit},
    CommandEntry{"user", "add a user (password from stdin)", &rapportserver::runUser},
    CommandEntry{"serve", "serve the team over HTTP(S)", &rapportserver::runServe},
};

void printUsage()
{
    std::string text =
        "Usage: rapport-server --data DIR <command> [options] [arguments]\n"
        "\n"
        "Options:\n"
        "  --data DIR      where the server keeps its database (required)\n"
        "  --version       print the version\n"
        "  -h, --help      show this help\n"
        "\n"
        "Commands:\n";
    for (const CommandEntry &c : kCommands)
        text += "  " + std::string(c.name) + std::string(8 - c.name.size(), ' ') + std::string(c.summary) + "\n";
    text +=
        "\n"
        "Run 'rapport-server <command> --help' for a command's arguments.\n"
        "Exit status: 0 success, 1 the operation failed, 2 usage error.\n";
    rapportserver::printText(text);
}

const CommandEntry *findCommand(std::string_view name)
{
    for (const CommandEntry &c : kCommands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"rapport-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));

    rapportserver::Invocation call;
    std::size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "-h" || arg == "--help") {
            printUsage();
            return rapportserver::kExitOk;
        }
        if (arg == "--version") {
            rapportserver::printText("rapport-server " RAPPORT_VERSION "\n");
            return rapportserver::kExitOk;
        }
        if (arg == "--data" || arg.starts_with("--data=")) {
            if (arg == "--data" && i + 1 == args.size())
                return rapportserver::usageError({}, "option '--data' needs a folder");
            call.dataDir = QString::fromStdString(arg == "--data" ? args[++i] : arg.substr(7));
            continue;
        }
        if (arg.starts_with('-'))
            return rapportserver::usageError({}, "unknown option '" + arg + "'");
        break;
    }
    if (i == args.size())
        return rapportserver::usageError({}, "no command given");

    const std::string name = args[i];
    call.args.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
    const CommandEntry *command = findCommand(name);
    if (!command)
        return rapportserver::usageError({}, "unknown command '" + name + "'");
    const bool wantsHelp = std::find(call.args.begin(), call.args.end(), "--help") != call.args.end()
        || std::find(call.args.begin(), call.args.end(), "-h") != call.args.end();
    if (call.dataDir.isEmpty() && !wantsHelp)
        return rapportserver::usageError({}, "option '--data DIR' is required (where the server keeps server.db)");
    return command->run(call);
}
