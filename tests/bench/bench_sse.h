#pragma once

namespace rapport::bench {

// BENCH sse_parse and sse_parse_json: a ~100 MB OpenAI-style chat-completions stream built in memory,
// fed to SseParser in 64 KiB reads (parser only, then with each chunk's JSON parsed and its delta
// content extracted). False when the parser did not see the events the stream holds.
bool sseParse(bool quick);

} // namespace rapport::bench
