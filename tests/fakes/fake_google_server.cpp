#include "fakes/fake_google_server.h"

#include <QHostAddress>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace rapport::fakes {

FormItems parseForm(QByteArrayView encoded)
{
    FormItems items;
    for (QByteArray pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

QStringList formValues(const FormItems &items, const QString &key)
{
    QStringList values;
    for (const auto &[k, v] : items)
        if (k == key)
            values << v;
    return values;
}

QString formValue(const FormItems &items, const QString &key)
{
    const QStringList values = formValues(items, key);
    return values.isEmpty() ? QString() : values.first();
}

// One accepted connection: requests one at a time (keep-alive), each answered whole with a length.
class FakeGoogleServer::Connection : public QObject {
public:
    Connection(QTcpSocket *socket, FakeGoogleServer *server) : QObject(server), m_socket(socket), m_server(server)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onReadyRead()
    {
        QByteArray bytes = m_socket->readAll();
        while (m_socket->state() == QAbstractSocket::ConnectedState) {
            const HttpRequestReader::Status status = m_reader.feed(bytes);
            bytes.clear();
            if (status == HttpRequestReader::Status::NeedMore)
                return;
            if (status == HttpRequestReader::Status::Bad) {
                m_server->problem(u"unreadable HTTP request: "_s + m_reader.badReason());
                send({400, {}, m_reader.badReason().toUtf8()}, true);
                return;
            }
            RecordedRequest request = m_reader.take();
            const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
            send(m_server->handle(std::move(request)), close);
        }
    }

    void send(Answer answer, bool close)
    {
        answer.headers.emplaceBack("Content-Length", QByteArray::number(answer.body.size()));
        if (close)
            answer.headers.emplaceBack("Connection", "close");
        m_socket->write(responseHead(answer.status, answer.headers) + answer.body);
        if (close)
            m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    FakeGoogleServer *m_server;
    HttpRequestReader m_reader;
};

FakeGoogleServer::FakeGoogleServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            new Connection(socket, this);
    });
}

FakeGoogleServer::~FakeGoogleServer() = default;

bool FakeGoogleServer::listen()
{
    return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
}

QUrl FakeGoogleServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

QUrl FakeGoogleServer::authUrl() const { return baseUrl().resolved(QUrl(u"/o/oauth2/v2/auth"_s)); }
QUrl FakeGoogleServer::tokenUrl() const { return baseUrl().resolved(QUrl(u"/token"_s)); }
QUrl FakeGoogleServer::revokeUrl() const { return baseUrl().resolved(QUrl(u"/revoke"_s)); }
QUrl FakeGoogleServer::gmailApiUrl() const { return baseUrl(); }
QString FakeGoogleServer::issuer() const { return baseUrl().toString(); }

void FakeGoogleServer::setClient(const QString &id, const QString &secret)
{
    m_clientId = id;
    m_clientSecret = secret;
}

FakeGoogleServer::Answer FakeGoogleServer::handle(RecordedRequest request)
{
    m_requests.append(request);
    const qsizetype mark = request.target.indexOf('?');
    const QByteArray path = mark < 0 ? request.target : request.target.left(mark);
    const FormItems query = parseForm(mark < 0 ? QByteArrayView() : QByteArrayView(request.target).sliced(mark + 1));
    Answer answer;
    if (path == "/o/oauth2/v2/auth")
        answer = request.method == "GET" ? authorize(query) : Answer{405, {}, "GET only"};
    else if (path == "/token")
        answer = token(request);
    else if (path == "/revoke")
        answer = revoke(request);
    else if (path.startsWith("/gmail/v1/users/me/"))
        answer = gmail(request, path.mid(qsizetype(sizeof("/gmail/v1/users/me/") - 1)), query);
    else
        answer = {404, {}, "Not Found"};
    emit requestHandled(request.method, path, answer.status);
    return answer;
}

} // namespace rapport::fakes
