#pragma once
// The stored AI conversations, newest first, as GET /ai/conversations lists them (at most a few hundred,
// so a refresh replaces the whole list). Touched only on the GUI thread: the page fills it from replies
// that GatewayClient delivers there.

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <nlohmann/json_fwd.hpp>

namespace rapport::ui {

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UpdatedRole,       // QDateTime, local time
        RelativeDateRole,  // "14:05", "Yesterday", "Mon", "03/11/2026"
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The "items" array of GET /ai/conversations; entries without an id are skipped.
    void setItems(const nlohmann::json &items);
    QString idAt(int row) const;
    int rowOf(const QString &id) const;  // -1 when not listed

    // How a list shows when something happened: the time today, "Yesterday", the weekday within a
    // week, else the date. now is a parameter so that tests need no clock.
    static QString relativeDate(const QDateTime &when, const QDateTime &now);

private:
    struct Item {
        QString id, title;
        QDateTime updated;
    };
    QList<Item> m_items;
};

} // namespace rapport::ui
