#pragma once
// Incremental Server-Sent Events parser (WHATWG HTML "Parsing an event stream" / "Interpreting an event
// stream"): raw bytes in, in any read sizes, events out. See docs/protocols.md section A.
//
// Promises:
//  - Feeding a stream whole or split at any byte boundaries yields the same events, retry and last id.
//  - Line ends are CRLF, LF or CR; a CR ending one read and an LF starting the next are one line break.
//  - One UTF-8 BOM is stripped at stream byte 0 only; invalid UTF-8 in event, data and id values is
//    replaced by U+FFFD (maximal-subpart rule, as the WHATWG UTF-8 decoder does).
//  - A line longer than SseLimits::maxLineBytes or an event whose data grows past maxEventBytes is an
//    error (PayloadTooLarge). After an error feed() keeps returning it until finish() or reset().
//  - Nothing throws except std::bad_alloc; the caller's callback may throw, which leaves the parser in
//    an unspecified but valid state.
//  - It never reconnects: id and retry are only recorded for a caller that wants EventSource semantics.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace rapport::ai {

struct SseEvent {
    std::string type = "message";  // the `event` field, "message" when unset or empty
    std::string data;              // `data` lines joined with "\n"
    std::string id;                // the last event id in force when this event fired
};

struct SseLimits {
    std::size_t maxLineBytes = std::size_t{1} << 20;   // one line, without its line break
    std::size_t maxEventBytes = std::size_t{4} << 20;  // the data buffer of one event
};

// What was pending when the stream ended.
struct SseEnd {
    bool clean = true;          // false when an unterminated line or an undispatched event was dropped
    std::string discardedData;  // data of the dropped event (complete `data` lines only, joined by "\n");
                                // lets an LLM client accept a bare `data: [DONE]` line without a blank line
};

class SseParser {
public:
    using EventHandler = std::function<void(const SseEvent &)>;

    explicit SseParser(SseLimits limits = {});

    // Parses the next read. onEvent is called synchronously for each dispatched event; the event
    // reference is valid only during the call (its buffers are reused).
    Result<void> feed(std::string_view bytes, const EventHandler &onEvent);

    // End of stream: the unterminated final event is discarded (WHATWG). Per-stream state is reset so
    // the parser can read a follow-up stream; lastEventId() and retryMs() survive, as for EventSource.
    SseEnd finish();

    // Forgets everything, including the last event id, retry and a sticky error.
    void reset();

    std::optional<int> retryMs() const { return m_retryMs; }
    const std::string &lastEventId() const { return m_lastEventId; }
    const SseLimits &limits() const { return m_limits; }

private:
    Result<void> feedLines(std::string_view bytes, const EventHandler &onEvent);
    Result<void> processLine(std::string_view line, const EventHandler &onEvent);
    Result<void> appendData(std::string_view value);
    void dispatch(const EventHandler &onEvent);
    Result<void> fail(std::string message);

    SseLimits m_limits;
    SseEvent m_event;              // data buffer lives here; type/id are filled in at dispatch
    std::string m_typeBuffer;      // event type buffer
    std::string m_idBuffer;        // last event id buffer: set by `id`, persists across events
    std::string m_lastEventId;     // last event id string: the buffer as of the latest dispatch
    std::string m_partial;         // an unterminated line carried over from earlier reads
    std::string m_bomPrefix;       // the first bytes of the stream while deciding whether they are a BOM
    std::optional<int> m_retryMs;
    std::optional<Error> m_error;  // sticky after a cap was exceeded
    bool m_atStreamStart = true;
    bool m_lastWasCr = false;      // the previous read ended in CR: a leading LF is part of that break
};

} // namespace rapport::ai
