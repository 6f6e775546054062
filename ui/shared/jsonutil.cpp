#include "shared/jsonutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace rapport::ui {

std::string listTarget(const std::string &resource, const QString &query, int limit, const std::string &cursor)
{
    std::string target = resource + "?limit=" + std::to_string(limit);
    if (!query.isEmpty())
        target += "&q=" + QUrl::toPercentEncoding(query).toStdString();
    if (!cursor.empty())
        target += "&cursor=" + QUrl::toPercentEncoding(QString::fromStdString(cursor)).toStdString();
    return target;
}

QString responseError(const nlohmann::json &body, int status)
{
    if (body.is_object() && body.contains("error")) {
        const QString message = jsonString(body["error"], "message");
        if (!message.isEmpty())
            return message;
    }
    return QCoreApplication::translate("rapport::ui::Errors", "The request failed (status %1).").arg(status);
}

static QDateTime parseTimestamp(const QString &iso)
{
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return when.isValid() ? when.toLocalTime() : QDateTime::fromString(iso, Qt::ISODate).toLocalTime();
}

QString formatTimestamp(const QString &iso)
{
    const QDateTime when = parseTimestamp(iso);
    return when.isValid() ? QLocale().toString(when, QLocale::ShortFormat) : iso;
}

QString formatDate(const QString &iso)
{
    const QDateTime when = parseTimestamp(iso);
    return when.isValid() ? QLocale().toString(when.date(), QLocale::ShortFormat) : iso;
}

} // namespace rapport::ui
