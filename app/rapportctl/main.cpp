// rapportctl: the Rapport gateway from the command line, in-process on a local profile.
// Parses the global options up to the command name, then hands the rest to the command, which parses
// its own options: positional arguments of one command never meet another's options.

#include <array>
#include <string>
#include <vector>

#include <QCoreApplication>

#include "cli.h"

using namespace Qt::StringLiterals;

namespace {

struct CommandEntry {
    std::string_view name;
    std::string_view summary;
    int (*run)(const rapportctl::Invocation &);
};

constexpr std::array kCommands = {
    CommandEntry{"route", "call one route in-process and print its JSON response", &rapportctl::runRoute},
    CommandEntry{"demo", "fill the profile with synthetic demo contacts and companies", &rapportctl::runDemo},
    CommandEntry{"chat", "ask the AI model and print the answer as it streams", &rapportctl::runChat},
    CommandEntry{"draft", "let the AI model write an e-mail to a contact, saved as a local draft", &rapportctl::runDraft},
    CommandEntry{"gmail", "connect Gmail, show its status, refresh or disconnect", &rapportctl::runGmail},
    CommandEntry{"login", "sign in to the team server (password on stdin)", &rapportctl::runLogin},
    CommandEntry{"logout", "sign out of the team server", &rapportctl::runLogout},
    CommandEntry{"sync", "one sync round with the team server; prints the status", &rapportctl::runSync},
    CommandEntry{"conflicts", "list or settle edits that lost to a colleague's", &rapportctl::runConflicts},
};

void printUsage()
{
    std::string text =
        "Usage: rapportctl [--profile DIR] <command> [options] [arguments]\n"
        "\n"
        "Runs the Rapport gateway in-process on a local profile.\n"
        "\n"
        "Options:\n"
        "  --profile DIR   profile folder (default: $RAPPORT_PROFILE, else the default profile)\n"
        "  --version       print the version\n"
        "  -h, --help      show this help\n"
        "\n"
        "Commands:\n";
    for (const CommandEntry &c : kCommands)
        text += "  " + std::string(c.name) + std::string(10 - c.name.size(), ' ') + std::string(c.summary) + "\n";
    text +=
        "\n"
        "Run 'rapportctl <command> --help' for a command's arguments.\n"
        "Exit status: 0 success, 1 the call failed, 2 usage error.\n";
    rapportctl::printText(text);
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
    // Raw UTF-8 bytes, copied before QCoreApplication may consume Qt's own options.
    const std::vector<std::string> args(argv + 1, argv + argc);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"rapportctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));

    rapportctl::Invocation call;
    std::size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "-h" || arg == "--help") {
            printUsage();
            return rapportctl::kExitOk;
        }
        if (arg == "--version") {
            rapportctl::printText("rapportctl " RAPPORT_VERSION "\n");
            return rapportctl::kExitOk;
        }
        if (arg == "--profile" || arg.starts_with("--profile=")) {
            if (arg == "--profile" && i + 1 == args.size())
                return rapportctl::usageError({}, "option '--profile' needs a folder");
            call.profile = QString::fromStdString(arg == "--profile" ? args[++i] : arg.substr(10));
            continue;
        }
        if (arg.starts_with('-'))
            return rapportctl::usageError({}, "unknown option '" + arg + "'");
        break;
    }
    if (i == args.size())
        return rapportctl::usageError({}, "no command given");

    std::string name = args[i];
    call.args.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
    if (name == "help") {  // "rapportctl help route" is "rapportctl route --help"
        if (call.args.empty()) {
            printUsage();
            return rapportctl::kExitOk;
        }
        name = call.args.front();
        call.args = {"--help"};
    }
    const CommandEntry *command = findCommand(name);
    if (!command)
        return rapportctl::usageError({}, "unknown command '" + name + "'");
    return command->run(call);
}
