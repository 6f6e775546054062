#include "shared/pagedjsonmodel.h"

#include <algorithm>

#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

namespace rapport::ui {

PagedJsonModel::PagedJsonModel(GatewayClient &client, std::string resource, std::vector<Column> columns,
                               QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_resource(std::move(resource)), m_columns(std::move(columns))
{
}

int PagedJsonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PagedJsonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant PagedJsonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:  // columns elide; the tooltip shows the whole text
        return row.cells.value(index.column());
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant PagedJsonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= static_cast<int>(m_columns.size()))
        return {};
    return m_columns[static_cast<size_t>(section)].title;
}

bool PagedJsonModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore;
}

void PagedJsonModel::fetchMore(const QModelIndex &parent)
{
    // Views call this repeatedly while scrolling; one page request is in flight at a time.
    if (parent.isValid() || !m_hasMore || m_fetching)
        return;
    requestPage();
}

void PagedJsonModel::setQuery(const QString &query)
{
    m_query = query;
    reload();
}

void PagedJsonModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_ids.clear();
    m_cursor.clear();
    m_hasMore = true;
    m_fetching = false;
    endResetModel();
    if (!m_fetching)  // a view (or the model tester) may have asked for the first page in modelReset
        requestPage();
}

void PagedJsonModel::requestPage()
{
    const quint64 generation = m_generation;
    const bool first = m_cursor.empty();
    setFetching(true);
    m_client.call(Method::Get, listTarget(m_resource, m_query, kPageSize, m_cursor), this,
                  [this, generation, first](const Response &response) {
                      if (generation != m_generation)
                          return;  // a stale page from before the last search or reload
                      setFetching(false);
                      if (!response.isSuccess()) {
                          m_hasMore = false;  // no retry loop while scrolling; a new search retries
                          emit loadFailed(responseError(response.body, response.status));
                          return;
                      }
                      appendPage(response.body);
                      m_loadedOnce = true;
                      emit pageLoaded(first);
                  });
}

void PagedJsonModel::setFetching(bool fetching)
{
    if (m_fetching == fetching)
        return;
    m_fetching = fetching;
    emit loadingChanged(fetching);
}

void PagedJsonModel::appendPage(const nlohmann::json &body)
{
    const auto cursor = body.find("next_cursor");
    m_hasMore = cursor != body.end() && cursor->is_string() && !cursor->get_ref<const std::string &>().empty();
    m_cursor = m_hasMore ? cursor->get<std::string>() : std::string();

    std::vector<Row> fresh;
    const auto items = body.find("items");
    if (items != body.end() && items->is_array()) {
        fresh.reserve(items->size());
        for (const nlohmann::json &item : *items) {
            Row row = makeRow(item);
            if (!row.id.isEmpty() && !m_ids.contains(row.id))
                fresh.push_back(std::move(row));
        }
    }
    if (fresh.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (Row &row : fresh) {
        m_ids.insert(row.id);
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

PagedJsonModel::Row PagedJsonModel::makeRow(const nlohmann::json &record) const
{
    Row row;
    row.id = jsonString(record, "id");
    row.cells.reserve(static_cast<int>(m_columns.size()));
    for (const Column &column : m_columns)
        row.cells.append(column.text(record));
    return row;
}

QString PagedJsonModel::idAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].id : QString();
}

QString PagedJsonModel::textAt(int row, int column) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].cells.value(column) : QString();
}

int PagedJsonModel::rowOf(const QString &id) const
{
    if (!m_ids.contains(id))
        return -1;
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.id == id; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

int PagedJsonModel::insertPosition(const Row &row) const
{
    if (!m_query.isEmpty() || m_newestFirst)
        return 0;  // ranked or by recency: a fresh record goes where the user looks first
    const QString name = row.cells.value(0);
    const auto it = std::upper_bound(m_rows.begin(), m_rows.end(), name, [](const QString &n, const Row &r) {
        return QString::compare(n, r.cells.value(0), Qt::CaseInsensitive) < 0;
    });
    return static_cast<int>(it - m_rows.begin());
}

void PagedJsonModel::upsert(const nlohmann::json &record)
{
    Row row = makeRow(record);
    if (row.id.isEmpty())
        return;
    if (const int existing = rowOf(row.id); existing >= 0) {
        m_rows[static_cast<size_t>(existing)] = std::move(row);
        emit dataChanged(index(existing, 0), index(existing, columnCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
        return;
    }
    const int position = insertPosition(row);
    // Past the loaded rows it would arrive again with a later page; leave it to that page.
    if (position == rowCount() && m_hasMore && m_query.isEmpty())
        return;
    beginInsertRows({}, position, position);
    m_ids.insert(row.id);
    m_rows.insert(m_rows.begin() + position, std::move(row));
    endInsertRows();
}

void PagedJsonModel::removeId(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.remove(id);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

} // namespace rapport::ui
