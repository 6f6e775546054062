// rapportctl gmail: the Gmail connection, a contact's mail, sending and the outbox, printing JSON.

#include <algorithm>
#include <cstdio>
#include <optional>

#include <QCoreApplication>
#include <QUrl>

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
    "Usage: rapportctl [--profile DIR] gmail <command>\n"
    "\n"
    "  status              the connected account, granted scopes, token expiry and the last error\n"
    "  connect             prints the Google sign-in address on its own line, then waits for the browser to\n"
    "                      come back to Rapport (up to 5 minutes); prints the new status\n"
    "  refresh             gets a new access token now\n"
    "  disconnect          revokes Rapport's access at Google and forgets the tokens\n"
    "  messages --contact ID [--refresh]\n"
    "                      the mail exchanged with a contact, newest first, from the local cache (works\n"
    "                      offline); --refresh asks Gmail first\n"
    "  send --draft ID     sends a local draft; when Gmail cannot be reached it is queued in the outbox\n"
    "                      (said on stderr, exit status 0) and leaves with the next `outbox --flush`\n"
    "  draft --draft ID    saves a local draft to Gmail drafts (queued the same way when offline)\n"
    "  outbox [--flush]    lists the outbox; with --flush first sends every queued message that is due\n"
    "\n"
    "The Google desktop client id comes from Settings (or PATCH /gmail/settings) or RAPPORT_GOOGLE_CLIENT_ID,\n"
    "its secret from the keychain or RAPPORT_GOOGLE_CLIENT_SECRET. Tokens are kept in the keychain only.\n"
    "Ctrl-C stops a connect that is waiting, or a send (the message then stays queued).\n"
    "\n"
    "Exit status: 0 success (a queued send included), 1 the operation failed, 2 usage error.\n";

constexpr OptionSpec kOptions[] = {{"draft", 0, true}, {"contact", 0, true}, {"flush", 0, false}, {"refresh", 0, false}};

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
        // Offline is not a failure: the message waits in the outbox, and the user should know that.
        if (summary.value("status", "") == "queued")
            std::fprintf(stderr, "Gmail could not be reached (%s). The message is queued; it leaves with the next "
                                 "`rapportctl gmail outbox --flush` from %s on.\n",
                         summary.value("reason", "").c_str(), summary.value("next_attempt_at", "").c_str());
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

namespace {

struct GmailCall {
    rapport::Method method = rapport::Method::Post;
    std::string target;
    nlohmann::json body;  // null: no body
    std::string error;    // a usage error
};

// The subcommand and its options as one gateway call.
GmailCall callFor(const std::string &what, const ParsedArgs &parsed)
{
    const auto option = [&parsed](const char *name) {
        const auto it = parsed.options.find(name);
        return it == parsed.options.end() ? std::optional<std::string>() : std::optional<std::string>(it->second);
    };
    const auto allowOnly = [&parsed](std::initializer_list<std::string_view> names) -> std::string {
        for (const auto &[name, value] : parsed.options)
            if (std::find(names.begin(), names.end(), name) == names.end())
                return "--" + name + " does not apply here";
        return {};
    };
    GmailCall c;
    if (what == "status" || what == "connect" || what == "refresh" || what == "disconnect") {
        c.method = what == "status" ? rapport::Method::Get : rapport::Method::Post;
        c.target = "/gmail/" + what;
        c.error = allowOnly({});
    } else if (what == "messages") {
        const auto contact = option("contact");
        c.method = rapport::Method::Get;
        c.target = "/gmail/messages?contact=" + QUrl::toPercentEncoding(QString::fromStdString(contact.value_or(""))).toStdString();
        if (option("refresh"))
            c.target += "&refresh=true";
        c.error = !contact ? "--contact ID is required" : allowOnly({"contact", "refresh"});
    } else if (what == "send" || what == "draft") {
        const auto draft = option("draft");
        c.target = what == "send" ? "/gmail/send" : "/gmail/drafts";
        c.body = {{"draft_id", draft.value_or("")}};
        c.error = !draft ? "--draft ID is required" : allowOnly({"draft"});
    } else if (what == "outbox") {
        const bool flush = option("flush").has_value();
        c.method = flush ? rapport::Method::Post : rapport::Method::Get;
        c.target = flush ? "/gmail/outbox/flush" : "/gmail/outbox";
        c.error = allowOnly({"flush"});
    } else {
        c.error = "unknown subcommand '" + what + "'";
    }
    return c;
}

} // namespace

int runGmail(const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, kOptions);
    if (parsed.help) {
        std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError("gmail", parsed.error);
    if (parsed.positional.size() != 1)
        return usageError("gmail", "expected one of status, connect, refresh, disconnect, messages, send, draft, outbox");
    const std::string &what = parsed.positional[0];
    const GmailCall request = callFor(what, parsed);
    if (!request.error.empty())
        return usageError("gmail", request.error);

    // The keychain lives on this (the main) thread; the gateway reaches it through the wrapper.
    rapport::KeychainSecretStore keychain(rapport::secretNamespaceForProfile(rapport::resolveProfileDir(call.profile)));
    rapport::ThreadBoundSecretStore secrets(keychain, QCoreApplication::instance());
    auto gateway = openGateway(call.profile, &secrets);
    if (!gateway)
        return kExitFailed;
    rapport::Response response =
        gateway->call(request.method, request.target, request.body.is_null() ? std::string() : jsonText(request.body));
    if (!response.isStream()) {
        if (!response.isSuccess()) {
            const rapport::Error error = rapport::Error::fromJson(response.body);
            const bool named = error.code == rapport::ErrorCode::ValidationFailed && !error.field.empty();
            printError("rapportctl gmail " + what + ": " + (named ? error.field + ": " : "") + error.message);
            return kExitFailed;
        }
        printJson(response.body);
        return kExitOk;
    }
    return runStream("gmail", response, std::make_shared<StatusSink>(what));
}

} // namespace rapportctl
