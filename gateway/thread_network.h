#pragma once
// One QNetworkAccessManager per thread that talks to providers (AI, Google), kept for the thread's
// life: later requests reuse its open (TLS) connections instead of paying a new handshake each time.

class QNetworkAccessManager;

namespace rapport {

QNetworkAccessManager &threadNetwork();

} // namespace rapport
