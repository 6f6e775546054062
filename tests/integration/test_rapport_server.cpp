// The real rapport-server binary (RAPPORT_SERVER_PATH): init, user add with the password on stdin, and
// serve on 127.0.0.1:0 driven over loopback HTTP by a blocking client (the server is another process).

#include <signal.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "support/loopback_http.h"

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;  // -1: did not start or crashed
    QByteArray out;
    QByteArray err;
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err;
    }
};

Run runServer(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(RAPPORT_SERVER_PATH), args);
    Run run;
    if (!process.waitForStarted())
        return run;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

using loopback::call;
using loopback::HttpReply;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRapportServer : public QObject {
    Q_OBJECT

private slots:
    void initOnceThenRefuses();
    void userAddNeedsThePasswordOnStdin();
    void serveSignsInAndOut();
    void refusesANonLoopbackAddressWithoutTls();
};

void TestRapportServer::initOnceThenRefuses()
{
    QTemporaryDir dir;
    const Run first = runServer({u"--data"_s, dir.path(), u"init"_s, u"--team"_s, u"Acme Sales"_s});
    QVERIFY2(first.exitCode == 0, first.describe());
    QVERIFY(QFile::exists(dir.filePath(u"server.db"_s)));
    QVERIFY2(first.out.contains("Acme Sales"), first.describe());

    const Run second = runServer({u"--data"_s, dir.path(), u"init"_s});
    QVERIFY2(second.exitCode == 1, second.describe());
    QVERIFY2(!second.err.trimmed().isEmpty(), second.describe());

    const Run noData = runServer({u"init"_s});
    QVERIFY2(noData.exitCode == 2 && noData.err.contains("--data"), noData.describe());
}

void TestRapportServer::userAddNeedsThePasswordOnStdin()
{
    QTemporaryDir dir;
    QCOMPARE(runServer({u"--data"_s, dir.path(), u"init"_s}).exitCode, 0);
    const Run empty = runServer({u"--data"_s, dir.path(), u"user"_s, u"add"_s, u"ana@example.com"_s});
    QVERIFY2(empty.exitCode == 2 && empty.err.contains("stdin"), empty.describe());
    const Run added = runServer({u"--data"_s, dir.path(), u"user"_s, u"add"_s, u"ana@example.com"_s, u"--admin"_s},
                                "correct horse battery staple\n");
    QVERIFY2(added.exitCode == 0, added.describe());
    const Run taken = runServer({u"--data"_s, dir.path(), u"user"_s, u"add"_s, u"ANA@example.com"_s},
                                "another long password\n");
    QVERIFY2(taken.exitCode == 1, taken.describe());
}

void TestRapportServer::serveSignsInAndOut()
{
    const QByteArray password = "correct horse battery staple";
    QTemporaryDir dir;
    QCOMPARE(runServer({u"--data"_s, dir.path(), u"init"_s}).exitCode, 0);
    const Run added =
        runServer({u"--data"_s, dir.path(), u"user"_s, u"add"_s, u"bo@example.com"_s}, password + "\n");
    QVERIFY2(added.exitCode == 0, added.describe());

    QProcess server;
    server.start(QStringLiteral(RAPPORT_SERVER_PATH),
                 {u"--data"_s, dir.path(), u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(server.waitForStarted());
    QByteArray out;
    while (!out.contains('\n') && server.waitForReadyRead(30000))
        out += server.readAllStandardOutput();
    const QByteArray line = out.left(out.indexOf('\n'));
    QVERIFY2(line.startsWith("listening on http://127.0.0.1:"), QByteArray(out + server.readAllStandardError()));
    const auto port = static_cast<quint16>(line.sliced(line.lastIndexOf(':') + 1).toUInt());
    QVERIFY(port != 0);

    QCOMPARE(call(port, "GET", "/health").body, nlohmann::json({{"ok", true}}));

    const HttpReply wrong =
        call(port, "POST", "/auth/login", {{"email", "bo@example.com"}, {"password", "nope nope nope"}});
    QCOMPARE(wrong.status, 401);

    const HttpReply login =
        call(port, "POST", "/auth/login", {{"email", "bo@example.com"}, {"password", password.toStdString()}});
    QCOMPARE(login.status, 200);
    QVERIFY(login.body["token"].is_string());
    QVERIFY(login.body["expires_at"].is_string());
    QCOMPARE(login.body["user"]["email"], "bo@example.com");
    QVERIFY(login.body["user"]["team_id"].is_string());
    const QByteArray token = QByteArray::fromStdString(login.body["token"].get<std::string>());
    QVERIFY(token.size() >= 20);

    const HttpReply me = call(port, "GET", "/auth/me", nullptr, token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.body["user"]["email"], "bo@example.com");
    QCOMPARE(me.body["user"]["id"], login.body["user"]["id"]);

    QCOMPARE(call(port, "GET", "/auth/me").status, 401);
    QCOMPARE(call(port, "GET", "/auth/me", nullptr, "not-a-real-token").status, 401);
    QCOMPARE(call(port, "POST", "/auth/logout", nullptr, token).status, 200);
    QCOMPARE(call(port, "GET", "/auth/me", nullptr, token).status, 401);

    ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(15000));
    const QByteArray err = server.readAllStandardError();
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QVERIFY2(server.exitCode() == 0, err);

    QVERIFY2(err.contains("/auth/login"), err);  // the access log is there ...
    QVERIFY(!err.contains(password));            // ... without secrets
    QVERIFY(!err.contains(token));
    for (const QString &name : {u"server.db"_s, u"server.db-wal"_s}) {
        const QByteArray bytes = fileBytes(dir.filePath(name));
        QVERIFY2(!bytes.contains(password), qPrintable(name));
        QVERIFY2(!bytes.contains(token), qPrintable(name));
    }
}

void TestRapportServer::refusesANonLoopbackAddressWithoutTls()
{
    QTemporaryDir dir;
    const Run refused = runServer({u"--data"_s, dir.path(), u"serve"_s, u"--listen"_s, u"0.0.0.0:0"_s});
    QVERIFY2(refused.exitCode == 2, refused.describe());
    QVERIFY2(refused.err.contains("loopback") && refused.err.contains("--insecure"), refused.describe());
    QVERIFY(refused.out.isEmpty());
    const Run malformed = runServer({u"--data"_s, dir.path(), u"serve"_s, u"--listen"_s, u"nowhere"_s});
    QVERIFY2(malformed.exitCode == 2, malformed.describe());
}

QTEST_GUILESS_MAIN(TestRapportServer)
#include "test_rapport_server.moc"
