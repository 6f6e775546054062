#include "sync/syncindicator.h"

#include <utility>

#include <QAction>
#include <QMenu>

#include "core/error.h"
#include "shared/gatewayclient.h"
#include "shared/icons.h"
#include "shared/jsonutil.h"
#include "sync/syncformat.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

nlohmann::json signedOut()
{
    return {{"state", "signed_out"}, {"pending_total", 0}, {"open_conflicts", 0}};
}

int intValue(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<int>() : 0;
}

} // namespace

SyncIndicator::SyncIndicator(GatewayClient &client, QWidget *parent) : QToolButton(parent), m_client(client)
{
    setObjectName(u"syncIndicator"_s);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::InstantPopup);
    setFocusPolicy(Qt::NoFocus);  // a status, not a stop on the way through the form with Tab

    auto *menu = new QMenu(this);
    m_syncNow = menu->addAction(ui::icon(IconId::Sync), tr("Sync &Now"));
    m_syncNow->setObjectName(u"syncNow"_s);
    // Ctrl+Shift+S: F5 would read as "reload the list", and nothing else in the window uses this one.
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_syncNow->setEnabled(false);
    m_openConflicts = menu->addAction(QString());
    m_openConflicts->setObjectName(u"openConflicts"_s);
    m_openConflicts->setVisible(false);
    menu->addSeparator();
    QAction *settings = menu->addAction(ui::icon(IconId::Settings), tr("Team Server Settings…"));
    setMenu(menu);

    connect(m_syncNow, &QAction::triggered, this, &SyncIndicator::syncNow);
    connect(m_openConflicts, &QAction::triggered, this, &SyncIndicator::conflictsRequested);
    connect(settings, &QAction::triggered, this, &SyncIndicator::settingsRequested);
    connect(menu, &QMenu::aboutToShow, this, &SyncIndicator::refresh);  // the menu shows today's numbers
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &SyncIndicator::refresh);
    m_poll.start();
    showStatus(signedOut());
    refresh();
}

QString SyncIndicator::state() const
{
    const QString s = jsonString(m_status, "state");
    return s.isEmpty() ? u"signed_out"_s : s;
}

void SyncIndicator::refresh()
{
    if (m_syncing)
        return;  // Sync now answers with the status; asking meanwhile would only queue behind the round
    if (m_polling) {
        m_pollAgain = true;
        return;
    }
    m_polling = true;
    m_client.call(Method::Get, "/sync/status", this, [this](const Response &r) {
        m_polling = false;
        if (r.isSuccess())
            showStatus(r.body);
        else if (r.status == 404)  // a gateway without team sync
            showStatus(signedOut());
        if (std::exchange(m_pollAgain, false))
            refresh();
    });
}

void SyncIndicator::syncNow()
{
    if (m_syncing)
        return;
    m_syncing = true;
    showStatus(m_status);
    // Through stream(): it takes a plain answer as well, and a sync round may become a stream later.
    GatewayClient::StreamCallbacks callbacks;
    callbacks.end = [this](const nlohmann::json &status) {
        m_syncing = false;
        if (status.contains("state"))
            showStatus(status);
        const QString s = jsonString(status, "state");
        const QString why = jsonString(status.value("last_error", nlohmann::json()), "message");
        if (s == u"signed_out"_s)
            emit syncFinished(false, tr("Not signed in to a team server."));
        else if (s == u"offline"_s)
            emit syncFinished(false, tr("The team server cannot be reached; your changes wait on this computer."));
        else if (s == u"error"_s)
            emit syncFinished(false, tr("Sync failed: %1").arg(why));
        else
            emit syncFinished(true, tr("Synced with the team server"));
        refresh();
    };
    callbacks.fail = [this](const Error &error) {
        m_syncing = false;
        emit syncFinished(false, tr("Sync failed: %1").arg(QString::fromStdString(error.message)));
        refresh();
    };
    // The route waits on the network: a pool thread, so the window's other requests keep flowing.
    m_client.callInBackground(Request::make(Method::Post, "/sync/now"), this,
                              [callbacks = std::move(callbacks)](const Response &r) {
                                  if (r.isSuccess())
                                      callbacks.end(r.body);
                                  else
                                      callbacks.fail(Error::fromJson(r.body));
                              });
}

