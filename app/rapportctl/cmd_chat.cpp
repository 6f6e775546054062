// rapportctl chat: one question to the AI, the answer printed as it arrives.

#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "gateway.h"
#include "stream_loop.h"

namespace rapportctl {

namespace {

constexpr std::string_view kUsage =
    "Usage: rapportctl [--profile DIR] chat [--conversation ID] MESSAGE\n"
    "\n"
    "Asks the model chosen in Settings (the key comes from the keychain; RAPPORT_AI_BASE_URL, RAPPORT_AI_MODEL\n"
    "and RAPPORT_AI_API_KEY override them for this run) and prints the answer on stdout as it streams.\n"
    "The conversation id goes to stderr, for --conversation.\n"
    "Ctrl-C stops the answer and the upstream request; what was written so far is kept.\n"
    "\n"
    "Options:\n"
    "  --conversation ID   continue this conversation\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 when the answer completed, 1 when it failed or was stopped, 2 for a usage error.\n";

constexpr OptionSpec kOptions[] = {{"conversation", 0, true}};

// Tokens go straight to stdout, flushed per batch, so a pipe or terminal sees them as they come.
class TextSink : public CommandSink {
public:
    void event(const nlohmann::json &data) override
    {
        const std::string text = data.value("delta", "");
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
    }
    void end(const nlohmann::json &summary) override
    {
        std::fputs("\n", stdout);
        std::fprintf(stderr, "conversation: %s\n", summary.value("conversation_id", "").c_str());
        finish(false);
    }
    void fail(const rapport::Error &error) override
    {
        std::fputs("\n", stdout);
        std::fprintf(stderr, "rapportctl chat: %s\n", error.message.c_str());
        finish(true);
    }
};

} // namespace

int runChat(const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, kOptions);
    if (parsed.help) {
        std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError("chat", parsed.error);
    if (parsed.positional.size() != 1)
        return usageError("chat", "expected one MESSAGE");
    auto gateway = openGateway(call.profile);
    if (!gateway)
        return kExitFailed;
    loadAiKey(*gateway);

    nlohmann::json body{{"message", parsed.positional[0]}};
    if (auto it = parsed.options.find("conversation"); it != parsed.options.end())
        body["conversation_id"] = it->second;
    rapport::Response response = gateway->call(rapport::Method::Post, "/ai/chat", jsonText(body));
    return runStream("chat", response, std::make_shared<TextSink>());
}

} // namespace rapportctl
