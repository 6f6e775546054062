#pragma once
// When the next sync round runs after `failures` failed rounds in a row: capped exponential backoff
// with "equal jitter" (a random point in [d/2, d], d = min(cap, base * 2^(failures-1))), so a team
// whose server came back does not reconnect in lockstep. There is no last attempt: sync retries for
// ever, and a connectivity change or a local edit starts a round sooner. Pure, for tests.

#include <chrono>

namespace rapport::sync {

struct SyncBackoff {
    std::chrono::milliseconds base{2'000};
    std::chrono::milliseconds cap{300'000};
    std::chrono::milliseconds healthyInterval{60'000};  // between rounds while everything works
};

// failures >= 1; randomUnit in [0, 1).
std::chrono::milliseconds syncRetryDelay(int failures, double randomUnit, const SyncBackoff &policy = {});

} // namespace rapport::sync
