#pragma once
// The window's way into the gateway. Requests run on one worker thread (so they keep their order and the
// GUI thread never waits on SQLite); each reply is delivered on the GUI thread to a callback whose
// context object must still be alive, otherwise it is dropped.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <nlohmann/json.hpp>

#include "core/request.h"
#include "core/response.h"

namespace rapport {

class Gateway;

class GatewayClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Response &)>;

    explicit GatewayClient(Gateway &gateway, QObject *parent = nullptr);
    ~GatewayClient() override;  // finishes queued requests, then stops the worker

    Gateway &gateway() { return m_gateway; }

    // context lives on this object's (the GUI) thread; done runs there, only if context still exists.
    void call(Request request, QObject *context, Callback done);
    void call(Method method, const std::string &target, QObject *context, Callback done);
    void call(Method method, const std::string &target, const nlohmann::json &body, QObject *context,
              Callback done);

    // A streaming route (POST /ai/chat, ...). The route runs on the worker thread, which also hosts the
    // stream's network I/O; each event, then exactly one of end or fail, is delivered on the GUI thread
    // while context lives. A route that answers without a stream (a 400, say) ends in fail() with its
    // error, or in end() with its body when it succeeded. Returns an id for cancelStream().
    struct StreamCallbacks {
        std::function<void(const nlohmann::json &event)> event;
        std::function<void(const nlohmann::json &summary)> end;
        std::function<void(const Error &error)> fail;
    };
    quint64 stream(Request request, QObject *context, StreamCallbacks callbacks);
    // Stops a running stream (and its upstream request); its fail() then reports Cancelled. Unknown or
    // finished ids are ignored.
    void cancelStream(quint64 id);

    // A route that waits on the network inside (POST /sync/now, /sync/login, /sync/logout), run on a
    // pool thread instead of the request thread, so the window's other requests keep flowing meanwhile.
    void callInBackground(Request request, QObject *context, Callback done);

    // Long work (demo data, import) on a pool thread so requests keep flowing; done on the GUI thread.
    void runInBackground(std::function<void()> work, QObject *context, std::function<void()> done);

signals:
    void requestFinished(int status);  // after each reply, for the status bar / tests

private:
    void deliver(Response response, const QPointer<QObject> &guard, Callback done);  // from any thread

    Gateway &m_gateway;
    QThread m_thread;
    QThreadPool m_pool;  // background jobs; the destructor waits for them (they use the gateway)
    QObject *m_worker = nullptr;  // lives in m_thread; requests are queued to it
    quint64 m_nextStreamId = 1;   // GUI thread only
    // Running streams by id; touched on the worker thread only.
    std::map<quint64, std::shared_ptr<Stream>> m_streams;
};

} // namespace rapport
