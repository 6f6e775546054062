#include "drafts/aidrafter.h"

#include "shared/gatewayclient.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

AiDrafter::AiDrafter(GatewayClient &client, QObject *parent) : QObject(parent), m_client(client) {}

AiDrafter::~AiDrafter()
{
    if (m_running)
        m_client.cancelStream(m_stream);
}

void AiDrafter::start(const nlohmann::json &request)
{
    if (m_running)
        return;
    GatewayClient::StreamCallbacks callbacks;
    callbacks.event = [this](const nlohmann::json &e) {
        const QString text = QString::fromStdString(e.value("delta", std::string()));
        if (e.value("field", std::string()) == "subject")
            emit subjectDelta(text);
        else
            emit bodyDelta(text);
    };
    callbacks.end = [this](const nlohmann::json &summary) {
        setRunning(false);
        emit finished(QString::fromStdString(summary.value("draft_id", std::string())));
    };
    callbacks.fail = [this](const Error &error) {
        setRunning(false);
        QString draftId;
        for (const FieldError &d : error.details)
            if (d.field == "draft_id")
                draftId = QString::fromStdString(d.message);
        emit failed(error, draftId);
    };
    m_stream = m_client.stream(Request::make(Method::Post, "/ai/draft-email", request.dump()), this,
                               std::move(callbacks));
    setRunning(true);
}

void AiDrafter::stop()
{
    if (m_running)
        m_client.cancelStream(m_stream);  // the stream then fails with Cancelled
}

void AiDrafter::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

QString aiFailureText(const Error &error)
{
    const QString message = QString::fromStdString(error.message);
    switch (error.code) {
    case ErrorCode::Cancelled:
        return AiDrafter::tr("Stopped. What was written so far is kept.");
    case ErrorCode::BadRequest:
        if (error.field == "api_key")
            return AiDrafter::tr("No AI API key is set. Add one in Settings (Ctrl+,).");
        return message;
    case ErrorCode::RateLimited:
        return AiDrafter::tr("Too many AI requests just now. Try again in %n second(s).", nullptr,
                             int((std::max<std::int64_t>(error.retryAfterMs, 1000) + 999) / 1000));
    default:
        return message;
    }
}

} // namespace rapport::ui
