// One answer's round-trip: the question goes out on POST /ai/chat (or /ai/explain), the answer streams
// into the transcript, and its end, failure or Stop settles the page.

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>

#include <nlohmann/json.hpp>

#include "chat/answerview.h"
#include "chat/chatinput.h"
#include "chat/chatpage.h"
#include "chat/messagewidget.h"
#include "chat/transcriptview.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {
double numberOr(const nlohmann::json &object, const char *key, double fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

QString detail(const Error &error, const char *field)
{
    for (const FieldError &d : error.details) {
        if (d.field == field)
            return QString::fromStdString(d.message);
    }
    return {};
}
} // namespace

ChatPage::~ChatPage()
{
    if (isStreaming())
        m_client.cancelStream(m_streamId);  // nobody will read the answer; stop paying for it
}

void ChatPage::send()
{
    const QString text = m_input->toPlainText().trimmed();
    if (isStreaming() || text.isEmpty())
        return;
    m_input->clear();
    sendMessage(text);
}

void ChatPage::sendMessage(const QString &text)
{
    const QString question = text.trimmed();
    if (isStreaming() || question.isEmpty())
        return;
    m_explainId.clear();
    m_lastQuestion = question;
    m_question = m_transcript->addQuestion(question);
    nlohmann::json body{{"message", question.toStdString()}};
    if (!m_conversationId.isEmpty())
        body["conversation_id"] = m_conversationId.toStdString();
    startStream("/ai/chat", body, question);
}

void ChatPage::regenerate()
{
    if (isStreaming())
        return;
    if (!m_explainId.isEmpty())
        startExplain(m_explainSubject, m_explainId);
    else if (!m_lastQuestion.isEmpty())
        sendMessage(m_lastQuestion);
}

void ChatPage::startExplain(ExplainSubject subject, const QString &id)
{
    if (id.isEmpty())
        return;
    if (isStreaming()) {
        // The new request wins; the old answer keeps what it had, like after Stop.
        m_client.cancelStream(m_streamId);
        if (m_live)
            m_live->body()->failAnswer(tr("You stopped the answer."));
        finishStream();
    }
    newChat();
    m_explainSubject = subject;
    m_explainId = id;
    m_transcript->addNote(subject == ExplainSubject::Contact
                              ? tr("Rapport AI explains this contact from its record, company, notes and recent activity.")
                              : tr("Rapport AI explains this company from its record, contacts, notes and recent activity."));
    const char *field = subject == ExplainSubject::Contact ? "contact_id" : "company_id";
    startStream("/ai/explain", nlohmann::json{{field, id.toStdString()}}, QString());
}

void ChatPage::stop()
{
    if (!isStreaming() || m_stopRequested)
        return;
    m_stopRequested = true;
    m_client.cancelStream(m_streamId);  // fail(Cancelled) follows with whatever arrived
    updateActions();
}

