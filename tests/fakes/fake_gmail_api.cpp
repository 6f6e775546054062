// The Gmail API half of FakeGoogleServer (docs/protocols.md D): routing, authentication and scopes,
// failures on demand, and drafts.create / messages.send, which decode and inspect `raw`.

#include <algorithm>

#include <QRegularExpression>
#include <QStringDecoder>

#include "fakes/fake_google_server.h"

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace rapport::fakes {

namespace {

const QString kScopePrefix = u"https://www.googleapis.com/auth/"_s;

QStringList scopes(std::initializer_list<const char *> names)
{
    QStringList out{u"https://mail.google.com/"_s};
    for (const char *name : names)
        out << kScopePrefix + QString::fromLatin1(name);
    return out;
}

std::string str(const QString &s) { return s.toStdString(); }

// Proto3 JSON reads bytes fields in either alphabet, padded or not; mixing alphabets is garbage.
std::optional<QByteArray> decodeAnyBase64(QByteArray text)
{
    const bool url = text.contains('-') || text.contains('_');
    if (url && (text.contains('+') || text.contains('/')))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text, (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding) | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

// RFC 2047 encoded-words in a header value, checked as strictly as the MIME rules say.
QString decodeHeader(const QByteArray &value, QStringList &problems)
{
    static const QRegularExpression word(u"=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?="_s);
    const QString text = QString::fromLatin1(value);
    QString out;
    qsizetype at = 0;
    bool lastWasWord = false;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString between = text.mid(at, match.capturedStart() - at);
        if (!(lastWasWord && between.trimmed().isEmpty()))  // RFC 2047 §6.2
            out += between;
        at = match.capturedEnd();
        lastWasWord = true;
        if (match.capturedLength() > 75)
            problems << u"encoded-word longer than 75 characters"_s;
        if (match.captured(2).toUpper() != u"B"_s) {
            out += match.captured();
            continue;
        }
        const QByteArray payload = match.captured(3).toLatin1();
        const auto bytes = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
        if (!bytes || payload.contains('-') || payload.contains('_')) {
            problems << u"encoded-word is not standard base64"_s;
            continue;
        }
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = utf8(*bytes);
        if (utf8.hasError())
            problems << u"encoded-word is not whole UTF-8 (a sequence was split)"_s;
        out += decoded;
    }
    return out + text.mid(at);
}

} // namespace

void FakeGoogleServer::failNextGmailCalls(int count, int status)
{
    m_failCount = count;
    m_failStatus = status;
}

QByteArray FakeGoogleServer::gmailErrorBody(int code, const char *reason, const QString &message, const char *status)
{
    const json body = {{"error",
                        {{"code", code},
                         {"message", str(message)},
                         {"errors", json::array({{{"message", str(message)}, {"domain", "global"}, {"reason", reason}}})},
                         {"status", status}}}};
    return QByteArray::fromStdString(body.dump());
}

namespace {
const HeaderList kJson = {{"Content-Type", "application/json; charset=UTF-8"}};
} // namespace

FakeGoogleServer::Answer FakeGoogleServer::gmail(const RecordedRequest &request, const QByteArray &path,
                                                 const FormItems &query)
{
    const bool get = request.method == "GET", post = request.method == "POST";
    QStringList anyOf;
    if (get && path == "profile")
        anyOf = scopes({"gmail.readonly", "gmail.compose", "gmail.modify", "gmail.metadata", "gmail.insert"});
    else if (get && (path == "messages" || path.startsWith("messages/")))
        anyOf = scopes({"gmail.readonly", "gmail.modify"});
    else if (post && path == "drafts")
        anyOf = scopes({"gmail.compose", "gmail.modify"});
    else if (post && path == "messages/send")
        anyOf = scopes({"gmail.compose", "gmail.send", "gmail.modify"});
    else
        return {404, kJson, gmailErrorBody(404, "notFound", u"Not Found"_s, "NOT_FOUND")};
    if (auto refused = checkBearer(request, anyOf))
        return *refused;
    if (m_failCount > 0) {
        --m_failCount;
        if (m_failStatus == 429)
            return {429, kJson, gmailErrorBody(429, "userRateLimitExceeded", u"User-rate limit exceeded."_s, "RESOURCE_EXHAUSTED")};
        return {m_failStatus, kJson, gmailErrorBody(m_failStatus, "backendError", u"Backend Error"_s, "UNAVAILABLE")};
    }
    if (path == "profile") {
        const json profile = {{"emailAddress", str(m_email)}, {"messagesTotal", m_mailbox.size()},
                              {"threadsTotal", m_mailbox.size()}, {"historyId", "1234567"}};
        return {200, kJson, QByteArray::fromStdString(profile.dump())};
    }
    if (path == "messages")
        return listMessages(query);
    if (path == "drafts")
        return receive(request, ReceivedMail::Via::Draft);
    if (path == "messages/send")
        return receive(request, ReceivedMail::Via::Send);
    return getMessage(QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(9))), query);
}

