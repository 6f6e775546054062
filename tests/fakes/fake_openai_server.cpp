#include "fakes/fake_openai_server.h"

#include <chrono>

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace rapport::fakes {

// One accepted connection: reads requests (keep-alive, one at a time) and plays their replies.
class FakeConnection : public QObject {
public:
    FakeConnection(QTcpSocket *socket, FakeOpenAiServer *server)
        : QObject(server), m_socket(socket), m_server(server)
    {
        socket->setParent(this);
        // Providers stream with Nagle off; with it on, each small event on a kept-alive connection would
        // wait for the client's delayed ACK (up to 40 ms) and the fake would measure the kernel, not us.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { writeNext(); });
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_timer.stop();
            if (!m_closedByUs)
                m_server->noteDisconnect(m_midReply);
            deleteLater();
        });
    }

private:
    void onReadyRead()
    {
        QByteArray bytes = m_socket->readAll();
        while (!m_midReply) {
            const HttpRequestReader::Status status = m_reader.feed(bytes);
            bytes.clear();
            if (status == HttpRequestReader::Status::NeedMore)
                return;
            if (status == HttpRequestReader::Status::Bad) {
                play(FakeReply::error(400, m_reader.badReason()));
                closeByUs();
                return;
            }
            RecordedRequest request = m_reader.take();
            play(m_server->answer(request));
        }
    }

    void play(FakeReply reply)
    {
        if (reply.dropConnection) {
            closeByUs();
            return;
        }
        m_reply = std::move(reply);
        m_next = 0;
        m_midReply = true;
        HeaderList headers = m_reply.headers;
        const bool isStream = m_reply.status == 200;
        if (!isStream) {
            // Error answers come whole with a length, as real providers send them; the connection stays usable.
            headers.emplaceBack("Content-Length", QByteArray::number(m_reply.body().size()));
            m_reply.chunkedEncoding = false;
            m_lengthDelimited = true;
        } else {
            m_lengthDelimited = false;
            headers.emplaceBack("Content-Type", "text/event-stream");
            headers.emplaceBack("Cache-Control", "no-cache");
            if (m_reply.chunkedEncoding)
                headers.emplaceBack("Transfer-Encoding", "chunked");
            else
                headers.emplaceBack("Connection", "close");
        }
        m_socket->write(responseHead(m_reply.status, headers));
        m_socket->flush();
        writeNext();
    }

    void writeNext()
    {
        while (m_next < m_reply.chunks.size()) {
            QByteArray chunk = m_reply.chunks[m_next++];
            if (m_reply.stampChunks)
                stamp(chunk);
            m_socket->write(m_reply.chunkedEncoding ? encodeChunk(chunk) : chunk);
            m_socket->flush();
            if (m_reply.pauseMs > 0 && m_next < m_reply.chunks.size()) {
                m_timer.start(m_reply.pauseMs);
                return;
            }
        }
        endReply();
    }

    static void stamp(QByteArray &chunk)
    {
        const auto ns = std::chrono::steady_clock::now().time_since_epoch().count();
        const QByteArray now = QByteArray::number(qint64(ns)).rightJustified(FakeReply::kStampPlaceholder.size(), '0');
        chunk.replace(FakeReply::kStampPlaceholder.toByteArray(), now);
    }

    void endReply()
    {
        if (m_reply.hang)
            return;  // silent and open: a stalled provider
        if (m_reply.truncate || (!m_reply.chunkedEncoding && !m_lengthDelimited)) {
            closeByUs();
            return;
        }
        if (m_reply.chunkedEncoding)
            m_socket->write(lastChunk);
        m_socket->flush();
        m_midReply = false;
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
    }

    void closeByUs()
    {
        m_closedByUs = true;
        m_midReply = false;
        m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    FakeOpenAiServer *m_server;
    HttpRequestReader m_reader;
    FakeReply m_reply;
    QTimer m_timer;
    qsizetype m_next = 0;
    bool m_midReply = false;
    bool m_lengthDelimited = false;
    bool m_closedByUs = false;
};

FakeOpenAiServer::FakeOpenAiServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            new FakeConnection(socket, this);
        }
    });
}

FakeOpenAiServer::~FakeOpenAiServer() = default;

