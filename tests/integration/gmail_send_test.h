#pragma once
// Shared fixture of test_gmail_send: the Gmail sending routes against the fake Google on loopback,
// in process (a MemorySecretStore holds the tokens of a connected account), and `rapportctl gmail
// send` as a process with the real keychain (ctest runs in a private D-Bus session with gnome-keyring).
//
// The routes under test are registered twice: by the gateway (its own table, used where the clock
// does not matter) and on the test's own Router with a wall clock the test moves, so backoff and
// crash recovery are tested without sleeping.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QTest>

#include "core/metrics.h"
#include "core/ratelimiter.h"
#include "core/router.h"
#include "fakes/fake_google_server.h"
#include "secrets/memory_secret_store.h"
#include "support/test_profile.h"

namespace sendtest {

// Everything a stream delivered.
struct Collected : rapport::StreamSink {
    std::vector<nlohmann::json> events;
    nlohmann::json summary;
    std::optional<rapport::Error> error;
    bool ended = false;

    void event(const nlohmann::json &data) override { events.push_back(data); }
    void end(const nlohmann::json &s) override
    {
        summary = s;
        ended = true;
    }
    void fail(const rapport::Error &e) override
    {
        error = e;
        ended = true;
    }
};

// One profile with a connected account and the send routes on a router whose clock the test moves.
struct Profile {
    rapport::MemorySecretStore secrets;  // outlives the gateway
    std::unique_ptr<rapport::test::TestProfile> p;
    rapport::Metrics metrics;
    rapport::RateLimiter limiter{rapport::RateLimits::unlimited()};
    std::unique_ptr<rapport::Router> router;
    qint64 nowMs = 0;
    QString accessToken, refreshToken;

    rapport::Response call(rapport::Method m, const std::string &target, const nlohmann::json &body = nullptr) const
    {
        return router->call(m, target, body.is_null() ? std::string() : body.dump());
    }
    void advance(qint64 ms) { nowMs += ms; }
};

// The parts of a received RFC 5322 message the tests look at.
struct ParsedMime {
    QByteArray header(const QByteArray &name) const;  // unfolded value, empty when absent
    QByteArray head;
    QByteArray body;  // the decoded text
};
ParsedMime parseMime(const QByteArray &mime);

} // namespace sendtest

class TestGmailSend : public QObject {
    Q_OBJECT

    rapport::fakes::FakeGoogleServer m_google;

    // A fresh profile whose Gmail account is connected as anna.seller@example.com (tokens from the
    // fake, kept in the MemorySecretStore); the API is wherever setApiUrl() last pointed.
    std::unique_ptr<sendtest::Profile> connectedProfile();
    // A local draft; returns its id.
    std::string createDraft(const sendtest::Profile &p, const nlohmann::json &fields);
    // Starts a streaming response and waits (bounded) for its end; the stream stays alive until then.
    std::shared_ptr<sendtest::Collected> run(rapport::Response response);
    nlohmann::json outboxRow(const sendtest::Profile &p, const std::string &draftId);
    nlohmann::json draft(const sendtest::Profile &p, const std::string &id);
    void setApiUrl(const QUrl &url);
    QUrl closedPortUrl();  // an address where nothing listens: Gmail is unreachable
    int sendsOf(const std::string &messageId) const;  // messages.send requests carrying this Message-ID

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    // test_gmail_send.cpp: one attempt per request.
    void sendDeliversTheDraft();
    void saveToGmailDrafts();
    void headerInjectionIsRefused();
    void noRecipientOrNoAccount();
    void refusedMessageFails();
    void noTokenInTheDatabase();

    // test_gmail_send_retry.cpp: the outbox across failures.
    void offlineQueuesThenFlushSendsOnce();
    void crashAfterGoogleAcceptedSendsNothingMore();
    void rateLimitedThenSentAfterBackoff();
    void rapportctlSendOfflineQueues();
};
