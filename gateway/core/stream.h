#pragma once
// A streamed reply (AI routes): events, then exactly one end() or fail().
// In the desktop app events reach the GUI as queued signals; rapportctl prints them as they come;
// rapport-server turns them into SSE.

#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace rapport {

struct Error;

class StreamSink {
public:
    virtual ~StreamSink() = default;
    virtual void event(const nlohmann::json &data) = 0;
    virtual void end(const nlohmann::json &summary) = 0;
    virtual void fail(const Error &error) = 0;
};

class Stream {
public:
    virtual ~Stream() = default;
    // Delivers to sink until end() or fail(); the sink must outlive the stream's delivery.
    virtual void start(std::shared_ptr<StreamSink> sink) = 0;
    // Stops at once (aborting any upstream work); the sink then gets fail() with a cancelled error or nothing.
    virtual void cancel() = 0;
};

} // namespace rapport
