#include "sync/conflictspage.h"

#include <utility>

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "shared/fielderrors.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"
#include "sync/conflictcard.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

ConflictsPage::ConflictsPage(GatewayClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(u"conflicts"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(10);
    auto *title = new QLabel(tr("Conflicts"), content);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("When you and a colleague change the same thing, both versions wait here until you "
                                "choose. Until then the record shows theirs."),
                             content);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    intro->setMaximumWidth(900);
    layout->addWidget(intro);
    m_error = FieldErrors::makeLabel(QString(), content);
    m_error->setObjectName(u"conflictsError"_s);
    layout->addWidget(m_error);

    m_empty = new QLabel(tr("No conflicts. Edits that collide with a colleague's show up here."), content);
    m_empty->setObjectName(u"conflictsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(24);
    m_empty->hide();
    layout->addWidget(m_empty, 3);  // with the stretch below: a little above the middle of the free space

    m_cards = new QVBoxLayout;
    m_cards->setSpacing(10);
    layout->addLayout(m_cards);
    layout->addStretch(1);
    content->setMaximumWidth(948);  // 900 of cards plus the margins: long rows of two values are hard to compare
    scroll->setWidget(content);
}

void ConflictsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ConflictsPage::refresh()
{
    if (m_loading) {
        m_loadAgain = true;
        return;
    }
    m_loading = true;
    m_client.call(Method::Get, "/sync/conflicts", this, [this](const Response &r) {
        m_loading = false;
        if (r.isSuccess()) {
            FieldErrors::setMessage(m_error, {});
            showItems(r.body.value("items", nlohmann::json::array()));
        } else if (r.status == 404) {  // a gateway without team sync has no conflicts
            FieldErrors::setMessage(m_error, {});
            showItems(nlohmann::json::array());
        } else {
            FieldErrors::setMessage(m_error,
                                    tr("Could not load the conflicts: %1").arg(responseError(r.body, r.status)));
        }
        if (std::exchange(m_loadAgain, false))
            refresh();
    });
}

void ConflictsPage::showItems(const nlohmann::json &items)
{
    m_loaded = true;
    QStringList ids;
    for (const auto &item : items)
        ids << jsonString(item, "id");
    if (ids != m_ids) {
        while (QLayoutItem *item = m_cards->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (const auto &item : items) {
            auto *card = new ConflictCard(m_client, item, m_cards->parentWidget());
            card->setMaximumWidth(900);
            connect(card, &ConflictCard::resolved, this, &ConflictsPage::removeCard);
            m_cards->addWidget(card);
        }
        m_ids = ids;
    }
    updateEmptyState();
    emit countChanged(count());
}

void ConflictsPage::removeCard(const QString &id)
{
    for (int i = 0; i < m_cards->count(); ++i) {
        auto *card = qobject_cast<ConflictCard *>(m_cards->itemAt(i)->widget());
        if (card && card->conflictId() == id) {
            delete m_cards->takeAt(i);
            card->hide();
            card->deleteLater();  // it is still emitting resolved()
            break;
        }
    }
    m_ids.removeAll(id);
    updateEmptyState();
    emit conflictResolved();
    emit countChanged(count());
}

void ConflictsPage::updateEmptyState()
{
    m_empty->setVisible(m_ids.isEmpty());
}

} // namespace rapport::ui
