#include "shared/recordpicker.h"

#include <QCompleter>
#include <QStringListModel>

#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

namespace rapport::ui {

RecordPicker::RecordPicker(GatewayClient &client, std::string resource, Label label, QWidget *parent)
    : QLineEdit(parent), m_client(client), m_resource(std::move(resource)), m_label(std::move(label))
{
    setClearButtonEnabled(true);
    m_names = new QStringListModel(this);
    m_completer = new QCompleter(m_names, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);  // the gateway already matched; keep its hits
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(m_completer);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(120);
    connect(&m_debounce, &QTimer::timeout, this, &RecordPicker::lookUp);
    connect(this, &QLineEdit::textEdited, this, [this] {
        m_id.clear();
        resolveTyped();
        m_debounce.start();
        emit recordChanged();
    });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &name) {
        m_id = m_idByName.value(name);
        emit recordChanged();
    });
}

void RecordPicker::setRecord(const QString &id, const QString &name)
{
    m_id = id;
    if (!id.isEmpty() && !name.isEmpty())
        m_idByName.insert(name, id);
    setText(name);
    emit recordChanged();
}

void RecordPicker::resolveTyped()
{
    // Typing a known name in full (any case) picks that company without the popup.
    const QString typed = text().trimmed();
    for (auto it = m_idByName.cbegin(); it != m_idByName.cend(); ++it) {
        if (it.key().compare(typed, Qt::CaseInsensitive) == 0) {
            m_id = it.value();
            return;
        }
    }
}

void RecordPicker::lookUp()
{
    const QString typed = text().trimmed();
    if (typed.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_client.call(Method::Get, listTarget(m_resource, typed, 20, {}), this,
                  [this, generation](const Response &response) {
                      if (generation != m_generation || !response.isSuccess())
                          return;
                      QStringList names;
                      for (const nlohmann::json &record : response.body.value("items", nlohmann::json::array())) {
                          const QString name = m_label(record);
                          m_idByName.insert(name, jsonString(record, "id"));
                          names.append(name);
                      }
                      m_names->setStringList(names);
                      if (m_id.isEmpty()) {
                          resolveTyped();
                          if (!m_id.isEmpty())
                              emit recordChanged();
                      }
                      if (hasFocus() && !names.isEmpty())
                          m_completer->complete();
                  });
}

} // namespace rapport::ui
