#pragma once
// A team on one machine for the sync tests: a real rapport-server process on 127.0.0.1 and client
// profiles driven through the real rapportctl, as a user would (RAPPORT_SERVER_PATH, RAPPORTCTL_PATH).
// The keychain is the session's (ctest runs inside a private gnome-keyring, .ci/run).

#include <signal.h>

#include <map>
#include <memory>
#include <string>

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

namespace synctest {

inline const QByteArray kPassword = "correct horse battery staple";

struct Run {
    int exitCode = -1;  // -1: did not start, crashed or was killed
    QByteArray out;
    QByteArray err;
    nlohmann::json json() const { return nlohmann::json::parse(out.toStdString(), nullptr, false); }
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err; }
};

class Cluster {
public:
    Cluster();
    ~Cluster();
    bool ok() const { return m_dir.isValid(); }

    // init + users; then serve on a free port (kept across restarts, so clients keep their URL).
    bool setUp(const QStringList &emails);
    // Serve HTTPS with this certificate and key (call before setUp).
    void useTls(const QString &certFile, const QString &keyFile) { m_tls = {certFile, keyFile}; }
    bool startServer();
    void stopServer(bool kill);  // SIGKILL, or SIGTERM and a graceful shutdown
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString serverDb() const { return m_dir.filePath(QStringLiteral("server/server.db")); }
    QString profile(const QString &name) const { return m_dir.filePath(QStringLiteral("p-") + name); }

    Run ctl(const QString &name, const QStringList &args, const QByteArray &input = {}, qint64 skewMs = 0) const;
    // Starts rapportctl and returns the running process, for kill tests.
    std::unique_ptr<QProcess> startCtl(const QString &name, const QStringList &args) const;
    bool login(const QString &name, const QString &email);
    Run loginRun(const QString &name, const QString &email, const QStringList &extra = {});
    nlohmann::json sync(const QString &name, qint64 skewMs = 0) const;  // the status; null when it failed to run
    nlohmann::json route(const QString &name, const QString &method, const QString &target,
                         const nlohmann::json &body = nullptr, qint64 skewMs = 0) const;

    // Every live contact and company as {id: fields}, without local times: what must match everywhere.
    nlohmann::json exportAll(const QString &name) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    QStringList m_tls;
    QString m_url;
};

} // namespace synctest
