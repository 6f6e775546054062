#include "chat/chatinput.h"

#include <QKeyEvent>

namespace rapport::ui {

namespace {
constexpr int kLines = 3;  // tall enough to see a short paragraph, small enough to leave the answer room
}

ChatInput::ChatInput(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);  // Tab moves on to Send; a chat message has no use for tab characters
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize ChatInput::sizeHint() const
{
    const int margins = static_cast<int>(2 * document()->documentMargin()) + 2 * frameWidth();
    return {QPlainTextEdit::sizeHint().width(), kLines * fontMetrics().lineSpacing() + margins};
}

QSize ChatInput::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    // Shift+Enter is the newline; Ctrl or Alt with Enter belongs to shortcuts and input methods.
    if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier))) {
        event->accept();
        emit submitted();
        return;
    }
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        insertPlainText(QStringLiteral("\n"));  // QPlainTextEdit would insert a line separator (U+2028)
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace rapport::ui
