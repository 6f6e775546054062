#include "stream_loop.h"

#include <atomic>
#include <csignal>

#include <QCoreApplication>
#include <QTimer>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/response.h"

namespace rapportctl {

namespace {
std::atomic<bool> g_interrupted{false};
}

std::string jsonText(const nlohmann::json &body)
{
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int runStream(const char *command, rapport::Response &response, const std::shared_ptr<CommandSink> &sink)
{
    if (!response.isStream()) {
        const rapport::Error error = rapport::Error::fromJson(response.body);
        // A validation message ("Must be a record id") needs its field to make sense on a command line.
        const bool named = error.code == rapport::ErrorCode::ValidationFailed && !error.field.empty();
        printError("rapportctl " + std::string(command) + ": " + (named ? error.field + ": " : "") + error.message);
        return kExitFailed;
    }
    g_interrupted = false;
    std::signal(SIGINT, [](int) { g_interrupted = true; });
    QTimer interruptPoll;  // a signal handler may only set a flag; the stream is cancelled from here
    QObject::connect(&interruptPoll, &QTimer::timeout, &interruptPoll, [&response] {
        if (g_interrupted.exchange(false))
            response.stream->cancel();
    });
    interruptPoll.start(50);
    response.stream->start(sink);
    while (!sink->done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    std::signal(SIGINT, SIG_DFL);
    return sink->failed() ? kExitFailed : kExitOk;
}

} // namespace rapportctl
