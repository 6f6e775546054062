#pragma once
// Settings -> AI provider: where the model runs (base URL, model id) and how it writes (temperature,
// max tokens). Read from and saved to GET|PATCH /ai/settings; inline errors from the gateway.

#include <QGroupBox>

#include <nlohmann/json.hpp>

#include "shared/fielderrors.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class AiProviderBox : public QGroupBox {
    Q_OBJECT
public:
    explicit AiProviderBox(GatewayClient &client, QWidget *parent = nullptr);

    void reload();  // fetches the saved settings (discarding unsaved edits)
    void save();
    void restoreDefaults();  // fills in the defaults; Save makes them stick
    bool isDirty() const { return m_dirty; }

signals:
    void saved();
    void loaded(const nlohmann::json &settings);  // also after save: api_key_source etc. may matter

private:
    void show(const nlohmann::json &settings);
    void setDirty(bool dirty);
    nlohmann::json edits() const;

    GatewayClient &m_client;
    FieldErrors m_errors;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_model = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QLabel *m_environment = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_defaultsButton = nullptr;
    nlohmann::json m_loaded;
    nlohmann::json m_defaults;
    bool m_dirty = false;
    bool m_filling = false;
};

} // namespace rapport::ui
