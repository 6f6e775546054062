#pragma once
// The Settings page: one group per concern (AI provider, API key; Gmail and the team server join
// later), in a scroll area so small screens reach everything.

#include <QWidget>

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class AiProviderBox;
class ApiKeyBox;
class ApiKeyController;

class SettingsPage : public QWidget {
    Q_OBJECT
public:
    SettingsPage(GatewayClient &client, ApiKeyController &keys, QWidget *parent = nullptr);

    AiProviderBox *aiProvider() const { return m_provider; }
    ApiKeyBox *apiKey() const { return m_key; }

private:
    AiProviderBox *m_provider = nullptr;
    ApiKeyBox *m_key = nullptr;
};

} // namespace rapport::ui
