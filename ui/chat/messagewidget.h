#pragma once
// One message of a conversation in the transcript: who wrote it, its text rendered as Markdown
// (read-only, selectable) in an AnswerView whose height follows its text, and the message's actions:
// Edit on a question (its text goes back into the input), Retry on an answer that did not complete.
// The live answer is a MessageWidget too: the page streams tokens into body().

#include <QFrame>

class QLabel;
class QPushButton;

namespace rapport::ui {

class AnswerView;

class MessageWidget : public QFrame {
    Q_OBJECT
public:
    enum class Role { User, Assistant };

    explicit MessageWidget(Role role, QWidget *parent = nullptr);

    Role role() const { return m_role; }
    AnswerView *body() const { return m_body; }
    QString text() const;  // as written or received, Markdown source
    // A stored message: shows the whole text at once. An incomplete answer also shows why it stopped.
    void showText(const QString &markdown);
    void showIncomplete(const QString &partialMarkdown, const QString &reason);
    bool isIncomplete() const;
    void setRetryVisible(bool visible);
    void setActionsEnabled(bool enabled);  // Edit and Retry wait while an answer streams
    QPushButton *editButton() const { return m_edit; }
    QPushButton *retryButton() const { return m_retry; }

signals:
    void editRequested(const QString &text);
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitHeight();
    void updateColors();

    Role m_role;
    QLabel *m_who = nullptr;
    AnswerView *m_body = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_retry = nullptr;
    bool m_updatingColors = false;
};

} // namespace rapport::ui
