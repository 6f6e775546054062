#include "cli.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "ai/provider_settings.h"
#include "gateway.h"
#include "secrets/keychain_secret_store.h"

namespace rapportctl {

namespace {

void writeAll(std::FILE *stream, std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stream);
}

} // namespace

int usageError(std::string_view command, std::string_view message)
{
    const std::string who = command.empty() ? std::string("rapportctl") : "rapportctl " + std::string(command);
    printError(who + ": " + std::string(message));
    printError("Try '" + who + " --help' for more information.");
    return kExitUsage;
}

std::unique_ptr<rapport::Gateway> openGateway(const QString &profile, rapport::SecretStore *secrets)
{
    const QString dir = rapport::resolveProfileDir(profile);
    rapport::GatewayOptions options;
    options.secrets = secrets;
    auto gateway = rapport::Gateway::open(dir, options);
    if (!gateway) {
        const rapport::Error &error = gateway.error();
        printError("rapportctl: cannot open the profile in " + dir.toStdString() + ": " + error.message + " (" +
                   std::string(rapport::codeName(error.code)) + ")");
        return nullptr;
    }
    return std::move(gateway).value();
}

void loadAiKey(rapport::Gateway &gateway)
{
    if (!qEnvironmentVariable("RAPPORT_AI_API_KEY").isEmpty())
        return;
    rapport::KeychainSecretStore keychain(rapport::secretNamespaceForProfile(gateway.profileDir()));
    auto key = rapport::readSecretBlocking(keychain, QString::fromLatin1(rapport::ai::kApiKeySecret));
    if (key && *key)
        gateway.aiSettings().setApiKey(**key, rapport::ai::KeySource::Keychain);
}

void printJson(const nlohmann::json &value, bool pretty)
{
    // replace: a handler that put invalid UTF-8 in a string must not crash the tool while printing it.
    writeAll(stdout, value.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace));
    writeAll(stdout, "\n");
    std::fflush(stdout);
}

void printText(std::string_view text)
{
    writeAll(stdout, text);
    std::fflush(stdout);
}

void printError(std::string_view text)
{
    writeAll(stderr, text);
    writeAll(stderr, "\n");
}

std::string_view reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

} // namespace rapportctl
