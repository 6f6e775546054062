#pragma once
// A real server.db in a throw-away folder with Accounts on a hand-driven wall clock.

#include <atomic>
#include <memory>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "server/accounts.h"
#include "server/server_store.h"

namespace rapport::server::test {

inline constexpr std::string_view kPassword = "correct horse battery";

struct TestServer {
    QTemporaryDir dir;
    std::shared_ptr<std::atomic<std::int64_t>> clock = std::make_shared<std::atomic<std::int64_t>>(1'800'000'000'000);
    std::unique_ptr<ServerStore> store;
    std::unique_ptr<Accounts> accounts;

    explicit TestServer(bool withTeam = true)
    {
        reopen();
        if (withTeam && !accounts->initTeam("Sales North"))
            qFatal("initTeam failed");
    }

    // Closes and opens server.db again, as a restarted server would.
    void reopen(AccountPolicy policy = {})
    {
        accounts.reset();
        store.reset();
        auto opened = ServerStore::open(dir.path());
        if (!opened)
            qFatal("cannot open server.db: %s", opened.error().message.c_str());
        store = std::move(*opened);
        auto made = Accounts::create(*store, policy, [c = clock] { return c->load(); });
        if (!made)
            qFatal("cannot create accounts: %s", made.error().message.c_str());
        accounts = std::move(*made);
    }

    void advanceMs(std::int64_t ms) { *clock += ms; }

    User add(std::string_view email, std::string_view password = kPassword, bool admin = false)
    {
        auto user = accounts->addUser(email, password, admin);
        if (!user)
            qFatal("addUser failed: %s", user.error().message.c_str());
        return *user;
    }

    // Every byte of every file in the data folder (the database, its WAL and shared memory).
    QByteArray allBytes() const
    {
        QByteArray out;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden)) {
            QFile f(QDir(dir.path()).filePath(name));
            if (f.open(QIODevice::ReadOnly))
                out += f.readAll();
        }
        return out;
    }
};

} // namespace rapport::server::test
