// The Chat page's conversations: the list on the left, New chat, and loading a stored conversation
// into the transcript.

#include <QLabel>
#include <QListView>

#include <nlohmann/json.hpp>

#include "chat/chatinput.h"
#include "chat/chatpage.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagewidget.h"
#include "chat/transcriptview.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

void ChatPage::refreshConversations()
{
    m_client.call(Method::Get, "/ai/conversations", this, [this](const Response &response) {
        if (!response.isSuccess()) {
            emit statusMessage(responseError(response.body, response.status));
            return;
        }
        m_selecting = true;
        m_model->setItems(response.body.contains("items") ? response.body["items"] : nlohmann::json::array());
        m_selecting = false;
        m_listLoaded = true;
        selectCurrent();
    });
}

void ChatPage::selectCurrent()
{
    m_selecting = true;
    const int row = m_model->rowOf(m_conversationId);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
    else
        m_list->setCurrentIndex({});
    m_selecting = false;
}

void ChatPage::onListSelection(int row)
{
    const QString id = m_model->idAt(row);
    if (m_selecting || id.isEmpty() || id == m_conversationId)
        return;
    openConversation(id);
}

void ChatPage::newChat()
{
    if (isStreaming())
        return;
    ++m_loadGeneration;
    m_conversationId.clear();
    m_lastQuestion.clear();
    m_explainId.clear();
    m_transcript->clear();
    m_stats->clear();
    hideNotice();
    selectCurrent();
    updateActions();
    m_input->setFocus();
}

void ChatPage::openConversation(const QString &id)
{
    if (isStreaming() || id.isEmpty())
        return;
    newChat();
    m_conversationId = id;
    selectCurrent();
    const quint64 generation = m_loadGeneration;
    m_client.call(Method::Get, "/ai/conversations/" + id.toStdString(), this,
                  [this, generation](const Response &response) {
                      if (generation != m_loadGeneration)
                          return;  // another conversation was chosen meanwhile
                      if (!response.isSuccess()) {
                          showNotice(responseError(response.body, response.status), false);
                          return;
                      }
                      showConversation(response.body);
                  });
}

void ChatPage::showConversation(const nlohmann::json &conversation)
{
    const nlohmann::json *lastAnswer = nullptr;
    MessageWidget *lastWidget = nullptr;
    static const nlohmann::json none = nlohmann::json::array();
    const auto found = conversation.find("messages");
    for (const nlohmann::json &message : found != conversation.end() && found->is_array() ? *found : none) {
        const QString role = jsonString(message, "role");
        const QString content = jsonString(message, "content");
        if (role == u"user"_s) {
            lastWidget = m_transcript->addQuestion(content);
            m_lastQuestion = content;
        } else if (role == u"assistant"_s) {
            if (jsonString(message, "status") == u"complete"_s) {
                lastWidget = m_transcript->addAnswer(content);
            } else {
                const QString error = jsonString(message, "error");
                lastWidget = m_transcript->addIncompleteAnswer(
                    content, error.isEmpty() ? tr("The answer did not complete.") : error);
            }
            lastAnswer = &message;
        }
        // Anything else ("system": the hidden grounding of an explanation) is not for the user to read.
    }
    if (lastWidget && lastWidget->isIncomplete())
        lastWidget->setRetryVisible(true);
    if (lastAnswer) {
        const auto ttft = lastAnswer->find("ttft_ms");
        const auto rate = lastAnswer->find("tokens_per_s");
        showStats(ttft != lastAnswer->end() && ttft->is_number() ? ttft->get<qint64>() : -1,
                  rate != lastAnswer->end() && rate->is_number() ? rate->get<double>() : 0,
                  jsonString(*lastAnswer, "model"));
    }
    updateActions();
}

} // namespace rapport::ui
