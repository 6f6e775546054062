#include "sync_cluster.h"

#include <QThread>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace synctest {

namespace {

Run finish(QProcess &process, const QByteArray &input)
{
    Run run;
    if (!process.waitForStarted())
        return run;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(180000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QProcessEnvironment ctlEnvironment(qint64 skewMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"RAPPORT_PROFILE"_s);
    env.remove(u"RAPPORT_CLOCK_SKEW_MS"_s);
    if (skewMs != 0)
        env.insert(u"RAPPORT_CLOCK_SKEW_MS"_s, QString::number(skewMs));
    return env;
}

} // namespace

Cluster::Cluster() = default;

Cluster::~Cluster()
{
    stopServer(true);
}

bool Cluster::setUp(const QStringList &emails)
{
    const QString data = m_dir.filePath(u"server"_s);
    QProcess init;
    init.start(QStringLiteral(RAPPORT_SERVER_PATH), {u"--data"_s, data, u"init"_s, u"--team"_s, u"Acme"_s});
    if (finish(init, {}).exitCode != 0)
        return false;
    for (const QString &email : emails) {
        QProcess add;
        add.start(QStringLiteral(RAPPORT_SERVER_PATH), {u"--data"_s, data, u"user"_s, u"add"_s, email});
        if (finish(add, kPassword + "\n").exitCode != 0)
            return false;
    }
    return startServer();
}

bool Cluster::startServer()
{
    m_server = std::make_unique<QProcess>();
    const QString listen = u"127.0.0.1:"_s + QString::number(m_port);
    QStringList args{u"--data"_s, m_dir.filePath(u"server"_s), u"serve"_s, u"--listen"_s, listen};
    if (!m_tls.isEmpty())
        args << u"--cert"_s << m_tls[0] << u"--key"_s << m_tls[1];
    m_server->start(QStringLiteral(RAPPORT_SERVER_PATH), args);
    if (!m_server->waitForStarted())
        return false;
    // The first stdout line names the address; on a restart the port is the one clients know, which the
    // kernel may hold for a moment after a kill: retry briefly.
    for (int i = 0; i < 100 && !m_server->canReadLine(); ++i) {
        if (m_server->state() != QProcess::Running) {
            if (m_port == 0)
                return false;
            QThread::msleep(100);
            m_server->start(QStringLiteral(RAPPORT_SERVER_PATH), args);
            m_server->waitForStarted();
        }
        m_server->waitForReadyRead(100);
    }
    const QString line = QString::fromUtf8(m_server->readLine()).trimmed();
    if (!line.startsWith(u"listening on "_s))
        return false;
    m_url = line.mid(13);
    m_port = static_cast<quint16>(m_url.section(u':', -1).toUInt());
    return true;
}

void Cluster::stopServer(bool kill)
{
    if (!m_server || m_server->state() == QProcess::NotRunning)
        return;
    if (kill)
        m_server->kill();
    else
        ::kill(static_cast<pid_t>(m_server->processId()), SIGTERM);
    m_server->waitForFinished(20000);
    m_server.reset();
}

Run Cluster::ctl(const QString &name, const QStringList &args, const QByteArray &input, qint64 skewMs) const
{
    QProcess process;
    process.setProcessEnvironment(ctlEnvironment(skewMs));
    process.start(QStringLiteral(RAPPORTCTL_PATH), QStringList{u"--profile"_s, profile(name)} + args);
    return finish(process, input);
}

std::unique_ptr<QProcess> Cluster::startCtl(const QString &name, const QStringList &args) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(ctlEnvironment(0));
    process->start(QStringLiteral(RAPPORTCTL_PATH), QStringList{u"--profile"_s, profile(name)} + args);
    process->waitForStarted();
    return process;
}

bool Cluster::login(const QString &name, const QString &email)
{
    return loginRun(name, email).exitCode == 0;
}

Run Cluster::loginRun(const QString &name, const QString &email, const QStringList &extra)
{
    return ctl(name, QStringList{u"login"_s, u"--server"_s, m_url, u"--email"_s, email} + extra, kPassword + "\n");
}

nlohmann::json Cluster::sync(const QString &name, qint64 skewMs) const
{
    const Run run = ctl(name, {u"sync"_s}, {}, skewMs);
    return run.exitCode < 0 ? nlohmann::json(nullptr) : run.json();
}

nlohmann::json Cluster::route(const QString &name, const QString &method, const QString &target,
                              const nlohmann::json &body, qint64 skewMs) const
{
    QStringList args{u"route"_s, method, target};
    QByteArray input;
    if (!body.is_null()) {
        input = QByteArray::fromStdString(body.dump());
        args << u"-"_s;  // on stdin: a command-line argument may not exceed 128 KiB
    }
    const Run run = ctl(name, args, input, skewMs);
    return run.exitCode == 0 ? run.json() : nlohmann::json(nullptr);
}

nlohmann::json Cluster::exportAll(const QString &name) const
{
    nlohmann::json out = nlohmann::json::object();
    for (const char *resource : {"contacts", "companies"}) {
        std::string cursor;
        for (int page = 0; page < 1000; ++page) {
            QString target = u"/"_s + QLatin1StringView(resource) + u"?limit=500"_s;
            if (!cursor.empty())
                target += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(cursor)));
            const nlohmann::json body = route(name, u"GET"_s, target);
            if (!body.is_object())
                return nullptr;
            for (nlohmann::json item : body.value("items", nlohmann::json::array())) {
                const std::string id = item["id"];
                for (const char *k : {"id", "created_at", "updated_at", "company_name"})
                    item.erase(k);
                out[std::string(resource) + "/" + id] = item;
            }
            if (!body.value("next_cursor", nlohmann::json()).is_string())
                break;
            cursor = body["next_cursor"];
        }
    }
    return out;
}

} // namespace synctest
