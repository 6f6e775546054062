#pragma once
// Where the user writes to the AI: several lines of plain text. Enter sends (submitted()), Shift+Enter
// starts a new line, as in every chat application.

#include <QPlainTextEdit>

namespace rapport::ui {

class ChatInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChatInput(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace rapport::ui
