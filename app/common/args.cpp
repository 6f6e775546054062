#include "common/args.h"

#include <algorithm>
#include <iostream>

namespace rapport::cli {

namespace {

const OptionSpec *findLong(std::span<const OptionSpec> specs, std::string_view name)
{
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &s) { return s.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

const OptionSpec *findShort(std::span<const OptionSpec> specs, char name)
{
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &s) { return s.shortName == name; });
    return it == specs.end() ? nullptr : &*it;
}

} // namespace

ParsedArgs parseArgs(const std::vector<std::string> &args, std::span<const OptionSpec> specs)
{
    ParsedArgs out;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (optionsEnded || arg == "-" || arg.size() < 2 || arg[0] != '-') {
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
        const bool isLong = arg.starts_with("--");
        const std::size_t eq = isLong ? arg.find('=') : std::string::npos;
        const std::string name = isLong ? arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2) : arg;
        const OptionSpec *spec = isLong ? findLong(specs, name) : arg.size() == 2 ? findShort(specs, arg[1]) : nullptr;
        if (!spec) {
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
                out.error = "option '" + arg + "' needs a value";
                return out;
            }
        } else if (eq != std::string::npos) {
            out.error = "option '--" + std::string(spec->name) + "' takes no value";
            return out;
        }
        out.options[std::string(spec->name)] = std::move(value);
    }
    return out;
}

std::string readPasswordLine()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace rapport::cli
