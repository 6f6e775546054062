#pragma once
// Words for team sync: field labels as the editors name them, sync values (any JSON a colleague's
// edit carries) as one readable line, and times relative to now for the status bar's tooltip.

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace rapport::ui {

// "emails" -> "Emails", "company_id" -> "Company", "address" -> "Address"; an unknown name as it is.
QString syncFieldLabel(const QString &field);
// "contact" -> "Contact", "company" -> "Company".
QString syncEntityLabel(const QString &entity);

// Strings plain; lists of e-mail addresses or phones joined with ", " (labels in brackets); an
// address as "Street 1, 12345 City, Region, Country"; a whole record as "Name: …; Emails: …";
// null or empty as "(empty)".
QString syncValueText(const nlohmann::json &value);

// ISO 8601 -> "just now", "5 min ago", "in 30 s", or the local date and time when further away.
QString relativeTime(const QString &iso, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace rapport::ui
