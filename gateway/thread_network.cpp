#include "thread_network.h"

#include <QNetworkAccessManager>
#include <QThreadStorage>

namespace rapport {

QNetworkAccessManager &threadNetwork()
{
    static QThreadStorage<QNetworkAccessManager *> perThread;  // deletes each thread's manager at its exit
    if (!perThread.hasLocalData())
        perThread.setLocalData(new QNetworkAccessManager);
    return *perThread.localData();
}

} // namespace rapport
