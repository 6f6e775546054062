// The MIME builder: CRLF everywhere, base64 body lines of at most 76, RFC 2047 encoded-words that
// each decode on their own to whole UTF-8 and reassemble the exact text, header injection refused
// with the field named, and `raw` as unpadded base64url.

#include <QRegularExpression>
#include <QStringDecoder>
#include <QtTest>

#include "gmail/mime_message.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using namespace rapport::gmail;

namespace {

MailMessage message(const QString &subject = u"Hello"_s)
{
    MailMessage m;
    m.from = {u"Ann Seller"_s, u"ann@example.com"_s};
    m.to = {{u"Bob Buyer"_s, u"bob@example.org"_s}};
    m.subject = subject;
    m.body = u"Hi Bob,\nsee you Monday.\n"_s;
    m.messageId = "<1234-5678@example.com>";
    return m;
}

QByteArray build(const MailMessage &m)
{
    const Result<QByteArray> built = buildMimeMessage(m);
    if (!built) {
        qWarning() << "build failed:" << QString::fromStdString(built.error().message);
        return {};
    }
    return built.value();
}

// The field as written, folds included ("Subject: ...\r\n ...\r\n").
QByteArray rawField(const QByteArray &mime, QByteArrayView name)
{
    const QByteArray head = mime.left(mime.indexOf("\r\n\r\n") + 2);
    const QByteArray prefix = name.toByteArray() + ':';
    qsizetype start = 0;
    if (!head.startsWith(prefix)) {
        start = head.indexOf(QByteArray("\r\n" + prefix));
        if (start < 0)
            return {};
        start += 2;
    }
    qsizetype end = start;
    do {
        end = head.indexOf("\r\n", end) + 2;
    } while (end < head.size() && (head[end] == ' ' || head[end] == '\t'));
    return head.mid(start, end - start);
}

// The field's value unfolded (RFC 5322 §2.2.3: remove each CRLF that precedes whitespace).
QByteArray unfoldedValue(const QByteArray &field)
{
    QByteArray value = field.left(field.size() - 2);
    value.replace("\r\n ", " ").replace("\r\n\t", "\t");
    return value.mid(value.indexOf(':') + 1);
}

const QRegularExpression kWord(u"=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="_s);

// Decodes the encoded-words of a header value, each on its own as a strict decoder would, and
// joins adjacent ones (RFC 2047 §6.2). Fails the test when a word is too long, not standard base64,
// or not whole UTF-8.
QString decodeWords(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value);
    QString out;
    qsizetype at = 0;
    bool previousWasWord = false;
    for (auto it = kWord.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString between = text.mid(at, match.capturedStart() - at);
        if (!(previousWasWord && between.trimmed().isEmpty()))
            out += between;
        at = match.capturedEnd();
        previousWasWord = true;
        [&] { QVERIFY2(match.capturedLength() <= 75, qPrintable(match.captured())); }();
        const auto bytes = QByteArray::fromBase64Encoding(match.captured(1).toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
        [&] { QVERIFY2(bool(bytes), qPrintable(match.captured())); }();
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = utf8(bytes.decoded);
        [&] { QVERIFY2(!utf8.hasError(), qPrintable(u"split UTF-8 in "_s + match.captured())); }();
        out += decoded;
    }
    return out + text.mid(at);
}

bool allLinesCrlf(const QByteArray &mime)
{
    for (qsizetype i = 0; i < mime.size(); ++i) {
        if (mime[i] == '\n' && (i == 0 || mime[i - 1] != '\r'))
            return false;
        if (mime[i] == '\r' && (i + 1 == mime.size() || mime[i + 1] != '\n'))
            return false;
    }
    return mime.endsWith("\r\n");
}

int longestHeaderLine(const QByteArray &field)
{
    int longest = 0;
    for (const QByteArray &line : field.split('\n'))
        longest = std::max(longest, int(line.size() - (line.endsWith('\r') ? 1 : 0)));
    return longest;
}

QStringList fieldsOf(const Error &e)
{
    QStringList out;
    for (const FieldError &f : e.details)
        out << QString::fromStdString(f.field);
    return out;
}

} // namespace

