#include "crm/list_cursor.h"

#include <charconv>

#include <QByteArray>

#include "crm/contacts_service.h"

namespace rapport {

std::string encodeCursor(const PageCursor &c)
{
    const QByteArray raw = QByteArray::number(c.tier) + ':' + QByteArray::number(c.seq) + ':' + c.key.toUtf8();
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString();
}

Result<PageCursor> decodeCursor(std::string_view text)
{
    PageCursor c;
    if (text.empty())
        return c;
    const auto bad = Error::make(ErrorCode::BadRequest, "The cursor is not valid; start again from the first page",
                                 "cursor");
    auto decoded = QByteArray::fromBase64Encoding(QByteArray(text.data(), static_cast<qsizetype>(text.size())),
                                                  QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    const QByteArray raw = *decoded;
    const auto first = raw.indexOf(':');
    const auto second = first < 0 ? -1 : raw.indexOf(':', first + 1);
    if (second < 0)
        return bad;
    bool okTier = false, okSeq = false;
    c.tier = raw.left(first).toInt(&okTier);
    c.seq = raw.mid(first + 1, second - first - 1).toLongLong(&okSeq);
    c.key = QString::fromUtf8(raw.mid(second + 1));
    if (!okTier || !okSeq || c.tier < -1 || c.tier > 8 || c.seq < 0)
        return bad;
    return c;
}

Result<ListQuery> parseListQuery(std::optional<std::string_view> q, std::optional<std::string_view> limit,
                                 std::optional<std::string_view> cursor)
{
    ListQuery out;
    if (q) {  // surrounding spaces are not a search: "  " lists everything like ""
        std::string_view text = *q;
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
            text.remove_prefix(1);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
        out.q = std::string(text);
    }
    if (out.q.size() > 500)
        return Error::make(ErrorCode::BadRequest, "The search text is too long (at most 500 bytes)", "q");
    if (limit && !limit->empty()) {
        int value = 0;
        const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
        if (ec != std::errc() || end != limit->data() + limit->size() || value < 1 || value > 500)
            return Error::make(ErrorCode::BadRequest, "limit must be a number from 1 to 500", "limit");
        out.limit = value;
    }
    if (cursor)
        out.cursor = std::string(*cursor);
    return out;
}

} // namespace rapport
