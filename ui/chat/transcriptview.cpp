#include "chat/transcriptview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>

#include "chat/messagewidget.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {
constexpr int kBottomSlack = 4;      // pixels from the bottom that still count as "at the bottom"
constexpr int kMaxColumnWidth = 820;  // long lines are hard to read; a wide window gets margins instead
} // namespace

TranscriptView::TranscriptView(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(u"transcript"_s);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setBackgroundRole(QPalette::Base);

    auto *canvas = new QWidget(this);
    canvas->setBackgroundRole(QPalette::Base);
    auto *centre = new QHBoxLayout(canvas);
    centre->setContentsMargins(16, 12, 16, 12);
    centre->addStretch(1);
    m_column = new QWidget(canvas);
    m_column->setMaximumWidth(kMaxColumnWidth);
    m_column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    centre->addWidget(m_column, 100);
    centre->addStretch(1);

    m_rows = new QVBoxLayout(m_column);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(10);
    m_empty = new QLabel(m_column);
    m_empty->setObjectName(u"emptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setContentsMargins(24, 24, 24, 24);
    m_rows->addWidget(m_empty, 2);  // with the stretch below: a little above the middle, where the eye looks
    m_rows->addStretch(1);  // few messages sit at the top
    setWidget(canvas);

    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_scrolling)
            m_pinned = value >= bar->maximum() - kBottomSlack;
    });
    connect(bar, &QScrollBar::rangeChanged, this, &TranscriptView::followEnd);
}

void TranscriptView::setEmptyText(const QString &title, const QString &hint)
{
    m_empty->setText(u"<p style='font-size:large'>%1</p><p>%2</p>"_s.arg(title.toHtmlEscaped(), hint.toHtmlEscaped()));
}

void TranscriptView::clear()
{
    for (const QPointer<QWidget> &item : std::as_const(m_items))
        delete item.data();
    m_items.clear();
    m_pinned = true;
    updateEmptyState();
}

MessageWidget *TranscriptView::addQuestion(const QString &text)
{
    auto *message = add(new MessageWidget(MessageWidget::Role::User, m_column));
    message->showText(text);
    return message;
}

MessageWidget *TranscriptView::addAnswer(const QString &text)
{
    auto *message = add(new MessageWidget(MessageWidget::Role::Assistant, m_column));
    message->showText(text);
    return message;
}

MessageWidget *TranscriptView::addIncompleteAnswer(const QString &partial, const QString &reason)
{
    auto *message = add(new MessageWidget(MessageWidget::Role::Assistant, m_column));
    message->showIncomplete(partial, reason);
    return message;
}

MessageWidget *TranscriptView::beginAnswer()
{
    m_pinned = true;  // the user just asked: show the answer as it comes
    return add(new MessageWidget(MessageWidget::Role::Assistant, m_column));
}

void TranscriptView::addNote(const QString &text)
{
    auto *note = new QLabel(text, m_column);
    note->setObjectName(u"transcriptNote"_s);
    note->setWordWrap(true);
    note->setAlignment(Qt::AlignCenter);
    note->setForegroundRole(QPalette::PlaceholderText);
    insertRow(note);
}

MessageWidget *TranscriptView::add(MessageWidget *message)
{
    message->setActionsEnabled(m_actionsEnabled);
    connect(message, &MessageWidget::editRequested, this, &TranscriptView::editRequested);
    connect(message, &MessageWidget::retryRequested, this, &TranscriptView::retryRequested);
    insertRow(message);
    return message;
}

void TranscriptView::insertRow(QWidget *row)
{
    m_rows->insertWidget(m_rows->count() - 1, row);  // before the stretch
    m_items.append(row);
    updateEmptyState();
}

void TranscriptView::remove(MessageWidget *message)
{
    m_items.removeIf([message](const QPointer<QWidget> &item) { return item == message; });
    delete message;
    updateEmptyState();
}

QList<MessageWidget *> TranscriptView::messages() const
{
    QList<MessageWidget *> out;
    for (const QPointer<QWidget> &item : m_items) {
        if (auto *message = qobject_cast<MessageWidget *>(item.data()))
            out.append(message);
    }
    return out;
}

MessageWidget *TranscriptView::lastAnswer() const
{
    const QList<MessageWidget *> all = messages();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if ((*it)->role() == MessageWidget::Role::Assistant)
            return *it;
    }
    return nullptr;
}

void TranscriptView::setActionsEnabled(bool enabled)
{
    m_actionsEnabled = enabled;
    for (MessageWidget *message : messages())
        message->setActionsEnabled(enabled);
}

void TranscriptView::updateEmptyState()
{
    m_items.removeIf([](const QPointer<QWidget> &item) { return item.isNull(); });
    m_empty->setVisible(m_items.isEmpty());
}

void TranscriptView::followEnd()
{
    if (!m_pinned)
        return;
    QScrollBar *bar = verticalScrollBar();
    m_scrolling = true;
    bar->setValue(bar->maximum());
    m_scrolling = false;
}

} // namespace rapport::ui