class TestMimeMessage : public QObject {
    Q_OBJECT
private slots:
    void plainMessageLayout()
    {
        MailMessage m = message();
        m.cc = {{{}, u"carol@example.net"_s}};
        m.inReplyTo = "<parent@example.org>";
        m.references = {"<root@example.org>", "<parent@example.org>"};
        const QByteArray mime = build(m);
        QVERIFY(allLinesCrlf(mime));
        const QByteArray head = mime.left(mime.indexOf("\r\n\r\n") + 2);
        for (const char *line : {"From: Ann Seller <ann@example.com>\r\n", "To: Bob Buyer <bob@example.org>\r\n",
                                 "Cc: carol@example.net\r\n", "Subject: Hello\r\n", "Message-ID: <1234-5678@example.com>\r\n",
                                 "In-Reply-To: <parent@example.org>\r\n",
                                 "References: <root@example.org> <parent@example.org>\r\n", "MIME-Version: 1.0\r\n",
                                 "Content-Type: text/plain; charset=UTF-8\r\n", "Content-Transfer-Encoding: base64\r\n"})
            QVERIFY2(head.contains(line), line);
        // The body in canonical form: every line break CRLF, whatever the editor gave.
        const QByteArray body = QByteArray::fromBase64(mime.mid(mime.indexOf("\r\n\r\n") + 4).replace("\r\n", ""));
        QCOMPARE(body, QByteArray("Hi Bob,\r\nsee you Monday.\r\n"));
    }

