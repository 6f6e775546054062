#pragma once
// What the in-process gateway adds to an AI answer, measured against the fake provider on loopback
// through the window's own path (GatewayClient::stream: worker thread, then queued to the GUI thread).

namespace rapport::bench {

struct AiOverheadOptions {
    int requests = 300;         // route call -> request received by the provider
    int pacedTokens = 2000;     // one token per write, 1 ms apart: latency of each to the GUI thread
    int burstTokens = 50'000;   // all written at once: wall time per token through the whole path
};

// Prints:
//   BENCH ai_overhead n=.. p50_us=.. p99_us=.. ... gateway_p50_us=.. gateway_p99_us=..
//       route call on the GUI thread -> the provider has the whole request (includes loopback and Qt's
//       HTTP thread); gateway_* is our own share as ChatStream reports it (route, validation, the
//       stored question, building the request).
//   BENCH ai_token_latency n=.. p50_us=.. p99_us=.. ...   provider writes a token -> GUI thread has it
//   BENCH ai_token_throughput tokens=.. per_token_us=..   first token on the GUI thread -> the last
bool aiOverhead(const AiOverheadOptions &options);

} // namespace rapport::bench
