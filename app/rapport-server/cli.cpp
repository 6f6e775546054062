#include "server_cli.h"

#include <algorithm>
#include <cstdio>

#include "core/error.h"

namespace rapportserver {

ParsedArgs parseArgs(const std::vector<std::string> &args, std::span<const OptionSpec> specs)
{
    ParsedArgs out;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            out.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            out.help = true;
            continue;
        }
        const std::size_t eq = arg.find('=');
        const std::string name = arg.starts_with("--") ? arg.substr(2, eq == std::string::npos ? eq : eq - 2) : "";
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &s) { return s.name == name; });
        if (name.empty() || spec == specs.end()) {
            out.error = "unknown option '" + arg + "'";
            return out;
        }
        std::string value;
        if (spec->takesValue) {
            if (eq != std::string::npos) {
                value = arg.substr(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                out.error = "option '--" + name + "' needs a value";
                return out;
            }
        } else if (eq != std::string::npos) {
            out.error = "option '--" + name + "' takes no value";
            return out;
        }
        out.options[name] = std::move(value);
    }
    return out;
}

static std::string prefix(std::string_view command)
{
    return command.empty() ? std::string("rapport-server") : "rapport-server " + std::string(command);
}

int usageError(std::string_view command, std::string_view message)
{
    printError(prefix(command) + ": " + std::string(message));
    printError("Run '" + prefix(command) + " --help' for usage.");
    return kExitUsage;
}

int failure(std::string_view command, const rapport::Error &error)
{
    printError(prefix(command) + ": " + error.message);
    return kExitFailed;
}

void printText(std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

void printError(std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace rapportserver
