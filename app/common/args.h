#pragma once
// Command-line arguments of rapportctl and rapport-server: each command parses its own options.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::cli {

struct OptionSpec {
    std::string_view name;  // long name without "--"
    char shortName = 0;     // 0: none
    bool takesValue = false;
};

// Options may come before, between or after positional arguments; "--" ends options and a lone "-" is
// positional (stdin). -h/--help is always known. Values: "--name V", "--name=V", "-x V".
struct ParsedArgs {
    std::map<std::string, std::string, std::less<>> options;  // by long name; "" for flags
    std::vector<std::string> positional;
    bool help = false;
    std::string error;  // set on an unknown option or a missing value
};
ParsedArgs parseArgs(const std::vector<std::string> &args, std::span<const OptionSpec> specs);

// One line from stdin without its line ending: how passwords reach the command-line tools. Never from
// argv, which other users of the machine can read in the process list.
std::string readPasswordLine();

} // namespace rapport::cli
