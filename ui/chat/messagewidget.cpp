#include "chat/messagewidget.h"

#include <cmath>

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "chat/answerview.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {
QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + tint.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QPushButton *smallButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setToolTip(toolTip);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}
} // namespace

MessageWidget::MessageWidget(Role role, QWidget *parent) : QFrame(parent), m_role(role)
{
    setObjectName(role == Role::User ? u"userMessage"_s : u"assistantMessage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 8);
    layout->setSpacing(0);

    auto *header = new QHBoxLayout;
    header->setSpacing(4);
    m_who = new QLabel(role == Role::User ? tr("You") : tr("Rapport AI"), this);
    QFont bold = m_who->font();
    bold.setBold(true);
    m_who->setFont(bold);
    header->addWidget(m_who);
    header->addStretch(1);
    m_edit = smallButton(tr("Edit"), tr("Put this question into the input to change and send it again"), this);
    m_edit->setObjectName(u"editButton"_s);
    m_edit->setVisible(role == Role::User);
    header->addWidget(m_edit);
    m_retry = smallButton(tr("Retry"), tr("Ask the question again"), this);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->hide();
    header->addWidget(m_retry);
    layout->addLayout(header);

    m_body = new AnswerView(this);
    QTextBrowser *view = m_body->textView();
    view->setFrameShape(QFrame::NoFrame);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the transcript scrolls, not each message
    view->setFocusPolicy(Qt::ClickFocus);  // Tab goes from the input to the buttons, not through every message
    view->document()->setDocumentMargin(2);
    m_body->setFixedHeight(view->fontMetrics().lineSpacing() + 8);
    layout->addWidget(m_body);

    connect(view->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &MessageWidget::fitHeight);
    connect(view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &MessageWidget::fitHeight);
    connect(m_edit, &QPushButton::clicked, this, [this] { emit editRequested(m_body->plainText()); });
    connect(m_retry, &QPushButton::clicked, this, &MessageWidget::retryRequested);
    updateColors();
}

QString MessageWidget::text() const
{
    return m_body->plainText();
}

void MessageWidget::showText(const QString &markdown)
{
    m_body->beginAnswer();
    m_body->appendTokens(markdown);
    m_body->finishAnswer();
}

void MessageWidget::showIncomplete(const QString &partialMarkdown, const QString &reason)
{
    m_body->beginAnswer();
    if (!partialMarkdown.isEmpty())
        m_body->appendTokens(partialMarkdown);
    m_body->failAnswer(reason);
}

bool MessageWidget::isIncomplete() const
{
    return m_body->state() == AnswerView::State::Failed;
}

void MessageWidget::setRetryVisible(bool visible)
{
    m_retry->setVisible(visible && m_role == Role::Assistant);
}

void MessageWidget::setActionsEnabled(bool enabled)
{
    m_edit->setEnabled(enabled);
    m_retry->setEnabled(enabled);
}

// The text view is exactly as tall as its document, so that the whole transcript scrolls as one.
void MessageWidget::fitHeight()
{
    QTextBrowser *view = m_body->textView();
    const QSizeF size = view->document()->documentLayout()->documentSize();
    int height = static_cast<int>(std::ceil(size.height())) + 2 * view->frameWidth();
    if (view->horizontalScrollBar()->maximum() > 0)  // a wide code block or table scrolls sideways
        height += view->horizontalScrollBar()->sizeHint().height();
    if (height != m_body->height())
        m_body->setFixedHeight(height);
}

void MessageWidget::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_updatingColors)
        updateColors();
}

// A question sits on a light tint of the highlight colour, an answer on the page's own background;
// both follow light and dark palettes.
void MessageWidget::updateColors()
{
    m_updatingColors = true;
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor background = m_role == Role::User ? blend(base, pal.color(QPalette::Highlight), 0.09) : base;
    // The text view's own background must match, or a question would show a white box on its tint.
    setStyleSheet(u"QFrame#%1 { background-color: %2; border-radius: 8px; } QFrame#%1 QTextBrowser { background-color: %2; }"_s
                      .arg(objectName(), background.name()));
    QPalette bodyPalette = m_body->palette();
    bodyPalette.setColor(QPalette::Base, background);
    m_body->setPalette(bodyPalette);
    QPalette whoPalette = m_who->palette();
    whoPalette.setColor(QPalette::WindowText, blend(pal.color(QPalette::WindowText), base, 0.35));
    m_who->setPalette(whoPalette);
    m_updatingColors = false;
}

} // namespace rapport::ui