bool FakeOpenAiServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeOpenAiServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_server.serverPort()));
}

void FakeOpenAiServer::noteDisconnect(bool midReply)
{
    if (midReply)
        ++m_disconnectsMidReply;
    emit clientDisconnected(midReply);
}

FakeReply FakeOpenAiServer::answer(RecordedRequest &request)
{
    using json = nlohmann::json;
    request.receivedAtMs = m_clock.elapsed();
    std::optional<FakeReply> rejection;
    auto reject = [&](int status, const QString &problem) {
        request.problems << problem;
        if (!rejection)
            rejection = FakeReply::error(status, problem);
    };
    if (request.target != "/v1/chat/completions")
        reject(404, u"Not Found: "_s + QString::fromLatin1(request.target));
    if (request.method != "POST")
        reject(405, u"Method Not Allowed"_s);
    if (request.header("Authorization") != "Bearer " + m_apiKey)
        reject(401, u"The API key you provided is invalid."_s);
    if (!request.header("Content-Type").startsWith("application/json"))
        reject(400, u"Content-Type must be application/json"_s);
    if (!request.header("Accept").contains("text/event-stream"))
        request.problems << u"Accept: text/event-stream missing on a streaming request"_s;
    const json &body = request.json;
    if (!body.is_object()) {
        reject(400, u"body is not a JSON object"_s);
    } else {
        const auto messages = body.find("messages");
        if (messages == body.end() || !messages->is_array() || messages->empty())
            reject(400, u"messages must be a non-empty array"_s);
        else
            for (const json &m : *messages)
                if (!m.is_object() || !m.contains("role") || !m.contains("content"))
                    reject(400, u"every message needs role and content"_s);
        if (body.value("stream", json()) != json(true))
            reject(400, u"stream must be true"_s);
        if (!body.contains("stream_options") || body["stream_options"].value("include_usage", json()) != json(true))
            request.problems << u"stream_options.include_usage not requested"_s;
        if (!body.value("temperature", json()).is_number() || !body.value("max_tokens", json()).is_number_integer())
            request.problems << u"temperature or max_tokens missing"_s;
        const auto model = body.find("model");
        if (model == body.end() || !model->is_string())
            reject(400, u"model is required"_s);
        else if (QString::fromStdString(model->get<std::string>()) != m_model)
            reject(404, u"Model not found, inaccessible, and/or not deployed"_s);
    }
    m_requests.append(request);
    emit requestReceived(int(m_requests.size() - 1));
    if (rejection)
        return *rejection;
    if (m_script.isEmpty())
        return FakeReply::error(500, u"fake: no scripted reply"_s);
    return m_script.takeFirst();
}

FakeReply FakeReply::stream(const QList<QByteArray> &events)
{
    FakeReply reply;
    reply.chunks = events;
    return reply;
}

FakeReply FakeReply::error(int status, const QString &message, const HeaderList &headers, const QByteArray &rawBody)
{
    FakeReply reply;
    reply.status = status;
    reply.headers = headers;
    reply.headers.emplaceBack("Content-Type", "application/json");
    const nlohmann::json body = {{"error", {{"object", "error"}, {"type", "invalid_request_error"},
                                            {"message", message.toStdString()}}}};
    reply.chunks = {rawBody.isEmpty() ? QByteArray::fromStdString(body.dump()) : rawBody};
    return reply;
}

FakeReply FakeReply::drop()
{
    FakeReply reply;
    reply.dropConnection = true;
    return reply;
}

QByteArray FakeReply::body() const
{
    return chunks.join();
}

FakeReply &FakeReply::splitAt(const QList<qsizetype> &offsets)
{
    const QByteArray all = body();
    chunks.clear();
    qsizetype from = 0;
    for (qsizetype offset : offsets) {
        if (offset <= from || offset >= all.size())
            continue;
        chunks << all.mid(from, offset - from);
        from = offset;
    }
    chunks << all.mid(from);
    return *this;
}

FakeReply &FakeReply::splitEvery(qsizetype n)
{
    QList<qsizetype> offsets;
    for (qsizetype at = n; at < body().size(); at += n)
        offsets << at;
    return splitAt(offsets);
}

} // namespace rapport::fakes
