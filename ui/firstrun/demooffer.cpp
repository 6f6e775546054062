#include "firstrun/demooffer.h"

#include <memory>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>

#include "crm/demo_loader.h"
#include "shared/gatewayclient.h"
#include "shared/icons.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

DemoOffer::DemoOffer(GatewayClient &client, QSettings &settings, QWidget *parent)
    : QFrame(parent), m_client(client), m_settings(settings)
{
    setObjectName(u"demoOffer"_s);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->setSpacing(12);
    auto *picture = new QLabel(this);
    picture->setPixmap(icon(IconId::Demo).pixmap(24, 24));
    layout->addWidget(picture);
    auto *text = new QLabel(tr("<b>Your profile is empty.</b> Load %1 demo contacts with their companies to look "
                               "around? You can delete them again at any time.")
                                .arg(QLocale().toString(kContacts)),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text, 1);
    auto *loadButton = new QPushButton(icon(IconId::Demo), tr("Load demo data"), this);
    loadButton->setObjectName(u"loadDemo"_s);
    auto *noThanks = new QPushButton(tr("No thanks"), this);
    noThanks->setFlat(true);
    layout->addWidget(loadButton);
    layout->addWidget(noThanks);
    connect(loadButton, &QPushButton::clicked, this, &DemoOffer::load);
    connect(noThanks, &QPushButton::clicked, this, &DemoOffer::dismiss);
    hide();
}

void DemoOffer::offerIfEmpty(bool profileEmpty)
{
    if (profileEmpty && !m_loading && !m_settings.value(QLatin1StringView(kSettingsKey), false).toBool())
        show();
}

void DemoOffer::markOffered()
{
    m_settings.setValue(QLatin1StringView(kSettingsKey), true);
    m_settings.sync();
    hide();
}

void DemoOffer::dismiss() { markOffered(); }

void DemoOffer::load()
{
    if (m_loading)
        return;
    markOffered();
    m_loading = true;
    emit started(kContacts);
    auto failure = std::make_shared<QString>();  // written by the pool thread, read after it finished
    Gateway &gateway = m_client.gateway();
    m_client.runInBackground(
        [this, &gateway, failure] {
            auto result = loadDemoData(gateway, kContacts, 42, [this](int done, int total) {
                // Called on the pool thread: hop to the GUI thread, where this object lives.
                QMetaObject::invokeMethod(this, [this, done, total] { emit progress(done, total); },
                                          Qt::QueuedConnection);
            });
            if (!result)
                *failure = QString::fromStdString(result.error().message);
        },
        this,
        [this, failure] {
            m_loading = false;
            emit finished(failure->isEmpty(), failure->isEmpty() ? tr("Demo data loaded") : *failure);
        });
}

} // namespace rapport::ui
