// The reading half of the fake Gmail API (docs/protocols.md D): the mailbox, messages.list with
// Gmail's search syntax and paging, and messages.get in its four formats.

#include <algorithm>

#include "fakes/fake_google_server.h"

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace rapport::fakes {

namespace {

const HeaderList kJson = {{"Content-Type", "application/json; charset=UTF-8"}};

std::string str(const QString &s) { return s.toStdString(); }

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool containsCi(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

// One search term of Gmail's syntax, the operators a CRM uses; false (and a problem) for others.
bool termMatches(const FakeMailMessage &m, const QString &term, QStringList &problems)
{
    const qsizetype colon = term.indexOf(u':');
    const QString op = colon < 0 ? QString() : term.left(colon).toLower();
    const QString value = colon < 0 ? term : term.mid(colon + 1);
    if (colon < 0)
        return containsCi(m.subject, value) || containsCi(m.snippet, value) || containsCi(m.body, value);
    if (op == u"from"_s)
        return containsCi(m.from, value);
    if (op == u"to"_s)
        return containsCi(m.to, value) || containsCi(m.cc, value);
    if (op == u"cc"_s)
        return containsCi(m.cc, value);
    if (op == u"subject"_s)
        return containsCi(m.subject, value);
    if (op == u"rfc822msgid"_s) {
        QString id = value;
        if (!id.startsWith(u'<'))
            id = u'<' + id + u'>';
        return QString::fromLatin1(m.rfc822MessageId) == id;
    }
    problems << u"search operator the fake does not know: "_s + op;
    return false;
}

// Juxtaposed terms must all match; `a OR b` and `{a b}` are alternatives.
bool queryMatches(const FakeMailMessage &m, const QString &q, QStringList &problems)
{
    QString spaced = q;
    spaced.replace(u'{', u" { "_s).replace(u'}', u" } "_s);
    QList<QStringList> clauses;
    bool inGroup = false, orNext = false;
    for (const QString &token : spaced.split(u' ', Qt::SkipEmptyParts)) {
        if (token == u"{"_s) {
            inGroup = true;
            clauses.append(QStringList());
        } else if (token == u"}"_s) {
            inGroup = false;
        } else if (token == u"OR"_s) {
            orNext = true;
        } else if (inGroup || (orNext && !clauses.isEmpty())) {
            clauses.last() << token;
            orNext = false;
        } else {
            clauses.append({token});
        }
    }
    return std::all_of(clauses.begin(), clauses.end(), [&](const QStringList &alternatives) {
        return std::any_of(alternatives.begin(), alternatives.end(),
                           [&](const QString &term) { return termMatches(m, term, problems); });
    });
}


} // namespace

void FakeGoogleServer::addMessage(FakeMailMessage message)
{
    if (message.id.isEmpty())
        message.id = u"m%1"_s.arg(m_nextId++);
    if (message.threadId.isEmpty())
        message.threadId = message.id;
    m_mailbox.append(std::move(message));
}

FakeGoogleServer::Answer FakeGoogleServer::listMessages(const FormItems &query)
{
    const auto invalid = [](const QString &text) {
        return Answer{400, kJson, gmailErrorBody(400, "invalidArgument", text, "INVALID_ARGUMENT")};
    };
    bool ok = true;
    const QString max = formValue(query, u"maxResults"_s);
    const int pageSize = max.isEmpty() ? 100 : std::min(max.toInt(&ok), 500);
    if (!ok || pageSize < 1)
        return invalid(u"Invalid maxResults"_s);
    const QString pageToken = formValue(query, u"pageToken"_s);
    const qsizetype offset = pageToken.isEmpty() ? 0 : QByteArray::fromBase64(pageToken.toLatin1()).toLongLong(&ok);
    const QStringList labels = formValues(query, u"labelIds"_s);

    QList<const FakeMailMessage *> hits;
    for (const FakeMailMessage &m : m_mailbox)
        if (std::all_of(labels.begin(), labels.end(), [&](const QString &l) { return m.labelIds.contains(l); }) &&
            queryMatches(m, formValue(query, u"q"_s), m_problems))
            hits << &m;
    if (!ok || offset < 0 || offset > hits.size())
        return invalid(u"Invalid pageToken"_s);
    std::stable_sort(hits.begin(), hits.end(), [](auto *a, auto *b) { return a->internalDateMs > b->internalDateMs; });

    json answer = {{"resultSizeEstimate", hits.size()}};
    json list = json::array();
    for (qsizetype i = offset; i < std::min(hits.size(), offset + pageSize); ++i)
        list.push_back({{"id", str(hits[i]->id)}, {"threadId", str(hits[i]->threadId)}});
    if (!list.empty())  // proto3 JSON drops an empty repeated field: no hits means no `messages`
        answer["messages"] = list;
    if (offset + pageSize < hits.size())
        answer["nextPageToken"] = QByteArray::number(offset + pageSize).toBase64().toStdString();
    return {200, kJson, QByteArray::fromStdString(answer.dump())};
}

FakeGoogleServer::Answer FakeGoogleServer::getMessage(const QString &id, const FormItems &query)
{
    const auto it = std::find_if(m_mailbox.cbegin(), m_mailbox.cend(), [&](const auto &m) { return m.id == id; });
    if (it == m_mailbox.cend())
        return {404, kJson, gmailErrorBody(404, "notFound", u"Requested entity was not found."_s, "NOT_FOUND")};
    const QString format = formValue(query, u"format"_s).isEmpty() ? u"full"_s : formValue(query, u"format"_s);
    if (!QStringList{u"minimal"_s, u"full"_s, u"raw"_s, u"metadata"_s}.contains(format))
        return {400, kJson, gmailErrorBody(400, "invalidArgument", u"Invalid format"_s, "INVALID_ARGUMENT")};

    const QList<std::pair<QString, QString>> all = {
        {u"From"_s, it->from}, {u"To"_s, it->to}, {u"Cc"_s, it->cc}, {u"Subject"_s, it->subject},
        {u"Date"_s, QDateTime::fromMSecsSinceEpoch(it->internalDateMs, Qt::UTC).toString(Qt::RFC2822Date)},
        {u"Message-ID"_s, QString::fromLatin1(it->rfc822MessageId)}};
    const QStringList wanted = formValues(query, u"metadataHeaders"_s);
    json headers = json::array();
    QByteArray rfc822;
    for (const auto &[name, value] : all) {
        if (value.isEmpty())
            continue;
        rfc822 += name.toUtf8() + ": " + value.toUtf8() + "\r\n";
        if (format != u"metadata"_s || wanted.isEmpty() ||
            std::any_of(wanted.begin(), wanted.end(), [&](const QString &w) { return !w.compare(name, Qt::CaseInsensitive); }))
            headers.push_back({{"name", str(name)}, {"value", str(value)}});
    }
    json m = {{"id", str(it->id)}, {"threadId", str(it->threadId)}, {"snippet", str(it->snippet)},
              {"historyId", "1234567"}, {"internalDate", std::to_string(it->internalDateMs)},
              {"sizeEstimate", it->body.size() + 200}, {"labelIds", json::array()}};
    for (const QString &label : it->labelIds)
        m["labelIds"].push_back(str(label));
    if (format == u"raw"_s)
        m["raw"] = b64url(rfc822 + "\r\n" + it->body.toUtf8()).toStdString();
    else if (format != u"minimal"_s)
        m["payload"] = {{"mimeType", "text/plain"}, {"filename", ""}, {"headers", headers}};
    if (format == u"full"_s)
        m["payload"]["body"] = {{"size", it->body.toUtf8().size()}, {"data", b64url(it->body.toUtf8()).toStdString()}};
    return {200, kJson, QByteArray::fromStdString(m.dump())};
}

} // namespace rapport::fakes
