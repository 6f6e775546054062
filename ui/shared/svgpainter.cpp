// A deliberately small SVG painter for our own icon files: <path> (M L H V C S Z, absolute and
// relative), <circle>, <rect rx>, <line>; fill/stroke/stroke-width/linecap/linejoin with
// "currentColor". Anything else is ignored. Icons are parsed once and cached.

#include <mutex>

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QXmlStreamReader>

#include "shared/icons.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

struct Style {
    QString fill = u"black"_s;
    QString stroke = u"none"_s;
    qreal strokeWidth = 1;
    Qt::PenCapStyle cap = Qt::FlatCap;
    Qt::PenJoinStyle join = Qt::MiterJoin;
};

struct Shape {
    QPainterPath path;
    Style style;
};

struct ParsedIcon {
    QRectF viewBox{0, 0, 24, 24};
    QList<Shape> shapes;
};

// Splits path data into command letters and numbers ("M4 9h10.5c3-2.5" -> M 4 9 h 10.5 c 3 -2.5).
class PathLexer {
public:
    explicit PathLexer(QStringView d) : m_d(d) {}
    void skip() { while (m_pos < m_d.size() && (m_d[m_pos].isSpace() || m_d[m_pos] == u',')) ++m_pos; }
    bool atEnd() { skip(); return m_pos >= m_d.size(); }
    bool atNumber()
    {
        skip();
        if (m_pos >= m_d.size())
            return false;
        const QChar c = m_d[m_pos];
        return c.isDigit() || c == u'-' || c == u'+' || c == u'.';
    }
    QChar command() { skip(); return m_d[m_pos++]; }
    qreal number()
    {
        skip();
        const qsizetype start = m_pos;
        if (m_pos < m_d.size() && (m_d[m_pos] == u'-' || m_d[m_pos] == u'+'))
            ++m_pos;
        bool dot = false;
        while (m_pos < m_d.size() && (m_d[m_pos].isDigit() || (m_d[m_pos] == u'.' && !dot))) {
            dot = dot || m_d[m_pos] == u'.';
            ++m_pos;
        }
        return m_d.mid(start, m_pos - start).toDouble();
    }

private:
    QStringView m_d;
    qsizetype m_pos = 0;
};

// Two numbers in document order (function arguments have no evaluation order).
QPointF point(PathLexer &lex)
{
    const qreal x = lex.number();
    const qreal y = lex.number();
    return {x, y};
}

QPainterPath parsePath(QStringView d)
{
    QPainterPath path;
    PathLexer lex(d);
    QPointF cur, lastControl;
    QChar cmd;
    while (!lex.atEnd()) {
        if (!lex.atNumber())
            cmd = lex.command();
        const bool rel = cmd.isLower();
        const QPointF base = rel ? cur : QPointF();
        switch (cmd.toLower().unicode()) {
        case u'm': {
            cur = base + point(lex);
            path.moveTo(cur);
            cmd = rel ? u'l' : u'L';  // further pairs are line-tos
            break;
        }
        case u'l': cur = base + point(lex); path.lineTo(cur); break;
        case u'h': cur.setX((rel ? cur.x() : 0) + lex.number()); path.lineTo(cur); break;
        case u'v': cur.setY((rel ? cur.y() : 0) + lex.number()); path.lineTo(cur); break;
        case u'c': {
            const QPointF c1 = base + point(lex);
            const QPointF c2 = base + point(lex);
            cur = base + point(lex);
            path.cubicTo(c1, c2, cur);
            lastControl = c2;
            continue;
        }
        case u's': {
            const QPointF c1 = cur * 2 - lastControl;
            const QPointF c2 = base + point(lex);
            cur = base + point(lex);
            path.cubicTo(c1, c2, cur);
            lastControl = c2;
            continue;
        }
        case u'z': path.closeSubpath(); cur = path.currentPosition(); break;
        default: return path;  // unsupported command: keep what we have
        }
        lastControl = cur;
    }
    return path;
}

Style styleFrom(const QXmlStreamAttributes &a, Style s)
{
    if (a.hasAttribute(u"fill"_s)) s.fill = a.value(u"fill"_s).toString();
    if (a.hasAttribute(u"stroke"_s)) s.stroke = a.value(u"stroke"_s).toString();
    if (a.hasAttribute(u"stroke-width"_s)) s.strokeWidth = a.value(u"stroke-width"_s).toDouble();
    if (a.value(u"stroke-linecap"_s) == u"round"_s) s.cap = Qt::RoundCap;
    if (a.value(u"stroke-linejoin"_s) == u"round"_s) s.join = Qt::RoundJoin;
    return s;
}

ParsedIcon parseIcon(const QString &resource)
{
    ParsedIcon icon;
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return icon;
    QXmlStreamReader xml(&file);
    Style root;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        const auto n = [&](const char *name) { return a.value(QLatin1StringView(name)).toDouble(); };
        const QStringView tag = xml.name();
        QPainterPath path;
        if (tag == u"svg"_s) {
            root = styleFrom(a, root);
            const QStringList box = a.value(u"viewBox"_s).toString().split(u' ', Qt::SkipEmptyParts);
            if (box.size() == 4)
                icon.viewBox = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
            continue;
        } else if (tag == u"path"_s) {
            path = parsePath(a.value(u"d"_s));
        } else if (tag == u"circle"_s) {
            path.addEllipse(QPointF(n("cx"), n("cy")), n("r"), n("r"));
        } else if (tag == u"rect"_s) {
            path.addRoundedRect(QRectF(n("x"), n("y"), n("width"), n("height")), n("rx"), n("rx"));
        } else if (tag == u"line"_s) {
            path.moveTo(n("x1"), n("y1"));
            path.lineTo(n("x2"), n("y2"));
        }
        if (!path.isEmpty())
            icon.shapes.append({path, styleFrom(a, root)});
    }
    return icon;
}

QColor resolve(const QString &value, const QColor &current)
{
    if (value == u"currentColor"_s)
        return current;
    return value == u"none"_s ? QColor() : QColor::fromString(value);
}

} // namespace

void paintSvgIcon(const QString &resource, QPainter &painter, const QRectF &target, const QColor &color)
{
    static std::mutex mutex;
    static QHash<QString, ParsedIcon> cache;
    ParsedIcon icon;
    {
        std::lock_guard lock(mutex);
        auto it = cache.find(resource);
        if (it == cache.end())
            it = cache.insert(resource, parseIcon(resource));
        icon = *it;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal scale = std::min(target.width() / icon.viewBox.width(), target.height() / icon.viewBox.height());
    painter.translate(target.center());
    painter.scale(scale, scale);
    painter.translate(-icon.viewBox.center());
    for (const Shape &shape : std::as_const(icon.shapes)) {
        const QColor fill = resolve(shape.style.fill, color);
        const QColor stroke = resolve(shape.style.stroke, color);
        painter.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
        painter.setPen(stroke.isValid() ? QPen(stroke, shape.style.strokeWidth, Qt::SolidLine, shape.style.cap,
                                               shape.style.join)
                                        : QPen(Qt::NoPen));
        painter.drawPath(shape.path);
    }
    painter.restore();
}

} // namespace rapport::ui
