#pragma once
// The outgoing e-mail as RFC 5322 bytes, and as the `raw` Gmail wants (docs/protocols.md D).
//
// buildMimeMessage() promises:
//  - CRLF line ends everywhere; header fields From, To, Cc (when any), Subject, Message-ID,
//    In-Reply-To and References (when given), MIME-Version: 1.0,
//    Content-Type: text/plain; charset=UTF-8, Content-Transfer-Encoding: base64; a blank line; the
//    body's UTF-8 (its line breaks made CRLF, text/plain's canonical form) as base64 in lines of at
//    most 76 characters;
//  - non-ASCII subjects and display names as RFC 2047 encoded-words (see mime_header.h);
//  - addresses stay ASCII (an internationalised domain must be given in its xn-- form);
//  - header injection is impossible: CR, LF or NUL in any header value (names, addresses, subject,
//    ids) is a validation error naming the field, never stripped or folded away.

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/error.h"

namespace rapport::gmail {

struct Mailbox {
    QString name;     // display name, any Unicode; may be empty
    QString address;  // ASCII local@domain
};

struct MailMessage {
    Mailbox from;
    QList<Mailbox> to;
    QList<Mailbox> cc;
    QString subject;
    QString body;                  // plain text
    QByteArray messageId;          // "<left@right>", required: makeMessageId() makes one
    QByteArray inReplyTo;          // the parent's Message-ID when replying, else empty
    QList<QByteArray> references;  // the thread's Message-IDs, oldest first, when replying
};

// The message, or ValidationFailed with one FieldError per problem. Fields: "from", "to", "cc"
// (index in the message: "to[1]"), "subject", "message_id", "in_reply_to", "references".
// At least one recipient in to or cc is required.
Result<QByteArray> buildMimeMessage(const MailMessage &message);

// RFC 5322 bytes as Gmail's `raw`: base64url without padding.
QByteArray gmailRaw(const QByteArray &mime);

// "<random-uuid@domain>": the domain of `fromAddress` when it is a valid address, else
// "rapport.local". Random (UUID v4 from the system generator), so two drafts never share one; the
// outbox later finds a sent message by it (rfc822msgid:).
QByteArray makeMessageId(const QString &fromAddress = {});

// A plain ASCII addr-spec: dot-atom local part (at most 64), dot-separated LDH domain labels.
bool isValidAddress(const QString &address);
// "<left@right>" with printable ASCII and no spaces, angle brackets or extra '@' inside.
bool isValidMessageId(QByteArrayView id);

} // namespace rapport::gmail
