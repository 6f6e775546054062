#pragma once
// Opaque keyset cursors: a page continues after the last row it returned, so paging stays exact and
// cheap while rows are added or deleted. tier < 0 is the by-name order (key = sort key); tier >= 0 is a
// search rank tier (rows in rowid order).

#include <optional>
#include <string>
#include <string_view>

#include <QString>

#include "core/error.h"

namespace rapport {

struct PageCursor {
    int tier = -1;
    qint64 seq = 0;
    QString key;
};

std::string encodeCursor(const PageCursor &cursor);
Result<PageCursor> decodeCursor(std::string_view text);  // "" -> the first page

// Reads ?q=&limit=&cursor= with field errors for bad values (limit 1..500, default 50).
struct ListQuery;
Result<ListQuery> parseListQuery(std::optional<std::string_view> q, std::optional<std::string_view> limit,
                                 std::optional<std::string_view> cursor);

} // namespace rapport
