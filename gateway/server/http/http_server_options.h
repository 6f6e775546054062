#pragma once
// Settings of rapport-server's HTTP layer. The defaults are what `serve` uses.

#include <chrono>
#include <cstdint>
#include <functional>

#include <QByteArray>
#include <QString>

class QIODevice;

namespace rapport::server {

struct HttpServerOptions {
    std::int64_t maxBodyBytes = 1024 * 1024;  // checked against Content-Length before reading: 413
    std::chrono::milliseconds headerTimeout{10'000};      // first byte of a request to its empty line
    std::chrono::milliseconds bodyTimeout{30'000};        // end of the headers to the last body byte
    std::chrono::milliseconds idleTimeout{60'000};        // keep-alive wait for the next request
    std::chrono::milliseconds writeStallTimeout{30'000};  // reply bytes pending with none accepted
    std::chrono::milliseconds handshakeTimeout{10'000};   // TLS only
    int workerThreads = 0;    // handlers run on this many pool threads; 0: max(4, ideal thread count)
    int maxConnections = 1000;  // further connections are closed at once
    // TLS when both are set: PEM files of the certificate (chain) and its unencrypted private key.
    QString certificateFile;
    QString privateKeyFile;
    // One JSON line per request (see http_wire.h), called on the server's thread; empty: no log.
    std::function<void(const QByteArray &line)> accessLog;
};

// An access-log callback writing to `device` (which must outlive the server).
std::function<void(const QByteArray &line)> accessLogTo(QIODevice *device);

} // namespace rapport::server
