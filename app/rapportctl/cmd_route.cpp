// rapportctl route: one gateway call, the response body as JSON on stdout.

#include <atomic>
#include <iostream>
#include <iterator>
#include <mutex>

#include <QCoreApplication>
#include <QEventLoop>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/stream.h"
#include "gateway.h"

namespace rapportctl {

namespace {

constexpr std::string_view kUsage =
    "Usage: rapportctl [--profile DIR] route [-i] METHOD PATH [JSON | -]\n"
    "\n"
    "Calls METHOD PATH in-process and prints the response body as JSON on stdout.\n"
    "PATH may carry a query string; JSON is the request body, or '-' to read it from stdin.\n"
    "A streaming route prints one JSON line per event as it arrives: {\"event\":...}, then\n"
    "{\"end\":...} or {\"error\":...}.\n"
    "\n"
    "Options:\n"
    "  -i, --include   print the status line first, e.g. \"HTTP 201 Created\"\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 for a 2xx response, 1 otherwise, 2 for a usage error.\n"
    "\n"
    "Examples:\n"
    "  rapportctl route GET '/contacts?q=zoe&limit=5'\n"
    "  rapportctl route -i POST /contacts '{\"name\":\"Zoë Martin\",\"emails\":[\"zoe@example.fr\"]}'\n"
    "  rapportctl route PATCH /contacts/ID - < patch.json\n";

constexpr OptionSpec kOptions[] = {{"include", 'i', false}};

// Prints events as they come, from whichever thread the stream delivers on, and wakes the main thread
// when the stream is over (its event loop may be what drives the stream).
class PrintingSink : public rapport::StreamSink {
public:
    void event(const nlohmann::json &data) override { print({{"event", data}}); }
    void end(const nlohmann::json &summary) override { finish({{"end", summary}}, false); }
    void fail(const rapport::Error &error) override { finish(error.toJson(), true); }

    bool finished() const { return m_finished.load(); }
    bool failed() const { return m_failed.load(); }

private:
    void print(const nlohmann::json &line)
    {
        const std::lock_guard lock(m_mutex);
        printJson(line, false);
    }
    void finish(const nlohmann::json &line, bool failed)
    {
        print(line);
        m_failed = failed;
        m_finished = true;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [] {}, Qt::QueuedConnection);
    }

    std::mutex m_mutex;
    std::atomic<bool> m_finished = false;
    std::atomic<bool> m_failed = false;
};

int printStream(rapport::Stream &stream)
{
    auto sink = std::make_shared<PrintingSink>();
    stream.start(sink);
    while (!sink->finished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return sink->failed() ? kExitFailed : kExitOk;
}

std::string readStdin()
{
    return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
}

} // namespace

int runRoute(const Invocation &call)
{
    const ParsedArgs parsed = parseArgs(call.args, kOptions);
    if (parsed.help) {
        printText(kUsage);
        return kExitOk;
    }
    if (!parsed.error.empty())
        return usageError("route", parsed.error);
    const auto &pos = parsed.positional;
    if (pos.size() < 2)
        return usageError("route", "expects METHOD and PATH");
    if (pos.size() > 3)
        return usageError("route", "too many arguments (quote the JSON body as one argument)");
    const auto method = rapport::parseMethod(pos[0]);
    if (!method)
        return usageError("route", "unknown method '" + pos[0] + "' (GET, POST, PUT, PATCH or DELETE)");
    if (!pos[1].starts_with('/'))
        return usageError("route", "PATH must start with '/', e.g. /contacts");
    std::string body = pos.size() == 3 ? (pos[2] == "-" ? readStdin() : pos[2]) : std::string();

    const auto gateway = openGateway(call.profile);
    if (!gateway)
        return kExitFailed;
    if (pos[1].starts_with("/ai/"))
        loadAiKey(*gateway);
    const rapport::Response response = gateway->call(*method, pos[1], std::move(body));
    if (parsed.options.contains("include")) {
        const std::string_view reason = reasonPhrase(response.status);
        printText("HTTP " + std::to_string(response.status) + (reason.empty() ? "" : " ") + std::string(reason) + "\n");
    }
    if (response.isStream())
        return printStream(*response.stream);
    if (!response.body.is_null())
        printJson(response.body);
    return response.isSuccess() ? kExitOk : kExitFailed;
}

} // namespace rapportctl
