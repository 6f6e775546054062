#pragma once
// The local copy of the mail exchanged with each contact (schema v6): message metadata and snippet,
// never bodies, so a contact's history reads offline and fast. Pages are newest first with keyset
// cursors; refreshed_at says how old the copy is.

#include <QList>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace rapport {
class Store;
}

namespace rapport::gmail {

struct CachedMessage {
    QString id, threadId;
    qint64 internalDateMs = 0;
    QString from, to, subject, snippet;
};

// {"items":[{"id","thread_id","date","from","to","subject","snippet"}],"next_cursor":..|null,
//  "refreshed_at":"<iso>"|null}
Result<nlohmann::json> cachedPage(Store &store, const QString &contactId, int limit, std::string_view cursor);
// The ids already cached for this contact (a refresh fetches metadata only for the others).
Result<QSet<QString>> cachedIds(Store &store, const QString &contactId);
// Adds the messages and links to the contact, links `alsoKnown` ids too, and records the refresh
// time, in one transaction.
Result<void> storeRefresh(Store &store, const QString &contactId, const QList<CachedMessage> &fetched,
                          const QStringList &alsoKnown);
// A Gmail messages.get (format=metadata) answer -> CachedMessage; false when it lacks an id.
bool readMessageMetadata(const nlohmann::json &answer, CachedMessage &out);

} // namespace rapport::gmail
