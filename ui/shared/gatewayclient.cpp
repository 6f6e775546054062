#include "shared/gatewayclient.h"

#include <QPointer>
#include <QThreadPool>

#include "core/stream.h"
#include "gateway.h"

namespace rapport {

GatewayClient::GatewayClient(Gateway &gateway, QObject *parent) : QObject(parent), m_gateway(gateway)
{
    m_thread.setObjectName(QStringLiteral("gateway-client"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

GatewayClient::~GatewayClient()
{
    // Quit through the worker's queue so requests posted before this run first (a save queued just
    // before closing the window must still reach the database).
    QMetaObject::invokeMethod(m_worker, [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    m_pool.waitForDone();
}

void GatewayClient::call(Request request, QObject *context, Callback done)
{
    Q_ASSERT(context && context->thread() == thread());
    QPointer<QObject> guard(context);
    QPointer<GatewayClient> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [this, self, guard, request = std::move(request), done = std::move(done)]() mutable {
            deliver(m_gateway.handle(std::move(request)), guard, std::move(done));
        },
        Qt::QueuedConnection);
}

// Hops back through this object (GUI thread) and checks the context there, where it is deleted:
// checking on the calling thread would race with its destruction.
void GatewayClient::deliver(Response response, const QPointer<QObject> &guard, Callback done)
{
    QMetaObject::invokeMethod(
        this,
        [this, guard, response = std::move(response), done = std::move(done)]() {
            if (guard)
                done(response);
            emit requestFinished(response.status);
        },
        Qt::QueuedConnection);
}

void GatewayClient::call(Method method, const std::string &target, QObject *context, Callback done)
{
    call(Request::make(method, target), context, std::move(done));
}

void GatewayClient::call(Method method, const std::string &target, const nlohmann::json &body, QObject *context,
                         Callback done)
{
    call(Request::make(method, target, body.dump()), context, std::move(done));
}

namespace {

// Lives on the worker thread (called by the stream there); forwards each call to the GUI thread, where
// the context is checked, and tells the client when the stream is over.
class QueuedSink final : public StreamSink {
public:
    QueuedSink(GatewayClient *client, QPointer<QObject> context, GatewayClient::StreamCallbacks callbacks,
               std::function<void()> over)
        : m_client(client), m_context(std::move(context)), m_callbacks(std::move(callbacks)), m_over(std::move(over))
    {
    }
    void event(const nlohmann::json &data) override
    {
        post([cb = m_callbacks.event, data] { if (cb) cb(data); });
    }
    void end(const nlohmann::json &summary) override
    {
        post([cb = m_callbacks.end, summary] { if (cb) cb(summary); });
        m_over();
    }
    void fail(const Error &error) override
    {
        post([cb = m_callbacks.fail, error] { if (cb) cb(error); });
        m_over();
    }

private:
    void post(std::function<void()> f)
    {
        QMetaObject::invokeMethod(
            m_client, [guard = m_context, f = std::move(f)] { if (guard) f(); }, Qt::QueuedConnection);
    }
    GatewayClient *m_client;
    QPointer<QObject> m_context;
    GatewayClient::StreamCallbacks m_callbacks;
    std::function<void()> m_over;
};

} // namespace

quint64 GatewayClient::stream(Request request, QObject *context, StreamCallbacks callbacks)
{
    Q_ASSERT(context && context->thread() == thread());
    const quint64 id = m_nextStreamId++;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, id, guard, request = std::move(request), callbacks = std::move(callbacks)]() mutable {
            Response response = m_gateway.handle(std::move(request));
            if (!response.isStream()) {
                QMetaObject::invokeMethod(
                    this,
                    [guard, response = std::move(response), callbacks = std::move(callbacks)] {
                        if (!guard)
                            return;
                        if (response.isSuccess() && callbacks.end)
                            callbacks.end(response.body);
                        else if (!response.isSuccess() && callbacks.fail)
                            callbacks.fail(Error::fromJson(response.body));
                    },
                    Qt::QueuedConnection);
                return;
            }
            m_streams[id] = response.stream;
            // Forget the stream once over, later in the worker's queue: it may still be on the call stack.
            auto over = [this, id] {
                QMetaObject::invokeMethod(m_worker, [this, id] { m_streams.erase(id); }, Qt::QueuedConnection);
            };
            response.stream->start(std::make_shared<QueuedSink>(this, guard, std::move(callbacks), over));
        },
        Qt::QueuedConnection);
    return id;
}

void GatewayClient::cancelStream(quint64 id)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, id] {
            if (auto it = m_streams.find(id); it != m_streams.end())
                it->second->cancel();
        },
        Qt::QueuedConnection);
}

void GatewayClient::callInBackground(Request request, QObject *context, Callback done)
{
    Q_ASSERT(context && context->thread() == thread());
    QPointer<QObject> guard(context);
    m_pool.start([this, guard, request = std::move(request), done = std::move(done)]() mutable {
        deliver(m_gateway.handle(std::move(request)), guard, std::move(done));
    });
}

void GatewayClient::runInBackground(std::function<void()> work, QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, guard, work = std::move(work), done = std::move(done)]() {
        work();
        QMetaObject::invokeMethod(
            this,
            [guard, done]() {
                if (guard)
                    done();
            },
            Qt::QueuedConnection);
    });
}

} // namespace rapport
