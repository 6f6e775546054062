#include "shared/icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must run outside any namespace: the .qrc lives in a static library, whose
// static initialiser the linker may drop.
static void initRapportResources()
{
    Q_INIT_RESOURCE(rapport);
}

namespace rapport::ui {

namespace {

// Renders one resource icon on demand at the requested size, in the palette's text colour
// (greyed when disabled), so icons follow light and dark themes.
class LineIconEngine : public QIconEngine {
public:
    LineIconEngine(QString resource, bool coloured) : m_resource(std::move(resource)), m_coloured(coloured) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        paintSvgIcon(m_resource, *painter, rect, colorFor(mode));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paintSvgIcon(m_resource, painter, QRectF(QPointF(0, 0), QSizeF(size)), colorFor(mode));
        if (mode == QIcon::Disabled && m_coloured) {
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), QColor(160, 160, 160));
        }
        return pixmap;
    }

    QIconEngine *clone() const override { return new LineIconEngine(m_resource, m_coloured); }
    QString key() const override { return u"rapport-line"_s; }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QApplication::palette();
        if (mode == QIcon::Disabled)
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        if (mode == QIcon::Selected)
            return palette.color(QPalette::HighlightedText);
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_resource;
    bool m_coloured;
};

struct IconInfo {
    const char *file;
    const char *themeName;
};

IconInfo info(IconId id)
{
    switch (id) {
    case IconId::App: return {"rapport", nullptr};
    case IconId::Contacts: return {"contacts", nullptr};
    case IconId::Companies: return {"companies", nullptr};
    case IconId::NewContact: return {"new-contact", "document-new"};
    case IconId::Save: return {"save", "document-save"};
    case IconId::Delete: return {"delete", "edit-delete"};
    case IconId::Undo: return {"undo", "edit-undo"};
    case IconId::Redo: return {"redo", "edit-redo"};
    case IconId::Search: return {"search", "edit-find"};
    case IconId::Add: return {"add", "list-add"};
    case IconId::Remove: return {"remove", "list-remove"};
    case IconId::Revert: return {"revert", "document-revert"};
    case IconId::About: return {"about", "help-about"};
    case IconId::Demo: return {"demo", "document-import"};
    case IconId::Drafts: return {"drafts", nullptr};
    case IconId::Settings: return {"settings", nullptr};  // a navigation icon, like Contacts
    case IconId::Chat: return {"chat", nullptr};
    case IconId::Sync: return {"sync", nullptr};  // a navigation icon (Conflicts) and Sync Now
    }
    return {"about", nullptr};
}

} // namespace

QIcon icon(IconId id)
{
    static const bool resourcesReady = [] {
        initRapportResources();
        return true;
    }();
    Q_UNUSED(resourcesReady);
    const IconInfo i = info(id);
    const QString resource = u":/icons/"_s + QLatin1StringView(i.file) + u".svg"_s;
    QIcon own(new LineIconEngine(resource, id == IconId::App));
    if (!i.themeName)
        return own;
    return QIcon::fromTheme(QLatin1StringView(i.themeName), own);
}

} // namespace rapport::ui