void ChatPage::copyLastAnswer()
{
    const MessageWidget *last = m_transcript->lastAnswer();
    if (isStreaming() || !last || last->text().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(last->text());
    emit statusMessage(tr("Answer copied to the clipboard"));
}

void ChatPage::startStream(const char *target, const nlohmann::json &body, const QString &question)
{
    hideNotice();
    if (MessageWidget *previous = m_transcript->lastAnswer())
        previous->setRetryVisible(false);  // Retry belongs to the latest answer only
    m_sentText = question;
    m_streamStartedUtc = QDateTime::currentDateTimeUtc();
    m_live = m_transcript->beginAnswer();
    m_live->body()->beginAnswer();
    connect(m_live->body(), &AnswerView::flushed, this, &ChatPage::updateLiveStats);
    m_stopRequested = false;
    m_stats->setText(tr("Waiting for the first token…"));

    const quint64 generation = ++m_streamGeneration;
    GatewayClient::StreamCallbacks callbacks;
    callbacks.event = [this, generation](const nlohmann::json &event) {
        if (generation == m_streamGeneration)
            onDelta(event);
    };
    callbacks.end = [this, generation](const nlohmann::json &summary) {
        if (generation == m_streamGeneration)
            onEnd(summary);
    };
    callbacks.fail = [this, generation](const Error &error) {
        if (generation == m_streamGeneration)
            onFail(error);
    };
    m_streamId = m_client.stream(Request::make(Method::Post, target, body.dump()), this, std::move(callbacks));
    fetchModelName();
    updateActions();
    emit streamingChanged(true);
}

void ChatPage::onDelta(const nlohmann::json &event)
{
    const auto delta = event.find("delta");
    if (m_live && delta != event.end() && delta->is_string())
        m_live->body()->appendTokens(QString::fromStdString(delta->get_ref<const std::string &>()));
}

void ChatPage::onEnd(const nlohmann::json &summary)
{
    if (m_live)
        m_live->body()->finishAnswer();
    if (const QString id = jsonString(summary, "conversation_id"); !id.isEmpty())
        m_conversationId = id;
    showStats(static_cast<qint64>(numberOr(summary, "ttft_ms", -1)), numberOr(summary, "tokens_per_s", 0), m_modelName);
    finishStream();
    refreshConversations();
}

void ChatPage::onFail(const Error &error)
{
    AnswerView *answer = m_live ? m_live->body() : nullptr;
    // Upstream and Cancelled come from a stream that reached the provider: the gateway has stored the
    // question and whatever was answered. Anything else was refused before a word was stored.
    const bool stored = error.code == ErrorCode::Upstream || error.code == ErrorCode::Cancelled
                        || (answer && answer->tokenCount() > 0);
    if (stored && answer) {
        if (answer->plainText().isEmpty()) {
            if (const QString partial = detail(error, "partial_text"); !partial.isEmpty())
                answer->appendTokens(partial);
        }
        const bool stopped = error.code == ErrorCode::Cancelled;
        answer->failAnswer(stopped && m_stopRequested ? tr("You stopped the answer.")
                           : stopped                  ? tr("The answer was cancelled.")
                                                      : QString::fromStdString(error.message));
        m_live->setRetryVisible(true);
        if (answer->msToFirstToken() >= 0)
            showStats(answer->msToFirstToken(), answer->tokensPerSecond(), m_modelName);
        else
            m_stats->clear();
        if (m_conversationId.isEmpty())
            adoptNewestConversation(m_sentText);
        else
            refreshConversations();
    } else {
        m_transcript->remove(m_live);
        if (m_question) {
            m_transcript->remove(m_question);
            if (m_input->toPlainText().trimmed().isEmpty())
                m_input->setPlainText(m_sentText);  // nothing was sent: the question is not lost
            m_lastQuestion.clear();
            for (const MessageWidget *message : m_transcript->messages()) {
                if (message->role() == MessageWidget::Role::User)
                    m_lastQuestion = message->text();
            }
        }
        m_stats->clear();
        showNotice(QString::fromStdString(error.message), error.field == "api_key");
    }
    finishStream();
}

void ChatPage::finishStream()
{
    m_streamId = 0;
    m_question = nullptr;
    m_live = nullptr;
    m_stopRequested = false;
    updateActions();
    emit streamingChanged(false);
}

// A stream that fails in a new conversation does not say which conversation the gateway created for
// it; it is the newest one, created after the question went out (and, for a chat, titled after it).
void ChatPage::adoptNewestConversation(const QString &question)
{
    const QDateTime startedUtc = m_streamStartedUtc.addSecs(-1);  // timestamps are stored in milliseconds
    m_client.call(Method::Get, "/ai/conversations", this, [this, question, startedUtc](const Response &response) {
        if (!response.isSuccess() || !response.body.contains("items") || response.body["items"].empty())
            return;
        const nlohmann::json &newest = response.body["items"][0];
        const QDateTime created = QDateTime::fromString(jsonString(newest, "created_at"), Qt::ISODateWithMs);
        QString title = jsonString(newest, "title");
        title.chop(title.endsWith(u"…"_s) ? 1 : 0);
        const bool fits = created.isValid() && created >= startedUtc && (question.isEmpty() || question.startsWith(title));
        if (fits && m_conversationId.isEmpty() && !isStreaming())
            m_conversationId = jsonString(newest, "id");
        refreshConversations();
    });
}

void ChatPage::fetchModelName()
{
    m_client.call(Method::Get, "/ai/settings", this, [this](const Response &response) {
        if (response.isSuccess())
            m_modelName = jsonString(response.body, "model");
    });
}

void ChatPage::updateLiveStats()
{
    if (m_live)
        showStats(m_live->body()->msToFirstToken(), m_live->body()->tokensPerSecond(), m_modelName);
}

} // namespace rapport::ui
