#pragma once
// rapportctl: the gateway from the command line. Shared pieces of the commands (cmd_*.cpp).
//
// Exit status: 0 success, 1 the operation failed (a non-2xx response, a profile that cannot be opened),
// 2 a usage error (unknown command or option, missing argument).

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include "common/args.h"

#include <nlohmann/json_fwd.hpp>

namespace rapport {
class Gateway;
class SecretStore;
}

namespace rapportctl {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// What a command gets: the global --profile (empty when not given) and its own arguments, raw UTF-8.
struct Invocation {
    QString profile;
    std::vector<std::string> args;
};

int runRoute(const Invocation &call);
int runDemo(const Invocation &call);
int runChat(const Invocation &call);
int runDraft(const Invocation &call);
int runGmail(const Invocation &call);
int runLogin(const Invocation &call);
int runLogout(const Invocation &call);
int runSync(const Invocation &call);
int runConflicts(const Invocation &call);

using rapport::cli::OptionSpec;
using rapport::cli::ParsedArgs;
using rapport::cli::parseArgs;

// Prints "rapportctl[ command]: message" and a pointer to --help on stderr; returns kExitUsage.
int usageError(std::string_view command, std::string_view message);

// Opens the profile (--profile, else $RAPPORT_PROFILE, else the default). A database that cannot be
// opened is left untouched; the reason goes to stderr and the result is null.
// `secrets` (optional) keeps the Gmail tokens; without it they live in memory for this run only.
std::unique_ptr<rapport::Gateway> openGateway(const QString &profile, rapport::SecretStore *secrets = nullptr);

// The AI routes need the key the app saved in the keychain: read it (unless RAPPORT_AI_API_KEY is set)
// and hand it to the gateway in memory. No keychain, or no key: the route says what to do.
void loadAiKey(rapport::Gateway &gateway);

// stdout, UTF-8 with non-ASCII characters unescaped; pretty (2-space indent) or one line.
void printJson(const nlohmann::json &value, bool pretty = true);
void printText(std::string_view text);       // stdout
void printError(std::string_view text);      // stderr, with a newline

std::string_view reasonPhrase(int status);  // 201 -> "Created"

} // namespace rapportctl
