#pragma once
// A table over one gateway list route ("/contacts", "/companies"), fetched page by page as the view
// scrolls. Rows keep only their id and display texts (100,000 rows stay small); the editor asks the
// gateway for the full record. Touched only on the GUI thread: replies arrive there via GatewayClient.

#include <functional>
#include <string>
#include <vector>

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class PagedJsonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Column {
        QString title;
        std::function<QString(const nlohmann::json &)> text;
    };
    enum Role { IdRole = Qt::UserRole + 1 };
    static constexpr int kPageSize = 200;

    PagedJsonModel(GatewayClient &client, std::string resource, std::vector<Column> columns,
                   QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const std::string &resource() const { return m_resource; }
    QString query() const { return m_query; }
    void setQuery(const QString &query);  // resets and fetches the first page for the new search
    void reload();                        // same query, from the first page
    bool isLoading() const { return m_fetching; }
    bool hasLoadedOnce() const { return m_loadedOnce; }

    // Lists sorted by most recent change (drafts) take fresh records at the top instead of in name order.
    void setNewestFirst(bool newestFirst) { m_newestFirst = newestFirst; }

    QString idAt(int row) const;
    QString textAt(int row, int column) const;
    int rowOf(const QString &id) const;  // -1 when not loaded
    // A record from a create/update/restore reply: replaces its row, or inserts it where the list
    // order puts it (name order; at the top while searching). Never a full reload.
    void upsert(const nlohmann::json &record);
    void removeId(const QString &id);

signals:
    void pageLoaded(bool firstPage);
    void loadingChanged(bool loading);
    void loadFailed(const QString &message);

private:
    struct Row {
        QString id;
        QStringList cells;
    };
    Row makeRow(const nlohmann::json &record) const;
    void requestPage();
    void setFetching(bool fetching);
    void appendPage(const nlohmann::json &body);
    int insertPosition(const Row &row) const;

    GatewayClient &m_client;
    std::string m_resource;
    std::vector<Column> m_columns;
    std::vector<Row> m_rows;
    QSet<QString> m_ids;  // dedupes pages against rows inserted locally after a save
    QString m_query;
    std::string m_cursor;
    bool m_hasMore = true;
    bool m_fetching = false;
    bool m_loadedOnce = false;
    quint64 m_generation = 0;  // bumped on every reset; replies from older generations are dropped
    bool m_newestFirst = false;
};

} // namespace rapport::ui
