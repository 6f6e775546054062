#include "gmail/messages_refresh.h"

#include <QUrlQuery>

#include "core/error.h"
#include "gmail/authorized_call.h"
#include "gmail/gmail_account.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

MessagesRefresh::MessagesRefresh(GmailAccount &account, Store &store, QString contactId, QStringList addresses,
                                 int limit)
    : m_account(account), m_store(store), m_contactId(std::move(contactId)), m_addresses(std::move(addresses)),
      m_limit(limit)
{
}

MessagesRefresh::~MessagesRefresh() = default;

QString MessagesRefresh::searchQuery(const QStringList &addresses)
{
    QStringList terms;
    for (const QString &a : addresses)
        terms << u"from:"_s + a << u"to:"_s + a << u"cc:"_s + a;
    return u"{"_s + terms.join(u' ') + u"}"_s;
}

void MessagesRefresh::start(std::shared_ptr<StreamSink> sink)
{
    m_sink = std::move(sink);
    auto known = cachedIds(m_store, m_contactId);
    if (!known) {
        GmailError e = makeGmailError(GmailErrorKind::Internal);
        e.message = QString::fromStdString(known.error().message);
        return fail(e);
    }
    m_known = std::move(known).value();
    listPage({});
}

void MessagesRefresh::listPage(const QString &pageToken)
{
    QUrlQuery query;
    query.addQueryItem(u"q"_s, QString::fromLatin1(QUrl::toPercentEncoding(searchQuery(m_addresses))));
    query.addQueryItem(u"maxResults"_s, QString::number(std::min(100, kMaxMessages - int(m_listed.size()))));
    if (!pageToken.isEmpty())
        query.addQueryItem(u"pageToken"_s, QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    auto *call = m_calls.emplace_back(std::make_unique<AuthorizedCall>(m_account)).get();
    connect(call, &AuthorizedCall::failed, this, [this](const GmailError &e) { fail(e); });
    connect(call, &AuthorizedCall::done, this, [this](const nlohmann::json &answer) {
        // No hits: proto3 JSON leaves `messages` out altogether.
        for (const auto &m : answer.value("messages", nlohmann::json::array()))
            m_listed << QString::fromStdString(m.value("id", std::string()));
        const QString next = QString::fromStdString(answer.value("nextPageToken", std::string()));
        if (!next.isEmpty() && m_listed.size() < kMaxMessages)
            return listPage(next);
        for (const QString &id : std::as_const(m_listed))
            if (!id.isEmpty() && !m_known.contains(id))
                m_toFetch << id;
        fetchMore();
    });
    call->get(u"/gmail/v1/users/me/messages"_s, query);
}

void MessagesRefresh::fetchMore()
{
    if (m_finished)
        return;
    while (m_running < kParallel && m_nextFetch < m_toFetch.size()) {
        const QString id = m_toFetch[m_nextFetch++];
        ++m_running;
        QUrlQuery query;
        query.addQueryItem(u"format"_s, u"metadata"_s);
        for (const char *header : {"From", "To", "Subject", "Date"})
            query.addQueryItem(u"metadataHeaders"_s, QString::fromLatin1(header));
        auto *call = m_calls.emplace_back(std::make_unique<AuthorizedCall>(m_account)).get();
        connect(call, &AuthorizedCall::failed, this, [this](const GmailError &e) { fail(e); });
        connect(call, &AuthorizedCall::done, this, [this](const nlohmann::json &answer) {
            --m_running;
            CachedMessage message;
            if (readMessageMetadata(answer, message))
                m_fetched << message;
            m_sink->event({{"fetched", m_fetched.size()}, {"total", m_toFetch.size()}});
            fetchMore();
        });
        call->get(u"/gmail/v1/users/me/messages/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)), query);
    }
    if (m_running == 0 && m_nextFetch >= m_toFetch.size())
        finish();
}

void MessagesRefresh::finish()
{
    if (m_finished)
        return;
    QStringList alsoKnown;
    for (const QString &id : std::as_const(m_listed))
        if (m_known.contains(id))
            alsoKnown << id;
    auto stored = storeRefresh(m_store, m_contactId, m_fetched, alsoKnown);
    m_finished = true;
    if (!stored)
        return m_sink->fail(stored.error());
    auto page = cachedPage(m_store, m_contactId, m_limit, {});
    if (!page)
        return m_sink->fail(page.error());
    m_sink->end(*page);
}

void MessagesRefresh::fail(const GmailError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    for (auto &call : m_calls)
        call->disconnect(this);
    m_sink->fail(toGatewayError(error));
}

void MessagesRefresh::cancel()
{
    fail(makeGmailError(GmailErrorKind::Cancelled));
}

} // namespace rapport::gmail
