#pragma once
// The conversation as one scrolling column: the stored messages, then the answer that is streaming.
// Each message is as tall as its text, so the column, not each message, scrolls; it follows the end
// while an answer grows unless the user scrolled up, and follows again once they scroll back down.
// With no messages it shows a short invitation instead.

#include <QList>
#include <QPointer>
#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace rapport::ui {

class MessageWidget;

class TranscriptView : public QScrollArea {
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    void clear();  // no messages; follows the end again
    MessageWidget *addQuestion(const QString &text);
    MessageWidget *addAnswer(const QString &text);                                // a complete answer
    MessageWidget *addIncompleteAnswer(const QString &partial, const QString &reason);
    MessageWidget *beginAnswer();  // empty, streaming: the caller feeds body()
    void addNote(const QString &text);  // a line of context that is not a message ("Explaining …")
    void remove(MessageWidget *message);

    QList<MessageWidget *> messages() const;
    MessageWidget *lastAnswer() const;  // nullptr when there is none
    void setActionsEnabled(bool enabled);
    void setEmptyText(const QString &title, const QString &hint);
    QLabel *emptyState() const { return m_empty; }
    bool isPinnedToBottom() const { return m_pinned; }

signals:
    void editRequested(const QString &text);
    void retryRequested();

private:
    MessageWidget *add(MessageWidget *message);
    void insertRow(QWidget *row);
    void updateEmptyState();
    void followEnd();

    QWidget *m_column = nullptr;
    QVBoxLayout *m_rows = nullptr;
    QLabel *m_empty = nullptr;
    QList<QPointer<QWidget>> m_items;  // messages and notes, in order
    bool m_pinned = true;
    bool m_scrolling = false;  // our own scroll-bar moves, not the user's
    bool m_actionsEnabled = true;
};

} // namespace rapport::ui
