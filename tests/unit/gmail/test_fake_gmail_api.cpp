// The fake Gmail API checked against protocols.md D with a plain QNetworkAccessManager, so the
// Gmail client tests that come later can trust it: Bearer and scopes, search and paging, metadata,
// drafts and sends decoded from every base64 variant, and rate limits on demand.

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QtTest>

#include "fakes/fake_google_server.h"
#include "gmail/mime_message.h"
#include "gmail/oauth_config.h"

using namespace Qt::StringLiterals;
using namespace rapport::fakes;
using json = nlohmann::json;

namespace {

const QString kReadonly = QString::fromLatin1(rapport::gmail::kScopeReadonly);
const QString kCompose = QString::fromLatin1(rapport::gmail::kScopeCompose);
const QString kSendOnly = u"https://www.googleapis.com/auth/gmail.send"_s;
const QByteArray kTinyRaw = QByteArray("To: a@b.c\r\n\r\nhi").toBase64();

struct Reply {
    int status = 0;
    json body;
    QByteArray wwwAuthenticate;
    std::string reason() const { return body["error"]["errors"][0].value("reason", ""); }
};

FakeMailMessage mail(const QString &from, const QString &to, const QString &subject, qint64 when)
{
    FakeMailMessage m;
    m.from = from;
    m.to = to;
    m.subject = subject;
    m.snippet = subject + u" snippet"_s;
    m.internalDateMs = when;
    m.rfc822MessageId = "<" + QByteArray::number(when) + "@example.org>";
    return m;
}

} // namespace

class TestFakeGmailApi : public QObject {
    Q_OBJECT

    FakeGoogleServer *m_google = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QString m_token;

    Reply call(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body = {},
               const std::optional<QString> &token = std::nullopt)
    {
        QNetworkRequest request(QUrl::fromEncoded(m_google->baseUrl().toEncoded() + "/gmail/v1/users/me/" + pathAndQuery));
        const QString bearer = token.value_or(m_token);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
        Reply out;
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000))
            return out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        out.body = json::parse(bytes.begin(), bytes.end(), nullptr, false);
        out.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
        reply->deleteLater();
        return out;
    }

    QByteArray sendBody(const QByteArray &raw, bool draft)
    {
        const json message = {{"raw", raw.toStdString()}};
        return QByteArray::fromStdString((draft ? json{{"message", message}} : message).dump());
    }

