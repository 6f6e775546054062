// rapportctl demo: fills a profile with the deterministic demo data set.

#include <charconv>
#include <cstdint>

#include <unistd.h>

#include <QElapsedTimer>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "crm/demo_loader.h"
#include "gateway.h"

namespace rapportctl {

namespace {

constexpr std::string_view kUsage =
    "Usage: rapportctl [--profile DIR] demo --contacts N [--seed S]\n"
    "\n"
    "Adds N synthetic contacts (and about one company per 20 contacts) to the profile and prints a JSON\n"
    "summary. The same N and seed always give the same data. Progress goes to stderr when it is a terminal.\n"
    "\n"
    "Options:\n"
    "  --contacts N   number of contacts, 1 to 1000000 (required)\n"
    "  --seed S       seed of the generator, 0 to 2^64-1 (default 1)\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 when every record was added, 1 otherwise, 2 for a usage error.\n";

constexpr OptionSpec kOptions[] = {{"contacts", 0, true}, {"seed", 0, true}};
constexpr int kMaxContacts = 1000000;

template <class T>
bool parseNumber(const std::string &text, T &out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

int runDemo(const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, kOptions);
    if (parsed.help) {
        printText(kUsage);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError("demo", parsed.error);
    if (!parsed.positional.empty())
        return usageError("demo", "unexpected argument '" + parsed.positional.front() + "'");
    const auto contactsOption = parsed.options.find("contacts");
    if (contactsOption == parsed.options.end())
        return usageError("demo", "--contacts N is required");
    int contacts = 0;
    if (!parseNumber(contactsOption->second, contacts) || contacts < 1 || contacts > kMaxContacts)
        return usageError("demo", "--contacts must be a whole number from 1 to 1000000");
    std::uint64_t seed = 1;
    if (const auto it = parsed.options.find("seed"); it != parsed.options.end() && !parseNumber(it->second, seed))
        return usageError("demo", "--seed must be a whole number from 0 to 18446744073709551615");

    const auto gateway = openGateway(call.profile);
    if (!gateway)
        return kExitFailed;
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const auto progress = [terminal](int done, int total) {
        if (!terminal)
            return;
        const std::string line = "\rdemo: " + std::to_string(done) + " of " + std::to_string(total) + " contacts";
        std::fputs(line.c_str(), stderr);
    };

    QElapsedTimer timer;
    timer.start();
    const auto summary = rapport::loadDemoData(*gateway, contacts, seed, progress);
    if (terminal)
        std::fputs("\n", stderr);
    if (!summary) {
        printError("rapportctl demo: " + summary.error().message);
        printJson(summary.error().toJson());
        return kExitFailed;
    }
    const qint64 elapsedMs = timer.elapsed();
    printError("rapportctl demo: added " + std::to_string(summary->contacts) + " contacts and " +
               std::to_string(summary->companies) + " companies to " + gateway->profileDir().toStdString() + " in " +
               std::to_string(elapsedMs) + " ms");
    nlohmann::json out = summary->toJson();
    out["profile"] = gateway->profileDir().toStdString();
    out["elapsed_ms"] = elapsedMs;
    printJson(out);
    return kExitOk;
}

} // namespace rapportctl
