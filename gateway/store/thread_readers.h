#pragma once
// Read connections belong to the thread that opened them (a QtSql rule): each thread keeps one per
// open database, closed when the thread ends or when the database is closed on that thread. Shared by
// the desktop's Store and the server's ServerStore.

#include <QString>

namespace rapport {

class Connection;

// A number no other open database (of either kind) has: the key of its readers.
quint64 newDatabaseSerial();
// The calling thread's read connection to `path`, opened on first use. When it cannot be opened (the
// system is out of resources) an invalid connection is returned, not cached, so later calls retry.
Connection &threadReader(quint64 serial, const QString &path, const QString &namePrefix);
// Closes the calling thread's read connection of this database, if it has one.
void dropThreadReader(quint64 serial);

} // namespace rapport
