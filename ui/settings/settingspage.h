#pragma once
// The Settings page: one group per concern (AI provider, API key, Gmail, team server), in a scroll
// area so small screens reach everything.

#include <QWidget>

namespace rapport {
class GatewayClient;
class SecretStore;
}

namespace rapport::ui {

class AiProviderBox;
class ApiKeyBox;
class ApiKeyController;
class GmailBox;
class TeamServerBox;

class SettingsPage : public QWidget {
    Q_OBJECT
public:
    SettingsPage(GatewayClient &client, ApiKeyController &keys, SecretStore &secrets, QWidget *parent = nullptr);

    AiProviderBox *aiProvider() const { return m_provider; }
    ApiKeyBox *apiKey() const { return m_key; }
    GmailBox *gmail() const { return m_gmail; }
    TeamServerBox *teamServer() const { return m_teamServer; }

private:
    AiProviderBox *m_provider = nullptr;
    ApiKeyBox *m_key = nullptr;
    GmailBox *m_gmail = nullptr;
    TeamServerBox *m_teamServer = nullptr;
};

} // namespace rapport::ui
