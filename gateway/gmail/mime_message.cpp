#include "gmail/mime_message.h"

#include <QUuid>

#include "gmail/mime_header.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {

constexpr int kBodyLine = 76;  // RFC 2045 §6.8

bool isAtextOrDot(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-/=?^_`{|}~.").contains(c);
}

bool isLdhLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (char c : label)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

bool hasLineBreakOrNul(const QString &text)
{
    return text.contains(u'\r') || text.contains(u'\n') || text.contains(QChar(u'\0'));
}

QString domainOf(const QString &address)
{
    return address.mid(address.lastIndexOf(u'@') + 1);
}

// text/plain travels in canonical form: every line break CRLF, whatever the editor produced.
QByteArray canonicalLineBreaks(const QString &text)
{
    QString out = text;
    out.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n').replace(u"\n"_s, u"\r\n"_s);
    return out.toUtf8();
}

void checkMailbox(const Mailbox &box, const std::string &field, std::vector<FieldError> &problems)
{
    if (hasLineBreakOrNul(box.name) || hasLineBreakOrNul(box.address))
        problems.push_back({field, "must not contain line breaks"});
    else if (!isValidAddress(box.address))
        problems.push_back({field, "is not a valid e-mail address (ASCII user@domain)"});
}

void addMailboxes(mime::HeaderFolder &header, const QList<Mailbox> &boxes)
{
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        header.addPhrase(boxes[i].name);
        QByteArray address = boxes[i].address.toLatin1();
        if (!boxes[i].name.isEmpty())
            address = '<' + address + '>';
        header.addToken(i + 1 < boxes.size() ? address + ',' : address);
    }
}

QByteArray mailboxHeader(QByteArrayView name, const QList<Mailbox> &boxes)
{
    mime::HeaderFolder header(name);
    addMailboxes(header, boxes);
    return header.finish();
}

} // namespace

bool isValidAddress(const QString &address)
{
    if (address.size() > 254)
        return false;
    for (QChar c : address)
        if (c.unicode() <= 0x20 || c.unicode() > 0x7E)  // checked first: toLatin1 would turn others into '?'
            return false;
    const QByteArray bytes = address.toLatin1();
    const qsizetype at = bytes.lastIndexOf('@');
    if (at <= 0 || at > 64)
        return false;
    const QByteArrayView local = QByteArrayView(bytes).first(at);
    if (local.front() == '.' || local.back() == '.' || local.contains(".."))
        return false;
    for (char c : local)
        if (!isAtextOrDot(c))
            return false;
    const QList<QByteArray> labels = bytes.mid(at + 1).split('.');
    for (const QByteArray &label : labels)
        if (!isLdhLabel(label))
            return false;
    return true;
}

bool isValidMessageId(QByteArrayView id)
{
    if (id.size() < 5 || id.size() > 250 || id.front() != '<' || id.back() != '>')
        return false;
    const QByteArrayView inner = id.sliced(1, id.size() - 2);
    if (inner.count('@') != 1 || inner.front() == '@' || inner.back() == '@')
        return false;
    for (char c : inner)
        if (c <= ' ' || c > '~' || c == '<' || c == '>')
            return false;
    return true;
}

QByteArray makeMessageId(const QString &fromAddress)
{
    const QString domain = isValidAddress(fromAddress) ? domainOf(fromAddress).toLower() : u"rapport.local"_s;
    return '<' + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '@' + domain.toLatin1() + '>';
}

Result<QByteArray> buildMimeMessage(const MailMessage &m)
{
    std::vector<FieldError> problems;
    checkMailbox(m.from, "from", problems);
    for (qsizetype i = 0; i < m.to.size(); ++i)
        checkMailbox(m.to[i], "to[" + std::to_string(i) + ']', problems);
    for (qsizetype i = 0; i < m.cc.size(); ++i)
        checkMailbox(m.cc[i], "cc[" + std::to_string(i) + ']', problems);
    if (m.to.isEmpty() && m.cc.isEmpty())
        problems.push_back({"to", "needs at least one recipient"});
    if (hasLineBreakOrNul(m.subject))
        problems.push_back({"subject", "must not contain line breaks"});
    if (!isValidMessageId(m.messageId))
        problems.push_back({"message_id", "must look like <id@domain>"});
    if (!m.inReplyTo.isEmpty() && !isValidMessageId(m.inReplyTo))
        problems.push_back({"in_reply_to", "must look like <id@domain>"});
    for (const QByteArray &ref : m.references)
        if (!isValidMessageId(ref)) {
            problems.push_back({"references", "must be a list of <id@domain>"});
            break;
        }
    if (!problems.empty())
        return Error::validation(std::move(problems));

    QByteArray out = mailboxHeader("From", {m.from}) + mailboxHeader("To", m.to);
    if (!m.cc.isEmpty())
        out += mailboxHeader("Cc", m.cc);
    mime::HeaderFolder subject("Subject");
    subject.addText(m.subject);
    out += subject.finish();
    out += "Message-ID: " + m.messageId + "\r\n";
    if (!m.inReplyTo.isEmpty())
        out += "In-Reply-To: " + m.inReplyTo + "\r\n";
    if (!m.references.isEmpty()) {
        mime::HeaderFolder references("References");
        for (const QByteArray &ref : m.references)
            references.addToken(ref);
        out += references.finish();
    }
    out += "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: base64\r\n"
           "\r\n";
    const QByteArray body = canonicalLineBreaks(m.body).toBase64();
    for (qsizetype at = 0; at < body.size(); at += kBodyLine)
        out += body.mid(at, kBodyLine) + "\r\n";
    return out;
}

QByteArray gmailRaw(const QByteArray &mime)
{
    return mime.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace rapport::gmail