std::optional<FakeGoogleServer::Answer> FakeGoogleServer::checkBearer(const RecordedRequest &request,
                                                                      const QStringList &anyOf)
{
    const QByteArray auth = request.header("Authorization");
    const QString token = auth.startsWith("Bearer ") ? QString::fromLatin1(auth.mid(7)) : QString();
    if (token.isEmpty() || !isAccessTokenLive(token)) {
        return Answer{401,
                      {{"Content-Type", "application/json; charset=UTF-8"},
                       {"WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\""}},
                      gmailErrorBody(401, "authError", u"Invalid Credentials"_s, "UNAUTHENTICATED")};
    }
    const QStringList granted = m_grants[m_accessTokens.value(token).grant].scopes;
    if (std::none_of(anyOf.begin(), anyOf.end(), [&](const QString &s) { return granted.contains(s); }))
        return Answer{403, kJson,
                      gmailErrorBody(403, "insufficientPermissions", u"Request had insufficient authentication scopes."_s,
                                 "PERMISSION_DENIED")};
    return std::nullopt;
}


FakeGoogleServer::Answer FakeGoogleServer::receive(const RecordedRequest &request, ReceivedMail::Via via)
{
    const auto invalid = [](const QString &text) {
        return Answer{400, kJson, gmailErrorBody(400, "invalidArgument", text, "INVALID_ARGUMENT")};
    };
    if (!request.header("Content-Type").startsWith("application/json") || !request.json.is_object())
        return invalid(u"Invalid JSON payload received."_s);
    const json &message = via == ReceivedMail::Via::Draft ? request.json.value("message", json::object()) : request.json;
    if (!message.is_object() || !message.contains("raw") || !message["raw"].is_string())
        return invalid(u"'raw' RFC822 payload message string or uploading message via /upload/* URL required"_s);
    ReceivedMail mail;
    mail.via = via;
    mail.raw = QByteArray::fromStdString(message["raw"].get<std::string>());
    const auto mime = decodeAnyBase64(mail.raw);
    if (!mime)
        return invalid(u"Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed"_s);
    mail.mime = *mime;
    if (message.contains("threadId") && message["threadId"].is_string())
        mail.threadId = QString::fromStdString(message["threadId"].get<std::string>());
    inspectMime(mail.mime);

    // The header as Gmail would list it: unfolded, encoded-words decoded.
    const qsizetype blank = mail.mime.indexOf("\r\n\r\n");
    QByteArray head = blank < 0 ? mail.mime : mail.mime.left(blank);
    head.replace("\r\n ", " ").replace("\r\n\t", " ");
    const auto header = [&](QByteArrayView name) {
        for (const QByteArray &line : head.split('\n'))
            if (line.startsWith(QByteArray(name.toByteArray() + ':')))
                return decodeHeader(line.mid(name.size() + 1).trimmed(), m_problems);
        return QString();
    };
    FakeMailMessage stored{{}, mail.threadId, header("From"), header("To"), header("Cc"), header("Subject"), {}, {},
                           header("Message-ID").toLatin1(), QDateTime::currentMSecsSinceEpoch(),
                           {via == ReceivedMail::Via::Draft ? u"DRAFT"_s : u"SENT"_s}};
    if (via == ReceivedMail::Via::Send && stored.to.isEmpty() && stored.cc.isEmpty() && header("Bcc").isEmpty())
        return invalid(u"Invalid To header"_s);
    addMessage(stored);
    mail.id = m_mailbox.last().id;
    const json ref = {{"id", str(mail.id)}, {"threadId", str(m_mailbox.last().threadId)},
                      {"labelIds", json::array({str(m_mailbox.last().labelIds.first())})}};
    m_received.append(mail);
    const json answer = via == ReceivedMail::Via::Draft ? json{{"id", "r" + std::to_string(m_nextId++)}, {"message", ref}} : ref;
    return {200, kJson, QByteArray::fromStdString(answer.dump())};
}

void FakeGoogleServer::inspectMime(const QByteArray &mime)
{
    if (QByteArray(mime).replace("\r\n", "").contains('\n') || QByteArray(mime).replace("\r\n", "").contains('\r'))
        problem(u"raw message has a line break that is not CRLF"_s);
    const qsizetype blank = mime.indexOf("\r\n\r\n");
    if (blank < 0)
        return problem(u"raw message has no blank line after its header"_s);
    for (const QByteArray &line : mime.left(blank).split('\n')) {
        if (line.size() - (line.endsWith('\r') ? 1 : 0) > 76 && line.contains("=?"))
            problem(u"a header line with encoded-words is longer than 76 characters"_s);
        if (std::any_of(line.begin(), line.end(), [](char c) { return uchar(c) > 0x7E; }))
            problem(u"8-bit byte in the message header"_s);
    }
    if (mime.left(blank).contains("Content-Transfer-Encoding: base64"))
        for (const QByteArray &line : mime.mid(blank + 4).split('\n'))
            if (line.trimmed().size() > 76)
                problem(u"base64 body line longer than 76 characters"_s);
}

} // namespace rapport::fakes
