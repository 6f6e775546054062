#pragma once
// The app's icons: the desktop theme's icon when it has one, else our own line icons from
// resources/icons/*.svg. Those are drawn by a small built-in SVG painter (paths, circles, rects), so
// they render crisply at any size even where Qt's SVG plugin is not installed.

#include <QIcon>

namespace rapport::ui {

enum class IconId { App, Contacts, Companies, NewContact, Save, Delete, Undo, Redo, Search, Add, Remove,
                    Revert, About, Demo, Settings, Chat, Drafts, Sync };

QIcon icon(IconId id);

// Paints an icon file from the resources (our subset of SVG) into a painter; used by the icon engine.
void paintSvgIcon(const QString &resource, QPainter &painter, const QRectF &target, const QColor &color);

} // namespace rapport::ui
