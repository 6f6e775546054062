#pragma once
// Shared fixture for test_chat_client: a fresh fake provider and network manager per test function,
// and a recorder that captures every signal of one ChatCompletion in order.

#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QTest>

#include <memory>
#include <optional>

#include "ai/chat_completion.h"
#include "fakes/fake_openai_server.h"

struct Recorded {
    int firstTokens = 0;
    int tokenBatches = 0;
    QString streamed;            // the concatenated tokens() batches
    QStringList order;           // "first", "tokens", "finished", "failed"
    std::optional<rapport::ai::ChatOutcome> outcome;
    std::optional<rapport::ai::AiError> error;
    int terminals() const { return int(order.count(QStringLiteral("finished")) + order.count(QStringLiteral("failed"))); }
};

class TestChatClient : public QObject {
    Q_OBJECT

private:
    rapport::ai::ProviderConfig config() const;
    std::unique_ptr<rapport::ai::ChatCompletion> makeCall(const rapport::ai::ProviderConfig &config);
    void record(rapport::ai::ChatCompletion &call, Recorded &out);
    // Starts the call and waits (bounded) for its terminal signal, then a little longer for strays.
    Recorded run(rapport::ai::ChatCompletion &call, int timeoutMs = 8000);
    Recorded run() { auto call = makeCall(config()); return run(*call); }

    std::unique_ptr<rapport::fakes::FakeOpenAiServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;

private slots:
    void init();
    void cleanup();

    // Pure arithmetic (test_chat_client.cpp).
    void retryDelay_data();
    void retryDelay();
    void retryDelayStaysCappedAndGrows();
    void retryAfterHttpDate();
    void providerConfigFromEnvironment();

    // Streaming (test_chat_client.cpp).
    void streams_data();
    void streams();
    void batchesTokensPerRead();
    void requestIsWhatTheProtocolRequires();
    void cancelAbortsUpstream();
    void cancelFromTokensSlot();
    void deletingTheCallAbortsUpstream();

    // Failures and retries (test_chat_client_errors.cpp).
    void httpErrors_data();
    void httpErrors();
    void wrongKeyIsRejectedByServer();
    void retriesRateLimitThenSucceeds_data();
    void retriesRateLimitThenSucceeds();
    void retriesOverloadThenSucceeds();
    void retriesDroppedConnectionThenSucceeds();
    void neverRetriesAfterFirstToken_data();
    void neverRetriesAfterFirstToken();
    void inStreamErrorKeepsPartialText();
    void stalledStreamTimesOut();
    void redirectIsNotFollowed();
    void oversizedResponseIsCut();
};
