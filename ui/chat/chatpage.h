#pragma once
// The Chat page: the stored conversations on the left (newest first, "New chat" on top), the selected
// conversation on the right with the answer streaming live, and below it the input with Send, Stop,
// Regenerate and Copy and a line of statistics (time to first token, tokens per second, model).
//
// Behaviour worth knowing:
// - One answer streams at a time. While it streams, Send, the conversation list and New chat wait;
//   Stop (Esc) cancels it, and the partial answer stays, marked as stopped (the gateway stores it too).
// - A failed answer keeps its partial text with the reason and offers Retry, which regenerates.
// - Regenerate and Retry ask the last question again as a new message in the same conversation (the
//   gateway has no "replace the last answer" yet, so the question is stored twice; honest and simple).
// - Edit on an earlier question puts its text into the input; sending it adds it as a new message to
//   the same conversation (no branching of the history).
// - Requests the gateway refuses before storing anything (no API key, rate limited) show a notice above
//   the input and give the question back to the input; no key offers "Open Settings".
// - Messages with role "system" (the hidden grounding of an explanation) are never shown.
// - A stream still running when the page goes away is cancelled.

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <nlohmann/json_fwd.hpp>

class QAction;
class QLabel;
class QListView;
class QPushButton;

namespace rapport {
class GatewayClient;
struct Error;
}

namespace rapport::ui {

class ChatInput;
class ConversationListModel;
class MessageWidget;
class TranscriptView;

class ChatPage : public QWidget {
    Q_OBJECT
public:
    enum class ExplainSubject { Contact, Company };

    explicit ChatPage(GatewayClient &client, QWidget *parent = nullptr);
    ~ChatPage() override;  // cancels a running stream

    QString conversationId() const { return m_conversationId; }  // empty for a new chat
    bool isStreaming() const { return m_streamId != 0; }

    // The parts, for the window and for tests.
    ConversationListModel *conversations() const { return m_model; }
    QListView *conversationList() const { return m_list; }
    TranscriptView *transcript() const { return m_transcript; }
    ChatInput *input() const { return m_input; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *regenerateButton() const { return m_regenerate; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *newChatButton() const { return m_newChat; }
    QLabel *statsLabel() const { return m_stats; }
    QLabel *noticeLabel() const { return m_noticeText; }
    QPushButton *openSettingsButton() const { return m_openSettings; }

public slots:
    void refreshConversations();         // GET /ai/conversations; keeps the current one selected
    void newChat();                      // an empty conversation; the first message creates it
    void openConversation(const QString &id);
    void send();                         // the input's text
    void sendMessage(const QString &text);
    void stop();
    void regenerate();                   // the last question again (or the last explanation)
    void copyLastAnswer();
    // Streams POST /ai/explain {"contact_id"|"company_id": id} into a new conversation; a running
    // answer is stopped first.
    void startExplain(rapport::ui::ChatPage::ExplainSubject subject, const QString &id);

signals:
    void settingsRequested();  // "Open Settings" after the gateway said no API key is set
    void statusMessage(const QString &text);
    void streamingChanged(bool streaming);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // chatpage.cpp: layout, actions, notice and statistics
    void buildLayout();
    void createActions();
    void updateActions();
    void showNotice(const QString &text, bool offerSettings);
    void hideNotice();
    void showStats(qint64 ttftMs, double tokensPerSecond, const QString &model);
    // chatpage_history.cpp: the list and stored conversations
    void onListSelection(int row);
    void showConversation(const nlohmann::json &conversation);
    void selectCurrent();
    // chatpage_stream.cpp: one answer's round-trip
    void startStream(const char *target, const nlohmann::json &body, const QString &question);
    void onDelta(const nlohmann::json &event);
    void onEnd(const nlohmann::json &summary);
    void onFail(const Error &error);
    void finishStream();
    void adoptNewestConversation(const QString &question);
    void fetchModelName();
    void updateLiveStats();

    GatewayClient &m_client;
    ConversationListModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QPushButton *m_newChat = nullptr;
    TranscriptView *m_transcript = nullptr;
    QWidget *m_notice = nullptr;
    QLabel *m_noticeText = nullptr;
    QPushButton *m_openSettings = nullptr;
    ChatInput *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_regenerate = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_stats = nullptr;
    QAction *m_newChatAction = nullptr;
    QAction *m_stopAction = nullptr;

    QString m_conversationId;
    QString m_lastQuestion;       // what Regenerate asks again
    ExplainSubject m_explainSubject = ExplainSubject::Contact;
    QString m_explainId;          // set while the conversation is a fresh explanation: Regenerate re-explains
    QString m_modelName;          // the provider's model, for the statistics line
    quint64 m_streamId = 0;       // 0: nothing streams
    quint64 m_streamGeneration = 0;  // callbacks of an abandoned stream are ignored
    quint64 m_loadGeneration = 0;    // drops conversation loads overtaken by a newer selection
    QPointer<MessageWidget> m_question;  // the question of the running stream (removed if refused)
    QPointer<MessageWidget> m_live;      // the answer of the running stream
    QString m_sentText;           // the running stream's question, given back to the input if refused
    QDateTime m_streamStartedUtc;
    bool m_stopRequested = false;
    bool m_selecting = false;     // we move the list selection ourselves
    bool m_listLoaded = false;
};

} // namespace rapport::ui
