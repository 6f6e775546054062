#pragma once
// The Conflicts page: every open sync conflict as a card (ConflictCard), newest last as the gateway
// lists them, or a short empty state. It reloads when shown and when the status bar's count of open
// conflicts changes; a gateway without sync routes (404) shows the empty state.

#include <QStringList>
#include <QWidget>

#include <nlohmann/json_fwd.hpp>

class QLabel;
class QVBoxLayout;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class ConflictsPage : public QWidget {
    Q_OBJECT
public:
    explicit ConflictsPage(GatewayClient &client, QWidget *parent = nullptr);

    void refresh();  // GET /sync/conflicts
    int count() const { return int(m_ids.size()); }
    bool isLoaded() const { return m_loaded; }

signals:
    void conflictResolved();   // one card was settled: the status bar's count is stale
    void countChanged(int n);  // after each load and each resolve

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showItems(const nlohmann::json &items);
    void removeCard(const QString &id);
    void updateEmptyState();

    GatewayClient &m_client;
    QVBoxLayout *m_cards = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QStringList m_ids;  // shown cards, in order: a reload with the same ids keeps them (and their focus)
    bool m_loaded = false;
    bool m_loading = false;
    bool m_loadAgain = false;
};

} // namespace rapport::ui
