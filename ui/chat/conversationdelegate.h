#pragma once
// One row of the conversation list: the title, elided, and on the right when it last changed, in the
// muted colour of secondary text.

#include <QStyledItemDelegate>

namespace rapport::ui {

class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace rapport::ui