    void bodyLineBreaksAndLength()
    {
        MailMessage m = message();
        m.body = u"one\ntwo\r\nthree\rfour "_s + QString(700, u'ж') + u"🎉"_s;
        const QByteArray mime = build(m);
        QVERIFY(allLinesCrlf(mime));
        const QList<QByteArray> lines = mime.mid(mime.indexOf("\r\n\r\n") + 4).split('\n');
        QVERIFY(lines.size() > 20);
        QByteArray joined;
        for (const QByteArray &line : lines) {
            QVERIFY2(line.size() <= 77, line.constData());  // 76 + the '\r'
            joined += line.trimmed();
        }
        const QString expected = u"one\r\ntwo\r\nthree\r\nfour "_s + QString(700, u'ж') + u"🎉"_s;
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(joined)), expected);
    }

    void cyrillicSubjectMatchesTheRfc2047Vector()
    {
        // docs/protocols.md D: Python's email.header gives one word for this text.
        const QString subject = u"Привет, мир — CRM тест"_s;
        const QByteArray python = "0J/RgNC40LLQtdGCLCDQvNC40YAg4oCUIENSTSDRgtC10YHRgg==";
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(python)), subject);
        const QByteArray field = rawField(build(message(subject)), "Subject");
        QVERIFY2(field.contains("=?UTF-8?B?"), field.constData());
        QVERIFY(longestHeaderLine(field) <= 76);
        QCOMPARE(decodeWords(unfoldedValue(field)).trimmed(), subject);
    }

    void longSubjectsSplitBetweenCharacters_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::newRow("cyrillic")  << QString(u"Коммерческое предложение по поставке оборудования — "_s).repeated(4);
        QTest::newRow("emoji")     << QString(u"🎉🚀 launch "_s).repeated(20);
        QTest::newRow("cjk")       << QString(u"見積書の件について、ご確認をお願いします。"_s).repeated(5);
        QTest::newRow("mixed")     << u"Re: Angebot für Müller & Söhne — 報告 🧾 (v2)"_s;
        QTest::newRow("ascii =?")  << u"Looks like =?UTF-8?B?x?= but is not"_s;
        QTest::newRow("long word") << QString(120, u'x');
        QTest::newRow("spaces")    << u"  two  spaces  "_s;
    }
    void longSubjectsSplitBetweenCharacters()
    {
        QFETCH(QString, subject);
        const QByteArray field = rawField(build(message(subject)), "Subject");
        QVERIFY(!field.isEmpty());
        QVERIFY2(longestHeaderLine(field) <= 76, field.constData());
        for (char c : field)
            QVERIFY(uchar(c) < 0x80);
        QString decoded = decodeWords(unfoldedValue(field));
        QVERIFY(decoded.startsWith(u' '));
        QCOMPARE(decoded.mid(1), subject);
    }

    void plainAsciiSubjectFoldsAtSpaces()
    {
        const QString subject = QString(u"Quarterly pipeline review "_s).repeated(6).trimmed();
        const QByteArray field = rawField(build(message(subject)), "Subject");
        QVERIFY(!field.contains("=?"));
        QVERIFY(field.count("\r\n ") >= 1);
        QVERIFY(longestHeaderLine(field) <= 76);
        QCOMPARE(QString::fromLatin1(unfoldedValue(field)).mid(1), subject);
    }

    void unicodeDisplayNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("emoji") << u"Party 🎉 Planner 👩‍💼"_s;
        QTest::newRow("cjk")   << u"山田 太郎"_s;
        QTest::newRow("long")  << QString(u"Александра Константиновна "_s).repeated(3).trimmed();
        QTest::newRow("comma") << u"Smith, John"_s;
        QTest::newRow("quote") << u"The \"Boss\" Jones"_s;
    }
    void unicodeDisplayNames()
    {
        QFETCH(QString, name);
        MailMessage m = message();
        m.from.name = name;
        m.to = {{name, u"bob@example.org"_s}, {u"Ева"_s, u"eva@example.org"_s}};
        const QByteArray mime = build(m);
        QVERIFY(allLinesCrlf(mime));
        const QByteArray from = rawField(mime, "From");
        QVERIFY2(longestHeaderLine(from) <= 76, from.constData());
        QVERIFY2(unfoldedValue(from).endsWith(" <ann@example.com>"), from.constData());
        QString decoded = decodeWords(unfoldedValue(from)).trimmed();
        if (decoded.startsWith(u'"'))  // a quoted-string: unquote it
            decoded = decoded.mid(1, decoded.lastIndexOf(u'"') - 1).replace(u"\\\""_s, u"\""_s);
        else
            decoded.chop(int(qstrlen(" <ann@example.com>")));
        QCOMPARE(decoded.trimmed(), name);
        const QByteArray to = unfoldedValue(rawField(mime, "To"));
        QVERIFY2(to.contains("<bob@example.org>, "), to.constData());
        QVERIFY(to.endsWith("<eva@example.org>"));
    }

    void headerInjectionIsRefusedNamingTheField_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        enum { Subject, FromName, FromAddress, ToName, CcAddress };
        QTest::newRow("subject CRLF")  << int(Subject)     << u"Hi\r\nBcc: victim@example.com"_s << u"subject"_s;
        QTest::newRow("subject LF")    << int(Subject)     << u"Hi\nBcc: x@y.z"_s                << u"subject"_s;
        QTest::newRow("subject CR")    << int(Subject)     << u"Hi\rthere"_s                     << u"subject"_s;
        QTest::newRow("subject NUL")   << int(Subject)     << u"Hi"_s + QChar(0) + u"x"_s       << u"subject"_s;
        QTest::newRow("from name LF")  << int(FromName)    << u"Ann\nBcc: x@y.z"_s               << u"from"_s;
        QTest::newRow("from addr CR")  << int(FromAddress) << u"ann@example.com\r"_s             << u"from"_s;
        QTest::newRow("to name NUL")   << int(ToName)      << u"Bob"_s + QChar(0)                << u"to[0]"_s;
        QTest::newRow("cc addr LF")    << int(CcAddress)   << u"c@example.net\nBcc: x@y.z"_s     << u"cc[1]"_s;
    }
    void headerInjectionIsRefusedNamingTheField()
    {
        QFETCH(int, target);
        QFETCH(QString, value);
        QFETCH(QString, field);
        MailMessage m = message();
        m.cc = {{{}, u"ok@example.net"_s}, {{}, u"c@example.net"_s}};
        switch (target) {
        case 0: m.subject = value; break;
        case 1: m.from.name = value; break;
        case 2: m.from.address = value; break;
        case 3: m.to[0].name = value; break;
        case 4: m.cc[1].address = value; break;
        }
        const Result<QByteArray> built = buildMimeMessage(m);
        QVERIFY(!built.ok());
        QCOMPARE(built.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(fieldsOf(built.error()), QStringList{field});
    }

    void otherValidationErrors()
    {
        MailMessage m = message();
        m.to.clear();
        m.messageId = "no-brackets@example.com";
        m.inReplyTo = "<a\r\nb@x>";
        m.references = {"<ok@example.org>", "<bad id@example.org>"};
        m.from.address = u"ännä@example.com"_s;
        const Result<QByteArray> built = buildMimeMessage(m);
        QVERIFY(!built.ok());
        QCOMPARE(fieldsOf(built.error()),
                 (QStringList{u"from"_s, u"to"_s, u"message_id"_s, u"in_reply_to"_s, u"references"_s}));
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain")         << u"a@example.com"_s                << true;
        QTest::newRow("tagged")        << u"first.last+crm@sub.example.co"_s << true;
        QTest::newRow("punycode")      << u"x@xn--mller-kva.de"_s            << true;
        QTest::newRow("no at")         << u"example.com"_s                   << false;
        QTest::newRow("double dot")    << u"a..b@example.com"_s              << false;
        QTest::newRow("empty label")   << u"a@example..com"_s                << false;
        QTest::newRow("space")         << u"a b@example.com"_s               << false;
        QTest::newRow("non-ASCII")     << u"a@müller.de"_s                  << false;
        QTest::newRow("angle")         << u"<a@example.com>"_s               << false;
        QTest::newRow("long local")    << QString(65, u'a') + u"@x.de"_s     << false;
    }
    void addresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QCOMPARE(isValidAddress(address), valid);
    }

    void messageIds()
    {
        const QByteArray a = makeMessageId(u"Ann@Example.COM"_s);
        const QByteArray b = makeMessageId(u"ann@example.com"_s);
        QVERIFY(a != b);
        QVERIFY2(isValidMessageId(a), a.constData());
        QVERIFY(a.endsWith("@example.com>"));
        QVERIFY(makeMessageId().endsWith("@rapport.local>"));
        QVERIFY(makeMessageId(u"not an address"_s).endsWith("@rapport.local>"));
        QVERIFY(!isValidMessageId("<a@b@c>"));
        QVERIFY(!isValidMessageId("<@b>"));
        QVERIFY(!isValidMessageId("a@b"));
    }

    void gmailRawIsUnpaddedBase64UrlAndRoundTrips()
    {
        for (const QByteArray &bytes : {QByteArray(), QByteArray("a"), QByteArray("ab"), QByteArray("abc"),
                                        QByteArray("\xfb\xff\xfe\x3e\x3f"), build(message(u"Привет 🎉"_s))}) {
            const QByteArray raw = gmailRaw(bytes);
            QVERIFY2(!raw.contains('+') && !raw.contains('/') && !raw.contains('='), raw.constData());
            const auto back = QByteArray::fromBase64Encoding(raw, QByteArray::Base64UrlEncoding |
                                                                      QByteArray::AbortOnBase64DecodingErrors);
            QVERIFY(bool(back));
            QCOMPARE(back.decoded, bytes);
        }
        QCOMPARE(gmailRaw("\xfb\xff"), QByteArray("-_8"));
    }
};

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "test_mime_message.moc"
