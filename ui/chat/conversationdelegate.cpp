#include "chat/conversationdelegate.h"

#include <QApplication>
#include <QPainter>

#include "chat/conversationlistmodel.h"

namespace rapport::ui {

namespace {
constexpr int kPadding = 8;  // left and right, and between title and date
constexpr int kRowSpace = 14;
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();  // the style draws background, selection and focus; the texts are ours
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dateColor = selected ? textColor : opt.palette.color(group, QPalette::PlaceholderText);

    const QRect area = opt.rect.adjusted(kPadding, 0, -kPadding, 0);
    QFont dateFont = opt.font;
    dateFont.setPointSizeF(opt.font.pointSizeF() * 0.9);
    const QString date = index.data(ConversationListModel::RelativeDateRole).toString();
    const int dateWidth = QFontMetrics(dateFont).horizontalAdvance(date);

    painter->save();
    painter->setFont(dateFont);
    painter->setPen(dateColor);
    painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, date);
    painter->setFont(opt.font);
    painter->setPen(textColor);
    const QRect titleRect = area.adjusted(0, 0, -(dateWidth + kPadding), 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(title, Qt::ElideRight, titleRect.width()));
    painter->restore();
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), option.fontMetrics.height() + kRowSpace};
}

} // namespace rapport::ui