void SyncIndicator::showStatus(const nlohmann::json &status)
{
    m_status = status.is_object() ? status : signedOut();
    const QString s = state();
    const int pending = intValue(m_status, "pending_total");
    const bool signedIn = s != u"signed_out"_s;
    const int conflicts = signedIn ? intValue(m_status, "open_conflicts") : 0;

    QString text;
    QString color;
    if (!signedIn) {
        text = tr("Not signed in");
        color = palette().color(QPalette::PlaceholderText).name();  // unobtrusive: local work is normal
    } else if (m_syncing || s == u"syncing"_s) {
        text = tr("Syncing…");
    } else if (s == u"offline"_s) {
        text = pending > 0 ? tr("Offline – %n pending", nullptr, pending) : tr("Offline");
    } else if (s == u"error"_s) {
        text = tr("Sync error");
        color = u"#c62828"_s;
    } else {
        const bool never = jsonString(m_status, "last_success_at").isEmpty();
        text = pending > 0 ? tr("%n pending", nullptr, pending) : never ? tr("Not synced yet") : tr("Synced");
    }
    if (conflicts > 0)
        text += u"  ·  "_s + (conflicts == 1 ? tr("1 conflict") : tr("%1 conflicts").arg(conflicts));
    setText(text);
    setToolTip(tooltipFor(m_status));
    // No menu arrow: the button reads as a status line that happens to be clickable.
    setStyleSheet(u"QToolButton::menu-indicator { image: none; width: 0; }"_s
                  + (color.isEmpty() ? QString() : u" QToolButton { color: %1; }"_s.arg(color)));

    m_syncNow->setEnabled(signedIn && !m_syncing);
    m_openConflicts->setText(conflicts == 1 ? tr("Resolve 1 Conflict…")
                                            : tr("Resolve %1 Conflicts…").arg(conflicts));
    m_openConflicts->setVisible(conflicts > 0);
    if (conflicts != m_conflicts) {
        m_conflicts = conflicts;
        emit conflictsChanged(conflicts);
    }
    emit statusChanged(m_status);
}

QString SyncIndicator::tooltipFor(const nlohmann::json &status) const
{
    if (state() == u"signed_out"_s)
        return tr("Not signed in to a team server: Rapport works with the data on this computer. Sign in under "
                  "Settings → Team server to share contacts and companies with your team.");
    QStringList lines;
    if (const QString server = jsonString(status, "server"); !server.isEmpty())
        lines << tr("Team server: %1").arg(server);
    const QString last = jsonString(status, "last_success_at");
    lines << (last.isEmpty() ? tr("Not synced yet") : tr("Last synced: %1").arg(relativeTime(last)));
    if (const int pending = intValue(status, "pending_total"); pending > 0)
        lines << (pending == 1 ? tr("1 change waiting to be sent") : tr("%1 changes waiting to be sent").arg(pending));
    const nlohmann::json error = status.value("last_error", nlohmann::json());
    if (const QString at = jsonString(error, "at"); error.is_object())
        lines << (at.isEmpty() ? tr("Last problem: %1").arg(jsonString(error, "message"))
                               : tr("Last problem (%1): %2").arg(relativeTime(at), jsonString(error, "message")));
    if (const QString next = jsonString(status, "next_attempt_at"); !next.isEmpty())
        lines << tr("Next attempt: %1").arg(relativeTime(next));
    if (const int conflicts = intValue(status, "open_conflicts"); conflicts > 0)
        lines << (conflicts == 1 ? tr("1 conflict to resolve") : tr("%1 conflicts to resolve").arg(conflicts));
    lines << tr("Click for Sync Now (Ctrl+Shift+S).");
    return lines.join(u'\n');
}

} // namespace rapport::ui
