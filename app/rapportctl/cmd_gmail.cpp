// rapportctl gmail: the Gmail connection from the command line, printing JSON.

#include <cstdio>

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/error.h"
#include "gateway.h"
#include "secrets/keychain_secret_store.h"
#include "secrets/thread_bound_secret_store.h"
#include "stream_loop.h"

namespace rapportctl {

namespace {

constexpr std::string_view kUsage =
    "Usage: rapportctl [--profile DIR] gmail <status|connect|refresh|disconnect>\n"
    "\n"
    "  status       the connected account, granted scopes, token expiry and the last error\n"
    "  connect      prints the Google sign-in address on its own line, then waits for the browser to come\n"
    "               back to Rapport (up to 5 minutes); prints the new status\n"
    "  refresh      gets a new access token now\n"
    "  disconnect   revokes Rapport's access at Google and forgets the tokens\n"
    "\n"
    "The Google desktop client id comes from Settings (or PATCH /gmail/settings) or RAPPORT_GOOGLE_CLIENT_ID,\n"
    "its secret from the keychain or RAPPORT_GOOGLE_CLIENT_SECRET. Tokens are kept in the keychain only.\n"
    "Ctrl-C stops a connect that is waiting.\n"
    "\n"
    "Exit status: 0 success, 1 the operation failed, 2 usage error.\n";

// Prints the sign-in address (connect's one event) on stdout, and the final status as JSON.
class StatusSink : public CommandSink {
public:
    explicit StatusSink(std::string command) : m_command(std::move(command)) {}
    void event(const nlohmann::json &data) override
    {
        if (auto url = data.find("authorization_url"); url != data.end() && url->is_string()) {
            std::fprintf(stderr, "Open this address in your browser to connect Gmail:\n");
            std::fprintf(stdout, "%s\n", url->get_ref<const std::string &>().c_str());
            std::fflush(stdout);
            std::fprintf(stderr, "Waiting for Google to send you back to Rapport…\n");
        }
    }
    void end(const nlohmann::json &summary) override
    {
        printJson(summary);
        finish(false);
    }
    void fail(const rapport::Error &error) override
    {
        printError("rapportctl gmail " + m_command + ": " + error.message);
        finish(true);
    }

private:
    std::string m_command;
};

} // namespace

int runGmail(const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, {});
    if (parsed.help) {
        std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError("gmail", parsed.error);
    if (parsed.positional.size() != 1)
        return usageError("gmail", "expected one of status, connect, refresh, disconnect");
    const std::string &what = parsed.positional[0];
    const char *target = what == "connect"      ? "/gmail/connect"
                         : what == "refresh"    ? "/gmail/refresh"
                         : what == "disconnect" ? "/gmail/disconnect"
                         : what == "status"     ? "/gmail/status"
                                                : nullptr;
    if (!target)
        return usageError("gmail", "unknown subcommand '" + what + "'");

    // The keychain lives on this (the main) thread; the gateway reaches it through the wrapper.
    rapport::KeychainSecretStore keychain(rapport::secretNamespaceForProfile(rapport::resolveProfileDir(call.profile)));
    rapport::ThreadBoundSecretStore secrets(keychain, QCoreApplication::instance());
    auto gateway = openGateway(call.profile, &secrets);
    if (!gateway)
        return kExitFailed;
    const rapport::Method method = what == "status" ? rapport::Method::Get : rapport::Method::Post;
    rapport::Response response = gateway->call(method, target);
    if (!response.isStream()) {
        if (!response.isSuccess()) {
            printError("rapportctl gmail " + what + ": " + rapport::Error::fromJson(response.body).message);
            return kExitFailed;
        }
        printJson(response.body);
        return kExitOk;
    }
    return runStream("gmail", response, std::make_shared<StatusSink>(what));
}

} // namespace rapportctl
