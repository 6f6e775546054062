#include "shared/gatewayclient.h"

#include <QPointer>
#include <QThreadPool>

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
            Response response = m_gateway.handle(std::move(request));
            // Hop back through this object (GUI thread) and check the context there, where it is
            // deleted: checking on the worker thread would race with its destruction.
            QMetaObject::invokeMethod(
                this,
                [this, guard, response = std::move(response), done = std::move(done)]() {
                    if (guard)
                        done(response);
                    emit requestFinished(response.status);
                },
                Qt::QueuedConnection);
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
