#pragma once
// A field that links to another record (a contact's company, a draft's contact): type a few letters,
// pick from what the gateway finds. The link is an id, so typed text only counts once it names a
// known record.

#include <QHash>
#include <QLineEdit>
#include <QTimer>

#include <functional>

#include <nlohmann/json.hpp>

class QCompleter;
class QStringListModel;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class RecordPicker : public QLineEdit {
    Q_OBJECT
public:
    // resource: "/companies", "/contacts"; label: the text shown for a record (unique enough to pick by).
    using Label = std::function<QString(const nlohmann::json &record)>;
    RecordPicker(GatewayClient &client, std::string resource, Label label, QWidget *parent = nullptr);

    QString recordId() const { return m_id; }
    void setRecord(const QString &id, const QString &label);
    bool isUnresolved() const { return m_id.isEmpty() && !text().trimmed().isEmpty(); }

signals:
    void recordChanged();

private:
    void lookUp();
    void resolveTyped();

    GatewayClient &m_client;
    std::string m_resource;
    Label m_label;
    QStringListModel *m_names = nullptr;
    QCompleter *m_completer = nullptr;
    QHash<QString, QString> m_idByName;  // from the latest lookups; labels are shown, ids are stored
    QString m_id;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace rapport::ui
