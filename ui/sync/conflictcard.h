#pragma once
// One open sync conflict on the Conflicts page: the record and field, "Yours" against "Theirs" as
// readable text, and the choice. A field conflict offers "Keep mine" / "Keep theirs"; an edit that
// raced a colleague's delete "Restore mine" / "Leave deleted"; a change the server refused says why
// and offers "Dismiss" (which keeps theirs). The card resolves itself through the gateway and says
// so with resolved(); a failure stays on the card.

#include <QFrame>

#include <nlohmann/json.hpp>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class ConflictCard : public QFrame {
    Q_OBJECT
public:
    ConflictCard(GatewayClient &client, const nlohmann::json &conflict, QWidget *parent = nullptr);

    QString conflictId() const { return m_id; }
    void resolve(const QString &keep);  // "mine" or "theirs"

signals:
    void resolved(const QString &id);

private:
    QLabel *addValueRow(QGridLayout *grid, int row, const QString &title, const nlohmann::json &value);
    QPushButton *addButton(const QString &text, const QString &keep, const QString &name);
    void showCompanyName(QLabel *label, const nlohmann::json &value);

    GatewayClient &m_client;
    QString m_id;
    QString m_field;
    QLabel *m_error = nullptr;
    QHBoxLayout *m_buttons = nullptr;
};

} // namespace rapport::ui
