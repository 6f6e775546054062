#include "sync/conflictcard.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>

#include "shared/fielderrors.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"
#include "sync/syncformat.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

// Values come from other people's edits: always plain text, never rich text or links.
QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

nlohmann::json sideValue(const nlohmann::json &conflict, const char *side)
{
    const nlohmann::json s = conflict.value(side, nlohmann::json());
    return s.is_object() ? s.value("value", nlohmann::json()) : nlohmann::json();
}

} // namespace

ConflictCard::ConflictCard(GatewayClient &client, const nlohmann::json &conflict, QWidget *parent)
    : QFrame(parent), m_client(client), m_id(jsonString(conflict, "id")), m_field(jsonString(conflict, "field"))
{
    setObjectName(u"conflictCard"_s);
    setProperty("conflictId", m_id);
    setStyleSheet(u"QFrame#conflictCard { border: 1px solid palette(mid); border-radius: 6px; background: "
                  "palette(base); }"_s);
    const QString kind = jsonString(conflict, "kind");
    const QString entity = syncEntityLabel(jsonString(conflict, "entity"));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(14, 10, 14, 10);
    column->setSpacing(6);

    auto *header = new QHBoxLayout;
    QString name = jsonString(conflict, "record_name");
    QLabel *title = plainLabel(name.isEmpty() ? tr("(no name)") : name, this);
    title->setObjectName(u"conflictRecord"_s);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    const QString what = m_field.isEmpty() ? entity : entity + u"  ·  "_s + syncFieldLabel(m_field);
    QLabel *field = mutedLabel(what, this);
    field->setObjectName(u"conflictField"_s);
    field->setWordWrap(false);
    header->addWidget(title);
    header->addWidget(field);
    header->addStretch(1);
    QLabel *when = mutedLabel(formatTimestamp(jsonString(conflict, "created_at")), this);
    when->setWordWrap(false);
    header->addWidget(when);
    column->addLayout(header);

    QString note;
    if (kind == u"deleted"_s)
        note = tr("A colleague deleted this record while you were changing it.");
    else if (kind == u"rejected"_s)  // the gateway prefixes the server's code ("validation_failed: …")
        note = tr("The team server did not accept your change: %1")
                   .arg(jsonString(conflict, "message").remove(QRegularExpression(u"^[a-z_]+: "_s)));
    if (!note.isEmpty()) {
        QLabel *noteLabel = plainLabel(note, this);
        noteLabel->setObjectName(u"conflictNote"_s);
        column->addWidget(noteLabel);
    }

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(1, 1);
    const nlohmann::json theirs = sideValue(conflict, "theirs");
    nlohmann::json mine = sideValue(conflict, "mine");
    if (kind == u"rejected"_s && mine.is_object() && mine.contains(toStd(m_field)))
        mine = nlohmann::json(mine[toStd(m_field)]);  // the whole refused edit; the field the server named is enough
    addValueRow(grid, 0, tr("Yours"), mine)->setObjectName(u"mineValue"_s);
    if (kind == u"deleted"_s) {
        grid->addWidget(mutedLabel(tr("Theirs"), this), 1, 0, Qt::AlignTop);
        QLabel *deleted = plainLabel(tr("Deleted"), this);
        deleted->setObjectName(u"theirsValue"_s);
        grid->addWidget(deleted, 1, 1);
    } else if (kind != u"rejected"_s || !theirs.is_null()) {
        addValueRow(grid, 1, kind == u"rejected"_s ? tr("On the server") : tr("Theirs"), theirs)
            ->setObjectName(u"theirsValue"_s);
    }
    column->addLayout(grid);

    m_error = FieldErrors::makeLabel(QString(), this);
    m_error->setObjectName(u"conflictError"_s);
    column->addWidget(m_error);
    m_buttons = new QHBoxLayout;
    m_buttons->addStretch(1);
    column->addLayout(m_buttons);
    if (kind == u"deleted"_s) {
        addButton(tr("Leave deleted"), u"theirs"_s, u"keepTheirs"_s);
        addButton(tr("Restore mine"), u"mine"_s, u"keepMine"_s);
    } else if (kind == u"rejected"_s) {
        addButton(tr("Dismiss"), u"theirs"_s, u"dismiss"_s);
    } else {
        addButton(tr("Keep theirs"), u"theirs"_s, u"keepTheirs"_s);
        addButton(tr("Keep mine"), u"mine"_s, u"keepMine"_s);
    }
}

QLabel *ConflictCard::addValueRow(QGridLayout *grid, int row, const QString &title, const nlohmann::json &value)
{
    grid->addWidget(mutedLabel(title, this), row, 0, Qt::AlignTop);
    QLabel *label = plainLabel(syncValueText(value), this);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);  // to copy a colleague's text into the editor
    grid->addWidget(label, row, 1);
    if (m_field == u"company_id"_s)
        showCompanyName(label, value);
    return label;
}

QPushButton *ConflictCard::addButton(const QString &text, const QString &keep, const QString &name)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(name);
    connect(button, &QPushButton::clicked, this, [this, keep] { resolve(keep); });
    m_buttons->addWidget(button);
    return button;
}

void ConflictCard::showCompanyName(QLabel *label, const nlohmann::json &value)
{
    if (!value.is_string() || value.get_ref<const std::string &>().empty())
        return;
    const std::string target =
        "/companies/" + QUrl::toPercentEncoding(QString::fromStdString(value.get<std::string>())).toStdString();
    m_client.call(Method::Get, target, label, [label](const Response &r) {
        if (r.isSuccess() && !jsonString(r.body, "name").isEmpty())
            label->setText(jsonString(r.body, "name"));  // the id means nothing to a person
    });
}

void ConflictCard::resolve(const QString &keep)
{
    FieldErrors::setMessage(m_error, {});
    const QList<QPushButton *> buttons = findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        button->setEnabled(false);
    const std::string target =
        "/sync/conflicts/" + QUrl::toPercentEncoding(m_id).toStdString() + "/resolve";
    m_client.call(Method::Post, target, nlohmann::json{{"keep", toStd(keep)}}, this,
                  [this, buttons](const Response &r) {
                      if (r.isSuccess() || r.status == 404 || r.status == 409) {  // settled already
                          emit resolved(m_id);
                          return;
                      }
                      for (QPushButton *button : buttons)
                          button->setEnabled(true);
                      FieldErrors::setMessage(m_error, tr("Could not resolve the conflict: %1")
                                                           .arg(responseError(r.body, r.status)));
                  });
}

} // namespace rapport::ui
