#include "server_cli.h"

#include <cstdio>

#include "core/error.h"

namespace rapportserver {

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
