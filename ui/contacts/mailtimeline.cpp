#include "contacts/mailtimeline.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include "core/error.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

constexpr qint64 kStaleSeconds = 5 * 60;  // a copy younger than this is shown without asking Gmail
constexpr int kPageSize = 50;
constexpr int kVisibleRows = 5;
constexpr int kDetailRole = Qt::UserRole;  // "Sender · date" under the subject

// Two elided lines per message: the subject in bold, sender and date muted underneath.
class MailDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        const QRect r = option.rect.adjusted(8, 4, -8, -4);
        QFont bold = option.font;
        bold.setBold(true);
        const int line = QFontMetrics(option.font).height();
        p->save();
        p->setFont(bold);
        p->setPen(option.palette.color(QPalette::Text));
        p->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, r.width()));
        p->setFont(option.font);
        p->setPen(option.palette.color(QPalette::PlaceholderText));
        p->drawText(QRect(r.left(), r.top() + line + 2, r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                    option.fontMetrics.elidedText(index.data(kDetailRole).toString(), Qt::ElideRight, r.width()));
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {0, 2 * option.fontMetrics.height() + 10};
    }
};

// "Ainhoa Sánchez <ainhoa@example.eu>" -> "Ainhoa Sánchez"; a bare address stays as it is.
QString displayName(const QString &from)
{
    const qsizetype angle = from.indexOf(u'<');
    QString name = angle > 0 ? from.left(angle).trimmed() : from.trimmed();
    if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
        name = name.mid(1, name.size() - 2);
    return name.isEmpty() ? from : name;
}

} // namespace

MailTimeline::MailTimeline(GatewayClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_stamp = new QLabel(this);
    m_stamp->setObjectName(u"mailStamp"_s);
    m_stamp->setForegroundRole(QPalette::PlaceholderText);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(u"refreshMail"_s);
    m_refresh->setToolTip(tr("Ask Gmail for new mail with this contact"));
    header->addWidget(m_stamp, 1);
    header->addWidget(m_refresh);
    layout->addLayout(header);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"mailList"_s);
    m_list->setItemDelegate(new MailDelegate(m_list));
    m_list->setAlternatingRowColors(true);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->hide();
    layout->addWidget(m_list);
    auto *noteRow = new QHBoxLayout;
    m_note = new QLabel(this);
    m_note->setObjectName(u"mailNote"_s);
    m_note->setWordWrap(true);
    m_openSettings = new QPushButton(tr("Open Settings"), this);
    m_openSettings->hide();
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_openSettings);
    layout->addLayout(noteRow);

    connect(m_refresh, &QPushButton::clicked, this, &MailTimeline::refresh);
    connect(m_openSettings, &QPushButton::clicked, this, &MailTimeline::settingsRequested);
    setContact({});
}

MailTimeline::~MailTimeline()
{
    if (m_streamId)
        m_client.cancelStream(m_streamId);
}

void MailTimeline::setContact(const QString &contactId)
{
    if (contactId == m_contactId && !contactId.isEmpty())
        return;
    ++m_generation;
    if (m_streamId)
        m_client.cancelStream(std::exchange(m_streamId, 0));
    m_contactId = contactId;
    m_list->clear();
    m_list->hide();
    m_refreshedAt = {};
    m_stamp->clear();
    m_refresh->setEnabled(false);
    m_openSettings->hide();
    if (contactId.isEmpty()) {
        setNote(tr("Save the contact to see the mail you exchanged with it."));
        return;
    }
    setNote(QString());
    loadCached(true);
}

