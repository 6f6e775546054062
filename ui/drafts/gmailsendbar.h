#pragma once
// Under the composer: Send and Save to Gmail Drafts, and what happened to the last one (sent, saved
// in Gmail, waiting in the outbox while Gmail is unreachable, or why it failed).

#include <QWidget>

class QLabel;
class QPushButton;

namespace rapport::ui {

class GmailSendBar : public QWidget {
    Q_OBJECT
public:
    explicit GmailSendBar(QWidget *parent = nullptr);

    void setBusy(bool busy);
    void setStatus(const QString &text, bool isError = false);
    QString status() const;

signals:
    void sendRequested();
    void saveToGmailRequested();

private:
    QPushButton *m_send = nullptr;
    QPushButton *m_saveToGmail = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace rapport::ui
