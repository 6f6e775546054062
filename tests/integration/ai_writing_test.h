#pragma once
// Shared fixture of test_ai_writing: POST /ai/explain and /ai/draft-email through the route table
// against a fake OpenAI-compatible provider on loopback, and `rapportctl draft` as a process.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include "fakes/fake_openai_server.h"
#include "support/test_profile.h"

namespace aitest {

// Everything a stream delivered, in order.
struct Collected : rapport::StreamSink {
    std::vector<std::pair<std::string, std::string>> events;  // (field or "", delta)
    nlohmann::json summary;
    std::optional<rapport::Error> error;
    bool ended = false;

    void event(const nlohmann::json &data) override { events.emplace_back(data.value("field", ""), data.value("delta", "")); }
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
    std::string text(const std::string &field = {}) const;  // the deltas of one field ("" = all)
    std::string detail(const std::string &field) const;    // an error detail's message, "" when absent
};

struct CtlRun {
    int exitCode = -1;
    QString out, err;
};

} // namespace aitest

class TestAiWriting : public QObject {
    Q_OBJECT

    rapport::fakes::FakeOpenAiServer m_server;

    // Starts a streaming response and waits (bounded) for its end.
    std::shared_ptr<aitest::Collected> run(rapport::Response &response);
    // The system and user messages of the last request the fake received.
    std::string sentSystem() const;
    std::string sentUser() const;
    // rapportctl with the test's environment; the event loop keeps running so the fake can answer.
    aitest::CtlRun ctl(const rapport::test::TestProfile &profile, const QStringList &args);

private slots:
    void initTestCase();

    // POST /ai/explain (test_ai_writing.cpp).
    void explainContactIsGrounded();
    void followUpChatSendsTheGrounding();
    void explainCompanyListsItsContacts();
    void explainNeedsExactlyOneLiveRecord();
    void crmTextCannotCloseTheDataBlock();
    void explainWithoutKeyStoresNothing();

    // POST /ai/draft-email (test_ai_draft.cpp).
    void draftStreamsSubjectAndBodyAndSaves();
    void draftOverwritesAGivenDraft();
    void draftValidation();
    void draftRefusedKeySavesNothing();
    void truncatedDraftKeepsThePartial();
    void stoppedDraftKeepsThePartial();
    void rapportctlDraft();
};
