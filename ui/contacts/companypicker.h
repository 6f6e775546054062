#pragma once
// The contact editor's company field: type a few letters, pick from the companies the gateway finds.
// The contact stores a company id, so typed text only counts once it names a known company.

#include <QHash>
#include <QLineEdit>
#include <QTimer>

class QCompleter;
class QStringListModel;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class CompanyPicker : public QLineEdit {
    Q_OBJECT
public:
    explicit CompanyPicker(GatewayClient &client, QWidget *parent = nullptr);

    QString companyId() const { return m_id; }
    void setCompany(const QString &id, const QString &name);
    bool isUnresolved() const { return m_id.isEmpty() && !text().trimmed().isEmpty(); }

signals:
    void companyChanged();

private:
    void lookUp();
    void resolveTyped();

    GatewayClient &m_client;
    QStringListModel *m_names = nullptr;
    QCompleter *m_completer = nullptr;
    QHash<QString, QString> m_idByName;  // from the latest lookups; names are shown, ids are stored
    QString m_id;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace rapport::ui