private slots:
    void init()
    {
        m_google = new FakeGoogleServer(this);
        QVERIFY(m_google->listen());
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_token = m_google->grantForTest({kCompose, kReadonly});
    }
    void cleanup()
    {
        delete m_google;
        delete m_network;
    }

    void bearerIsRequired()
    {
        for (const QString &token : {QString(), u"ya29.made-up"_s}) {
            const Reply r = call("GET", "profile", {}, token);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.reason(), std::string("authError"));
            QCOMPARE(r.body["error"]["status"], json("UNAUTHENTICATED"));
            QVERIFY(r.wwwAuthenticate.startsWith("Bearer "));
        }
        QCOMPARE(call("GET", "profile").status, 200);
        m_google->expireAccessTokens();
        QCOMPARE(call("GET", "profile").status, 401);
        m_token = m_google->grantForTest({kReadonly});
        m_google->revokeAllGrants();
        QCOMPARE(call("GET", "profile").status, 401);
    }

    void scopesAreEnforced()
    {
        m_token = m_google->grantForTest({kSendOnly});
        for (const QByteArray &path : {QByteArray("profile"), QByteArray("messages")}) {
            const Reply r = call("GET", path);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.reason(), std::string("insufficientPermissions"));
            QCOMPARE(r.body["error"]["message"], json("Request had insufficient authentication scopes."));
        }
        QCOMPARE(call("POST", "drafts", sendBody(kTinyRaw, true)).status, 403);  // send-only: no drafts
        QCOMPARE(call("POST", "messages/send", sendBody(kTinyRaw, false)).status, 200);
        m_token = m_google->grantForTest({kReadonly});
        QCOMPARE(call("POST", "messages/send", sendBody(kTinyRaw, false)).status, 403);
    }

    void profile()
    {
        m_google->setAccountEmail(u"seller@example.com"_s);
        const Reply r = call("GET", "profile");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["emailAddress"], json("seller@example.com"));
        QVERIFY(r.body["historyId"].is_string());
    }

    void emptySearchHasNoMessagesKey()
    {
        const Reply r = call("GET", "messages?q=from%3Anobody%40example.com");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains("messages"));
        QVERIFY(!r.body.contains("nextPageToken"));
        QCOMPARE(r.body["resultSizeEstimate"], json(0));
    }

    void searchAndPaging()
    {
        for (int i = 1; i <= 5; ++i)
            m_google->addMessage(mail(u"Ann <ann@client.com>"_s, u"me@example.com"_s, u"Offer %1"_s.arg(i), 1000 * i));
        m_google->addMessage(mail(u"me@example.com"_s, u"ann@client.com"_s, u"Reply"_s, 9000));
        m_google->addMessage(mail(u"other@else.com"_s, u"me@example.com"_s, u"Spam"_s, 8000));

        QStringList ids;
        QByteArray query = "messages?maxResults=3&q=" + QUrl::toPercentEncoding(u"from:ann@client.com OR to:ann@client.com"_s);
        for (int page = 0; page < 5; ++page) {
            const Reply r = call("GET", query);
            QCOMPARE(r.status, 200);
            for (const json &m : r.body["messages"])
                ids << QString::fromStdString(m["id"].get<std::string>());
            QCOMPARE(r.body["resultSizeEstimate"], json(6));
            if (!r.body.contains("nextPageToken"))
                break;
            query = "messages?maxResults=3&q=" + QUrl::toPercentEncoding(u"{from:ann@client.com to:ann@client.com}"_s) +
                    "&pageToken=" + QUrl::toPercentEncoding(QString::fromStdString(r.body["nextPageToken"].get<std::string>()));
        }
        QCOMPARE(ids, (QStringList{u"m6"_s, u"m5"_s, u"m4"_s, u"m3"_s, u"m2"_s, u"m1"_s}));  // newest first
        QCOMPARE(call("GET", "messages?pageToken=bogus").status, 400);

        const Reply byId = call("GET", "messages?q=rfc822msgid%3A%3C3000%40example.org%3E");
        QCOMPARE(byId.body["messages"].size(), size_t(1));
        QCOMPARE(byId.body["messages"][0]["id"], json("m3"));
        // '+' in a query means a space to Google: an unencoded plus in an address finds nothing.
        m_google->addMessage(mail(u"a+b@x.com"_s, u"me@example.com"_s, u"Plus"_s, 100));
        QVERIFY(!call("GET", "messages?q=from:a+b@x.com").body.contains("messages"));
        QCOMPARE(call("GET", "messages?q=from:a%2Bb@x.com").body["messages"].size(), size_t(1));
        QVERIFY(m_google->problems().isEmpty());
    }

    void metadataGet()
    {
        FakeMailMessage m = mail(u"Ann <ann@client.com>"_s, u"me@example.com"_s, u"Angebot für Sie"_s, 1700000000000);
        m.cc = u"boss@example.com"_s;
        m_google->addMessage(m);
        const Reply r = call("GET", "messages/m1?format=metadata&metadataHeaders=From&metadataHeaders=Subject");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["snippet"], json("Angebot für Sie snippet"));
        QCOMPARE(r.body["internalDate"], json("1700000000000"));
        const json headers = r.body["payload"]["headers"];
        QCOMPARE(headers.size(), size_t(2));
        QCOMPARE(headers[0]["name"], json("From"));
        QCOMPARE(headers[1]["value"], json("Angebot für Sie"));
        QVERIFY(!r.body["payload"].contains("body"));
        QCOMPARE(call("GET", "messages/nope?format=metadata").status, 404);
        QCOMPARE(call("GET", "messages/m1?format=weird").status, 400);
    }

    void sendAndDraftDecodeEveryRawVariant()
    {
        rapport::gmail::MailMessage message;
        message.from = {u"Ann"_s, u"me@example.com"_s};
        message.to = {{u"Пётр Иванов"_s, u"petr@client.ru"_s}};
        message.subject = u"Привет, мир — CRM тест 🎉"_s;
        message.body = u"Здравствуйте!\n"_s.repeated(20);
        message.messageId = rapport::gmail::makeMessageId(message.from.address);
        const auto built = rapport::gmail::buildMimeMessage(message);
        QVERIFY(built.ok());
        const QByteArray mime = built.value();
        const QByteArray url = rapport::gmail::gmailRaw(mime);
        const QList<QByteArray> variants = {url, mime.toBase64(QByteArray::Base64UrlEncoding), mime.toBase64(),
                                            mime.toBase64(QByteArray::OmitTrailingEquals)};
        for (qsizetype i = 0; i < variants.size(); ++i) {
            const bool draft = i % 2 == 1;
            const Reply r = call("POST", draft ? "drafts" : "messages/send", sendBody(variants[i], draft));
            QCOMPARE(r.status, 200);
            QCOMPARE(m_google->received().last().mime, mime);
            QCOMPARE(m_google->received().last().raw, variants[i]);
            const json &ref = draft ? r.body["message"] : r.body;
            QCOMPARE(ref["labelIds"][0], json(draft ? "DRAFT" : "SENT"));
            if (draft)
                QVERIFY(r.body["id"].is_string());
        }
        QVERIFY2(m_google->problems().isEmpty(), qPrintable(m_google->problems().join(u"; "_s)));
        const FakeMailMessage &stored = m_google->mailbox().last();
        QCOMPARE(stored.subject, message.subject);  // encoded-words decoded as Gmail shows them
        QCOMPARE(stored.to, u"Пётр Иванов <petr@client.ru>"_s);
        const QByteArray find = "messages?q=" + QUrl::toPercentEncoding(u"rfc822msgid:"_s + QString::fromLatin1(message.messageId));
        QCOMPARE(call("GET", find).body["messages"].size(), size_t(4));
    }

    void badSendsAreRefusedAndSloppyMimeIsReported()
    {
        QCOMPARE(call("POST", "messages/send", R"({"raw":"@@not base64@@"})").status, 400);
        QCOMPARE(call("POST", "messages/send", R"({"nope":1})").status, 400);
        QCOMPARE(call("POST", "drafts", QByteArray(R"({"raw":")" + kTinyRaw + R"("})")).status, 400);  // drafts need {message:{raw}}
        QCOMPARE(call("POST", "messages/send", sendBody(QByteArray("Subject: x\r\n\r\nno recipient").toBase64(), false)).status, 400);
        QVERIFY(m_google->received().isEmpty());

        const QByteArray sloppy = "To: a@b.c\nSubject: =?UTF-8?B?" + QByteArray(80, 'A') + "?=\r\n\r\nbody";
        QCOMPARE(call("POST", "messages/send", sendBody(sloppy.toBase64(), false)).status, 200);
        const QString problems = m_google->problems().join(u"; "_s);
        QVERIFY2(problems.contains(u"not CRLF"_s), qPrintable(problems));
        QVERIFY2(problems.contains(u"longer than 75"_s), qPrintable(problems));
    }

    void rateLimitAndBackendErrorsOnDemand()
    {
        m_google->failNextGmailCalls(2, 429);
        for (int i = 0; i < 2; ++i) {
            const Reply r = call("GET", "profile");
            QCOMPARE(r.status, 429);
            QCOMPARE(r.reason(), std::string("userRateLimitExceeded"));
        }
        QCOMPARE(call("GET", "profile").status, 200);
        m_google->failNextGmailCalls(1, 503);
        const Reply r = call("GET", "messages");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.reason(), std::string("backendError"));
        QCOMPARE(call("GET", "profile", {}, QString()).status, 401);  // authentication is checked first
    }
};

QTEST_GUILESS_MAIN(TestFakeGmailApi)
#include "test_fake_gmail_api.moc"
