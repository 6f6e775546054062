#include "chat/conversationlistmodel.h"

#include <QLocale>

#include <nlohmann/json.hpp>

#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {
QDateTime parseIso(const QString &iso)
{
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(iso, Qt::ISODate);
    return when.isValid() ? when.toLocalTime() : QDateTime();
}
} // namespace

ConversationListModel::ConversationListModel(QObject *parent) : QAbstractListModel(parent) {}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return item.title.isEmpty() ? tr("Untitled conversation") : item.title;
    case Qt::ToolTipRole:
        return item.updated.isValid() ? item.title + u'\n' + QLocale().toString(item.updated, QLocale::LongFormat)
                                      : item.title;
    case IdRole:
        return item.id;
    case UpdatedRole:
        return item.updated;
    case RelativeDateRole:
        return item.updated.isValid() ? relativeDate(item.updated, QDateTime::currentDateTime()) : QString();
    default:
        return {};
    }
}

void ConversationListModel::setItems(const nlohmann::json &items)
{
    beginResetModel();
    m_items.clear();
    if (items.is_array()) {
        for (const auto &entry : items) {
            Item item{jsonString(entry, "id"), jsonString(entry, "title"), parseIso(jsonString(entry, "updated_at"))};
            if (!item.id.isEmpty())
                m_items.append(std::move(item));
        }
    }
    endResetModel();
}

QString ConversationListModel::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items[row].id : QString();
}

int ConversationListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].id == id)
            return row;
    }
    return -1;
}

QString ConversationListModel::relativeDate(const QDateTime &when, const QDateTime &now)
{
    const QLocale locale;
    const qint64 days = when.date().daysTo(now.date());
    if (days == 0) {
        QString format = locale.timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_s);  // some locales (C among them) put seconds into the short format
        return locale.toString(when.time(), format);
    }
    if (days == 1)
        return tr("Yesterday");
    if (days > 1 && days < 7)
        return locale.dayName(when.date().dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(when.date(), QLocale::ShortFormat);
}

} // namespace rapport::ui
