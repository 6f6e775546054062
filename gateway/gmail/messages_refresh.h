#pragma once
// GET /gmail/messages?contact=ID&refresh=true as a stream: asks Gmail for the mail exchanged with any
// of the contact's addresses (newest first, following nextPageToken up to kMaxMessages), fetches the
// metadata of the messages not cached yet (a few at a time), caches them, and ends with the first
// page of the cache. Events: {"fetched": n, "total": m} while metadata arrives. A failure (offline,
// rate limit) ends in fail() and leaves the cache as it was, still readable without refresh.

#include <memory>
#include <vector>

#include <QObject>
#include <QSet>
#include <QStringList>

#include "core/stream.h"
#include "gmail/gmail_error.h"
#include "gmail/mail_cache.h"

namespace rapport {
class Store;
}

namespace rapport::gmail {

class AuthorizedCall;
class GmailAccount;

class MessagesRefresh final : public QObject, public Stream {
    Q_OBJECT
public:
    static constexpr int kMaxMessages = 200;  // a first look at a contact, not an archive download
    static constexpr int kParallel = 4;

    // `addresses` must not be empty; `limit` is the size of the page the stream ends with.
    MessagesRefresh(GmailAccount &account, Store &store, QString contactId, QStringList addresses, int limit);
    ~MessagesRefresh() override;

    void start(std::shared_ptr<StreamSink> sink) override;
    void cancel() override;

    // Gmail search for mail from, to or copied to any address: {from:a to:a cc:a from:b ...}.
    static QString searchQuery(const QStringList &addresses);

private:
    void listPage(const QString &pageToken);
    void fetchMore();
    void finish();
    void fail(const GmailError &error);

    GmailAccount &m_account;
    Store &m_store;
    QString m_contactId;
    QStringList m_addresses;
    int m_limit;
    std::shared_ptr<StreamSink> m_sink;
    QSet<QString> m_known;
    QStringList m_listed;     // ids Gmail listed, newest first
    QStringList m_toFetch;    // of those, not cached yet
    int m_nextFetch = 0, m_running = 0;
    QList<CachedMessage> m_fetched;
    std::vector<std::unique_ptr<AuthorizedCall>> m_calls;
    bool m_finished = false;
};

} // namespace rapport::gmail
