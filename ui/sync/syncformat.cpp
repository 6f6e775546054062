#include "sync/syncformat.h"

#include <cstdlib>
#include <iterator>

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

struct Label {
    const char *key;
    const char *text;
};

// The editors' own words, so a conflict names a field the way the form does.
constexpr Label kFields[] = {
    {"name", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Name")},
    {"title", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Title")},
    {"company_id", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Company")},
    {"emails", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Emails")},
    {"phones", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Phones")},
    {"phone", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Phone")},
    {"domain", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Domain")},
    {"address", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Address")},
    {"tags", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Tags")},
    {"owner", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Owner")},
    {"notes", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "Notes")},
};

constexpr Label kListLabels[] = {
    {"work", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "work")},
    {"home", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "home")},
    {"mobile", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "mobile")},
    {"other", QT_TRANSLATE_NOOP("rapport::ui::SyncFormat", "other")},
};

QString lookup(const Label *first, const Label *last, const QString &key)
{
    for (const Label *label = first; label != last; ++label)
        if (key == QLatin1StringView(label->key))
            return QCoreApplication::translate("rapport::ui::SyncFormat", label->text);
    return key;
}

QString scalarText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get_ref<const std::string &>());
    if (value.is_boolean())
        return value.get<bool>() ? QCoreApplication::translate("rapport::ui::SyncFormat", "yes")
                                 : QCoreApplication::translate("rapport::ui::SyncFormat", "no");
    return QString::fromStdString(value.dump());
}

// {"address": "zoe@example.se", "label": "work"} -> "zoe@example.se (work)"; {"number": …} likewise.
QString itemText(const nlohmann::json &item)
{
    if (!item.is_object())
        return item.is_array() ? syncValueText(item) : scalarText(item);
    for (const char *key : {"address", "number"}) {
        if (item.contains(key)) {
            const QString label = jsonString(item, "label");
            const QString text = jsonString(item, key);
            if (label.isEmpty())
                return text;
            return text + u" ("_s + lookup(std::begin(kListLabels), std::end(kListLabels), label) + u')';
        }
    }
    return syncValueText(item);
}

bool isPostalAddress(const nlohmann::json &object)
{
    for (const auto &[key, v] : object.items())
        if (key != "street" && key != "city" && key != "postal_code" && key != "region" && key != "country")
            return false;
    return true;
}

QString addressText(const nlohmann::json &address)
{
    const QString cityLine = QString(jsonString(address, "postal_code") + u' ' + jsonString(address, "city")).trimmed();
    QStringList parts{jsonString(address, "street"), cityLine, jsonString(address, "region"),
                      jsonString(address, "country")};
    parts.removeAll(QString());
    return parts.join(u", "_s);
}

} // namespace

QString syncFieldLabel(const QString &field)
{
    return lookup(std::begin(kFields), std::end(kFields), field);
}

QString syncEntityLabel(const QString &entity)
{
    if (entity == u"contact"_s)
        return QCoreApplication::translate("rapport::ui::SyncFormat", "Contact");
    if (entity == u"company"_s)
        return QCoreApplication::translate("rapport::ui::SyncFormat", "Company");
    return entity;
}

QString syncValueText(const nlohmann::json &value)
{
    if (isEmptyValue(value))
        return QCoreApplication::translate("rapport::ui::SyncFormat", "(empty)");
    if (value.is_array()) {
        QStringList items;
        for (const auto &item : value)
            items << itemText(item);
        return items.join(u", "_s);
    }
    if (!value.is_object())
        return scalarText(value);
    if (isPostalAddress(value))
        return addressText(value);
    QStringList fields;  // a whole record (a deleted one, say): its non-empty fields, labelled
    for (const auto &[key, v] : value.items()) {
        if (key == "id" || isEmptyValue(v))
            continue;
        fields << syncFieldLabel(QString::fromStdString(key)) + u": "_s + syncValueText(v);
    }
    return fields.join(u"; "_s);
}

QString relativeTime(const QString &iso, const QDateTime &now)
{
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(iso, Qt::ISODate);
    if (!when.isValid())
        return iso;
    const qint64 seconds = now.secsTo(when);
    if (seconds <= 0 && seconds > -45)
        return QCoreApplication::translate("rapport::ui::SyncFormat", "just now");
    // Plain ints as the count: lupdate's parser loops forever on a template call inside translate().
    const int minutes = int((std::abs(seconds) + 30) / 60);
    if (seconds < 0 && seconds > -3600)
        return QCoreApplication::translate("rapport::ui::SyncFormat", "%n min ago", nullptr, minutes);
    if (seconds > 0 && seconds < 90)
        return QCoreApplication::translate("rapport::ui::SyncFormat", "in %n s", nullptr, int(seconds));
    if (seconds > 0 && seconds < 3600)
        return QCoreApplication::translate("rapport::ui::SyncFormat", "in %n min", nullptr, minutes);
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace rapport::ui
