#pragma once
// The Gmail sending routes (issue 4, "Sending offline, exactly once"):
//   POST /gmail/send          {"draft_id"}  queue the local draft as a send and try it now (a stream)
//   POST /gmail/drafts        {"draft_id"}  the same, saving it to Gmail drafts instead
//   GET  /gmail/outbox                      the latest 500 outbox rows, newest first, without the bytes
//   POST /gmail/outbox/flush                every due row, in order (a stream; see OutboxFlushFlow)
// Queueing answers at once when it cannot be done: 404 unknown draft, 409 not connected or already
// queued/sent, 422 with the field (no recipient, a header that would be injected). Once queued the
// stream ends with the outcome; Gmail being unreachable ends it with status "queued", not an error.

#include "gmail/gmail_outbox.h"

namespace rapport {
class Router;
class Store;
}

namespace rapport::gmail {

class GmailAccount;

// `options` is for tests that move time; the gateway passes none.
void addGmailSendRoutes(Router &r, GmailAccount &account, Store &store, OutboxOptions options = {});

} // namespace rapport::gmail
