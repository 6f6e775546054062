#pragma once
// First run: a banner above the pages offering demo data when the profile is empty and it was never
// offered before (profile settings key firstRun/demoOffered). Loading runs on a pool thread; progress
// and the outcome come back as signals on the GUI thread.

#include <QFrame>

class QSettings;

namespace rapport {
class GatewayClient;
}

namespace rapport::ui {

class DemoOffer : public QFrame {
    Q_OBJECT
public:
    static constexpr int kContacts = 1000;
    static constexpr auto kSettingsKey = "firstRun/demoOffered";

    DemoOffer(GatewayClient &client, QSettings &settings, QWidget *parent = nullptr);

    // Shows the banner if the profile has no contacts and we never asked.
    void offerIfEmpty(bool profileEmpty);
    void load();     // the banner's "Load demo data"
    void dismiss();  // "No thanks"
    bool isLoading() const { return m_loading; }

signals:
    void started(int total);
    void progress(int done, int total);
    void finished(bool ok, const QString &message);

private:
    void markOffered();

    GatewayClient &m_client;
    QSettings &m_settings;
    bool m_loading = false;
};

} // namespace rapport::ui
