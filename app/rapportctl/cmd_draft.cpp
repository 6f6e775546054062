// rapportctl draft: an AI-written e-mail to a contact, printed as it arrives and saved as a local draft.

#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/error.h"
#include "gateway.h"
#include "stream_loop.h"

namespace rapportctl {

namespace {

constexpr std::string_view kUsage =
    "Usage: rapportctl [--profile DIR] draft --contact ID --intent TEXT [--tone TONE] [--language LANGUAGE]\n"
    "\n"
    "Asks the configured OpenAI-compatible model (RAPPORT_AI_BASE_URL, RAPPORT_AI_MODEL, RAPPORT_AI_API_KEY)\n"
    "for an e-mail to the contact and prints it on stdout as it streams: \"Subject: ...\", a blank line, then\n"
    "the body. The e-mail is saved as a local draft addressed to the contact's primary e-mail address; its\n"
    "id goes to stderr (\"draft: ID\"). Ctrl-C stops the e-mail and the upstream request; what was written\n"
    "so far is saved as a draft too.\n"
    "\n"
    "Options:\n"
    "  --contact ID        the contact to write to (required)\n"
    "  --intent TEXT       what the e-mail should achieve (required)\n"
    "  --tone TONE         for example friendly, formal, brief (default: friendly)\n"
    "  --language LANGUAGE for example English, Deutsch, 日本語 (default: English)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 when the draft completed, 1 when it failed or was stopped, 2 for a usage error.\n";

constexpr OptionSpec kOptions[] = {{"contact", 0, true}, {"intent", 0, true}, {"tone", 0, true}, {"language", 0, true}};

void write(std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

// Prints "Subject: <subject>", a blank line, then the body, flushing each batch as it comes.
class EmailSink : public CommandSink {
public:
    void event(const nlohmann::json &data) override
    {
        if (data.value("field", "") == "subject") {
            openSubject();
        } else if (!m_inBody) {
            openSubject();
            write("\n\n");
            m_inBody = true;
        }
        write(data.value("delta", ""));
        std::fflush(stdout);
    }
    void end(const nlohmann::json &summary) override
    {
        closeEmail();
        std::fprintf(stderr, "draft: %s\n", summary.value("draft_id", "").c_str());
        finish(false);
    }
    void fail(const rapport::Error &error) override
    {
        if (m_subjectOpen)
            closeEmail();  // a partial e-mail still ends in the same shape
        std::fprintf(stderr, "rapportctl draft: %s\n", error.message.c_str());
        for (const rapport::FieldError &detail : error.details) {
            if (detail.field == "draft_id")
                std::fprintf(stderr, "draft: %s (partial)\n", detail.message.c_str());
        }
        finish(true);
    }

private:
    void openSubject()
    {
        if (!m_subjectOpen)
            write("Subject: ");
        m_subjectOpen = true;
    }
    void closeEmail()
    {
        openSubject();
        write(m_inBody ? "\n" : "\n\n\n");
        std::fflush(stdout);
    }

    bool m_subjectOpen = false, m_inBody = false;
};

} // namespace

int runDraft(const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, kOptions);
    if (parsed.help) {
        printText(kUsage);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError("draft", parsed.error);
    if (!parsed.positional.empty())
        return usageError("draft", "unexpected argument '" + parsed.positional[0] + "'");
    const auto &options = parsed.options;
    const auto contact = options.find("contact"), intent = options.find("intent");
    if (contact == options.end())
        return usageError("draft", "--contact ID is required");
    if (intent == options.end())
        return usageError("draft", "--intent TEXT is required");
    nlohmann::json body{{"contact_id", contact->second}, {"intent", intent->second}};
    for (const char *optional : {"tone", "language"}) {
        if (auto it = options.find(optional); it != options.end())
            body[optional] = it->second;
    }
    auto gateway = openGateway(call.profile);
    if (!gateway)
        return kExitFailed;
    loadAiKey(*gateway);

    rapport::Response response = gateway->call(rapport::Method::Post, "/ai/draft-email", jsonText(body));
    return runStream("draft", response, std::make_shared<EmailSink>());
}

} // namespace rapportctl
