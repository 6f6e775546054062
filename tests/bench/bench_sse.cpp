#include "bench_sse.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ai/chat_chunk.h"
#include "ai/chunk_scan.h"
#include "ai/sse_parser.h"

namespace rapport::bench {

namespace {
using Clock = std::chrono::steady_clock;
constexpr std::size_t kReadSize = 64 * 1024;
constexpr double kMB = 1e6;  // decimal MB, as eventsource-parser's figures are quoted

struct Stream {
    std::string bytes;
    std::size_t events = 0;  // including the usage chunk and [DONE]
};

// What Fireworks/OpenAI send: one `data:` JSON chunk per token group with a few words of content (some
// non-ASCII, some JSON escapes), the finish chunk, a usage chunk with `choices: []`, then [DONE].
Stream buildStream(std::size_t targetBytes)
{
    static const std::vector<std::string> words = {
        " the", " quarterly", " pipeline", " review", " with", " Acme", " Corp", " is", " scheduled", " for",
        " Tuesday", ".", ",", " Grüße", " café", " naïve", " 東京", " 😀", " —", " \\\"quoted\\\"", "\\n", " 42",
        " follow-up", " email", " draft", " contact", " Müller", " São", " Paulo", " deal"};
    std::mt19937 rng(11);
    std::uniform_int_distribution<std::size_t> word(0, words.size() - 1), count(1, 4);
    const std::string head = R"(data: {"id":"chatcmpl-9x8Yk2LmQp7RtZ3vB","object":"chat.completion.chunk",)"
                             R"("created":1718000000,"model":"accounts/fireworks/models/llama-v3p1-8b-instruct",)"
                             R"("choices":[{"index":0,"delta":{"content":")";
    const std::string tail = R"("},"logprobs":null,"finish_reason":null}],"usage":null})" "\n\n";
    Stream s;
    s.bytes.reserve(targetBytes + 1024);
    while (s.bytes.size() < targetBytes) {
        s.bytes += head;
        for (std::size_t n = count(rng); n > 0; --n)
            s.bytes += words[word(rng)];
        s.bytes += tail;
        ++s.events;
    }
    s.bytes += R"(data: {"id":"chatcmpl-9x8Yk2LmQp7RtZ3vB","object":"chat.completion.chunk","choices":[{"index":0,)"
               R"("delta":{},"finish_reason":"stop"}]})" "\n\n";
    s.bytes += R"(data: {"id":"chatcmpl-9x8Yk2LmQp7RtZ3vB","object":"chat.completion.chunk","choices":[],)"
               R"("usage":{"prompt_tokens":812,"completion_tokens":401233,"total_tokens":402045}})" "\n\n";
    s.bytes += "data: [DONE]\n\n";
    s.events += 3;
    return s;
}

struct Pass {
    double wallSeconds = -1;  // negative: the parser failed
    double cpuSeconds = 0;    // CPU time: roughly what the figure would be on an idle machine
};

double cpuSeconds()
{
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;  // the process; the bench is single-threaded here
}

// Feeds the stream in 64 KiB reads, as a socket would deliver it.
Pass timedPass(const std::string &bytes, const ai::SseParser::EventHandler &handler)
{
    ai::SseParser parser;
    Pass pass;
    const double cpuStart = cpuSeconds();
    const auto start = Clock::now();
    for (std::size_t at = 0; at < bytes.size(); at += kReadSize) {
        if (!parser.feed(std::string_view(bytes).substr(at, kReadSize), handler))
            return pass;
    }
    if (!parser.finish().clean)
        return pass;
    pass.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    pass.cpuSeconds = cpuSeconds() - cpuStart;
    return pass;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs `passes` timed passes; `check` says whether a pass saw what the stream holds.
template <class MakeHandler, class Check>
bool measure(const char *name, const Stream &s, int passes, MakeHandler makeHandler, Check check)
{
    std::vector<double> wall, cpu;
    for (int i = 0; i < passes; ++i) {
        auto state = makeHandler();
        const Pass pass = timedPass(s.bytes, [&state](const ai::SseEvent &e) { state(e); });
        if (pass.wallSeconds < 0 || !check(state)) {
            std::fprintf(stderr, "rapport-bench: %s did not see the events the stream holds\n", name);
            return false;
        }
        wall.push_back(pass.wallSeconds);
        cpu.push_back(pass.cpuSeconds);
    }
    const double mb = static_cast<double>(s.bytes.size()) / kMB;
    const double med = median(wall);
    std::printf("BENCH %s mb_per_s=%.0f best_mb_per_s=%.0f cpu_mb_per_s=%.0f events_per_s=%.0f mb=%.1f passes=%d "
                "read_kib=%zu\n",
                name, mb / med, mb / *std::min_element(wall.begin(), wall.end()), mb / median(cpu),
                static_cast<double>(s.events) / med, mb, passes, kReadSize / 1024);
    std::fflush(stdout);
    return true;
}

} // namespace

bool sseParse(bool quick)
{
    const Stream stream = buildStream(100'000'000);
    const std::size_t contentEvents = stream.events - 3;  // not the finish, usage and [DONE] events

    struct Count {
        std::size_t events = 0, dataBytes = 0;
        void operator()(const ai::SseEvent &e) { ++events, dataBytes += e.data.size(); }
    };
    if (!measure("sse_parse", stream, quick ? 3 : 9, [] { return Count{}; },
                 [&](const Count &c) { return c.events == stream.events && c.dataBytes > 0; }))
        return false;

    // The straightforward client: each event parsed into an nlohmann::json DOM, then deltaContent().
    struct Dom {
        std::size_t contents = 0;
        bool done = false;
        void operator()(const ai::SseEvent &e)
        {
            if (ai::isDone(e.data)) {
                done = true;
                return;
            }
            const auto chunk = nlohmann::json::parse(e.data, nullptr, /*allow_exceptions=*/false);
            contents += ai::deltaContent(chunk).has_value();
        }
    };
    if (!measure("sse_parse_json", stream, quick ? 2 : 5, [] { return Dom{}; },
                 [&](const Dom &d) { return d.done && d.contents == contentEvents; }))
        return false;

    // The same extraction without a DOM: scanChunk() validates and pulls the two fields in one pass.
    struct Scan {
        std::size_t contents = 0;
        bool done = false;
        void operator()(const ai::SseEvent &e)
        {
            if (ai::isDone(e.data)) {
                done = true;
                return;
            }
            const auto delta = ai::scanChunk(e.data);
            contents += delta && delta->content.has_value();
        }
    };
    return measure("sse_parse_scan", stream, quick ? 3 : 9, [] { return Scan{}; },
                   [&](const Scan &d) { return d.done && d.contents == contentEvents; });
}

} // namespace rapport::bench
