#include "thread_network.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>
#include <QThreadStorage>

namespace rapport {

QNetworkAccessManager &threadNetwork()
{
    // The main thread's manager goes with the application object: QThreadStorage would delete it only
    // after main() returned, when Qt's network internals are already gone.
    if (QCoreApplication *app = QCoreApplication::instance(); app && QThread::currentThread() == app->thread()) {
        static QPointer<QNetworkAccessManager> mainThread;
        if (!mainThread)
            mainThread = new QNetworkAccessManager(app);
        return *mainThread;
    }
    static QThreadStorage<QNetworkAccessManager *> perThread;  // deletes each worker's manager at its exit
    if (!perThread.hasLocalData())
        perThread.setLocalData(new QNetworkAccessManager);
    return *perThread.localData();
}

} // namespace rapport
