#pragma once
// One "Draft with AI" run: POST /ai/draft-email streamed through the GatewayClient. The subject and the
// body arrive as separate deltas; at the end the gateway has saved the draft and says which one.

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class AiDrafter : public QObject {
    Q_OBJECT
public:
    explicit AiDrafter(GatewayClient &client, QObject *parent = nullptr);
    ~AiDrafter() override;  // stops a running draft

    // request: {"contact_id","intent","tone","language","draft_id"?}. Ignored while one runs.
    void start(const nlohmann::json &request);
    void stop();
    bool isRunning() const { return m_running; }

signals:
    void subjectDelta(const QString &text);
    void bodyDelta(const QString &text);
    void finished(const QString &draftId);
    // The partial text stays where the deltas put it; draftId is set when the gateway kept it as a draft.
    void failed(const rapport::Error &error, const QString &draftId);
    void runningChanged(bool running);

private:
    void setRunning(bool running);

    GatewayClient &m_client;
    quint64 m_stream = 0;
    bool m_running = false;
};

// The words a person reads for an AI failure: the provider's message, plus what to do about it.
QString aiFailureText(const Error &error);

} // namespace rapport::ui
