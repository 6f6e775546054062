#include "shared/fielderrors.h"

#include <algorithm>

#include <QCoreApplication>
#include <QPalette>

#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

QLabel *FieldErrors::makeLabel(const QString &field, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(u"error:"_s + field);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));  // readable red on light and dark
    label->setPalette(palette);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    label->hide();
    return label;
}

void FieldErrors::setMessage(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void FieldErrors::addSink(const QString &prefix, Sink sink, std::function<void()> clear)
{
    m_sinks[prefix] = {std::move(sink), std::move(clear)};
}

void FieldErrors::clear()
{
    for (auto &[field, label] : m_labels)
        setMessage(label, {});
    for (auto &[prefix, entry] : m_sinks)
        entry.clear();
    if (m_general)
        setMessage(m_general, {});
    m_count = 0;
}

void FieldErrors::show(const QString &field, const QString &text)
{
    ++m_count;
    const QString message =
        text.isEmpty() ? QCoreApplication::translate("rapport::ui::FieldErrors", "This value is not valid.") : text;
    for (auto &[prefix, entry] : m_sinks) {
        if (field.startsWith(prefix) && field.size() > prefix.size() &&
            (field[prefix.size()] == u'[' || field[prefix.size()] == u'.') && entry.sink(field.mid(prefix.size()), message))
            return;
    }
    // Walk up the path: "address.city" -> "address", "emails[0].address" -> "emails[0]" -> "emails".
    QString path = field;
    while (!path.isEmpty()) {
        if (const auto it = m_labels.find(path); it != m_labels.end()) {
            const QString previous = it->second->text();
            setMessage(it->second, previous.isEmpty() ? message : previous + u'\n' + message);
            return;
        }
        const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
        path = cut > 0 ? path.left(cut) : QString();
    }
    if (m_general)
        setMessage(m_general, m_general->text().isEmpty() ? message : m_general->text() + u'\n' + message);
}

void FieldErrors::showResponse(const nlohmann::json &body)
{
    const nlohmann::json error = body.is_object() ? body.value("error", nlohmann::json::object()) : nlohmann::json();
    const auto details = error.is_object() ? error.find("details") : error.end();
    if (error.is_object() && details != error.end() && details->is_array() && !details->empty()) {
        for (const nlohmann::json &detail : *details)
            show(jsonString(detail, "field"), jsonString(detail, "message"));
        return;
    }
    show(jsonString(error, "field"), jsonString(error, "message"));
}

} // namespace rapport::ui
