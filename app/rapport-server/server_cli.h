#pragma once
// rapport-server: the team backend from the command line. Shared pieces of the commands (cmd_*.cpp).
//
// Exit status: 0 success, 1 the operation failed (a database that cannot be opened, a team that is
// already set up, an e-mail that is taken), 2 a usage error (unknown command or option, missing
// argument, an address `serve` refuses).

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include "common/args.h"

namespace rapport {
struct Error;
}

namespace rapportserver {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// What a command gets: the global --data folder (never empty) and its own arguments, raw UTF-8.
struct Invocation {
    QString dataDir;
    std::vector<std::string> args;
};

int runInit(const Invocation &call);
int runUser(const Invocation &call);
int runServe(const Invocation &call);

using rapport::cli::OptionSpec;
using rapport::cli::ParsedArgs;
using rapport::cli::parseArgs;

// Prints "rapport-server[ command]: message" and a pointer to --help on stderr; returns kExitUsage.
int usageError(std::string_view command, std::string_view message);
// Prints "rapport-server[ command]: <error message>" on stderr; returns kExitFailed.
int failure(std::string_view command, const rapport::Error &error);

void printText(std::string_view text);   // stdout, flushed
void printError(std::string_view text);  // stderr, with a newline

} // namespace rapportserver
