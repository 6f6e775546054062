#pragma once
// Running a streaming route (the AI commands) to its end in rapportctl: the gateway's streams work on
// this thread's event loop, so the command spins it until the sink saw end() or fail(); Ctrl-C cancels
// the stream, whose sink then gets fail(Cancelled) like any other failure.

#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/stream.h"

namespace rapport {
struct Response;
}

namespace rapportctl {

// A command's sink: it prints, then calls finish() from its end() or fail().
class CommandSink : public rapport::StreamSink {
public:
    bool done() const { return m_done; }
    bool failed() const { return m_failed; }

protected:
    void finish(bool failed)
    {
        m_failed = failed;
        m_done = true;
    }

private:
    bool m_done = false, m_failed = false;
};

// A request body from command-line arguments, which are raw bytes: invalid UTF-8 becomes U+FFFD instead
// of an exception.
std::string jsonText(const nlohmann::json &body);

// For a streaming response: runs it to its end and returns kExitOk or kExitFailed from the sink.
// For any other response (validation, not found, no API key): prints "rapportctl <command>: <message>"
// to stderr and returns kExitFailed.
int runStream(const char *command, rapport::Response &response, const std::shared_ptr<CommandSink> &sink);

} // namespace rapportctl