void MailTimeline::loadCached(bool thenMaybeRefresh)
{
    const quint64 generation = m_generation;
    const std::string id = m_contactId.toStdString();
    m_client.call(Method::Get, "/gmail/status", this, [this, generation, id, thenMaybeRefresh](const Response &s) {
        if (generation != m_generation)
            return;
        m_connected = s.isSuccess() && s.body.value("state", "") == "connected";
        m_client.call(Method::Get, "/gmail/messages?contact=" + id + "&limit=" + std::to_string(kPageSize), this,
                      [this, generation, thenMaybeRefresh](const Response &r) {
                          if (generation != m_generation)
                              return;
                          if (r.isSuccess())
                              showPage(r.body);
                          m_refresh->setEnabled(m_connected);
                          if (!m_connected) {
                              setNote(m_list->count() == 0
                                          ? tr("Connect Gmail in Settings to see the mail you exchanged with this contact.")
                                          : tr("Gmail is not connected: this is the copy saved on this computer."));
                              m_openSettings->show();
                              return;
                          }
                          const bool stale = !m_refreshedAt.isValid()
                                             || m_refreshedAt.secsTo(QDateTime::currentDateTimeUtc()) > kStaleSeconds;
                          if (thenMaybeRefresh && stale)
                              refresh();
                      });
    });
}

void MailTimeline::refresh()
{
    if (m_contactId.isEmpty() || !m_connected || m_streamId)
        return;
    const quint64 generation = m_generation;
    m_stamp->setText(tr("Refreshing from Gmail…"));
    m_refresh->setEnabled(false);
    GatewayClient::StreamCallbacks callbacks;
    callbacks.event = [this](const nlohmann::json &progress) {
        m_stamp->setText(tr("Refreshing from Gmail… %1 of %2")
                             .arg(progress.value("fetched", 0))
                             .arg(progress.value("total", 0)));
    };
    callbacks.end = [this, generation](const nlohmann::json &page) {
        if (generation != m_generation)
            return;
        m_streamId = 0;
        m_refresh->setEnabled(true);
        showPage(page);
    };
    callbacks.fail = [this, generation](const Error &error) {
        if (generation != m_generation)
            return;
        m_streamId = 0;
        m_refresh->setEnabled(true);
        updateStamp();
        if (error.code != ErrorCode::Cancelled)
            setNote(tr("Could not refresh from Gmail: %1 Showing the copy saved on this computer.")
                        .arg(QString::fromStdString(error.message)));
    };
    const std::string target = "/gmail/messages?contact=" + m_contactId.toStdString() + "&refresh=true&limit="
                               + std::to_string(kPageSize);
    m_streamId = m_client.stream(Request::make(Method::Get, target), this, std::move(callbacks));
}

void MailTimeline::showPage(const nlohmann::json &page)
{
    m_list->clear();
    for (const auto &item : page.value("items", nlohmann::json::array())) {
        const QString subject = jsonString(item, "subject");
        auto *row = new QListWidgetItem(subject.isEmpty() ? tr("(no subject)") : subject, m_list);
        row->setData(kDetailRole, tr("%1 · %2").arg(displayName(jsonString(item, "from")),
                                                   formatTimestamp(jsonString(item, "date"))));
        row->setToolTip(jsonString(item, "from") + u"\n\n"_s + jsonString(item, "snippet"));
    }
    // As tall as its rows, up to a few; longer histories scroll inside.
    const int rows = std::min(m_list->count(), kVisibleRows);
    m_list->setFixedHeight(rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth());
    m_list->setVisible(rows > 0);
    const QString at = jsonString(page, "refreshed_at");
    m_refreshedAt = at.isEmpty() ? QDateTime() : QDateTime::fromString(at, Qt::ISODateWithMs);
    updateStamp();
    if (m_connected)
        setNote(m_list->count() == 0 ? tr("No mail with this contact yet.") : QString());
}

void MailTimeline::updateStamp()
{
    m_stamp->setText(m_refreshedAt.isValid()
                         ? tr("Refreshed %1").arg(formatTimestamp(m_refreshedAt.toString(Qt::ISODateWithMs)))
                         : tr("Not refreshed yet"));
}

void MailTimeline::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

} // namespace rapport::ui
