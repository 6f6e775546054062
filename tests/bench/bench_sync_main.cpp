// rapport-bench-sync: sync end to end on loopback against a real rapport-server process.
//   BENCH sync_push changes=N seconds=.. changes_per_s=..     one laptop pushes N pending edits
//   BENCH sync_pull changes=N seconds=.. changes_per_s=..     another laptop pulls them
//   BENCH initial_sync contacts=N seconds=.. peak_rss_mb=..    a new laptop joins a team of N contacts
// The joining laptop is a child process of this program (--join), so its peak memory is its own.
// Targets (README): >= 5,000 changes/s each way; initial sync of 100,000 contacts <= 20 s, <= 300 MB.


#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "crm/contacts_service.h"
#include "crm/demo_loader.h"
#include "gateway.h"
#include "sync/sync_engine.h"

using namespace Qt::StringLiterals;
using namespace rapport;

namespace {

const std::string kPassword = "correct horse battery staple";

bool runServer(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(RAPPORT_SERVER_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

std::unique_ptr<Gateway> signedIn(const QString &dir, const std::string &url, const std::string &email)
{
    GatewayOptions options;
    options.limits = RateLimits::unlimited();
    auto g = Gateway::open(dir, options);
    if (!g)
        return nullptr;
    auto in = (*g)->syncEngine().signIn({{"server", url}, {"email", email}, {"password", kPassword}});
    if (!in) {
        std::fprintf(stderr, "rapport-bench-sync: sign-in: %s\n", in.error().message.c_str());
        return nullptr;
    }
    return std::move(*g);
}

// One round; seconds, or a negative number when it failed.
double timedRound(Gateway &g)
{
    QElapsedTimer t;
    t.start();
    auto status = g.syncEngine().runRound();
    const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    if (!status || !(*status)["last_error"].is_null()) {
        std::fprintf(stderr, "rapport-bench-sync: round failed: %s\n",
                     status ? (*status)["last_error"].dump().c_str() : status.error().message.c_str());
        return -1;
    }
    return seconds;
}

double peakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return -1;
}

int join(const std::string &url, int expected)
{
    QTemporaryDir dir;
    auto g = signedIn(dir.path(), url, "join@example.com");
    if (!g)
        return 1;
    const double seconds = timedRound(*g);
    if (seconds < 0)
        return 1;
    // VmHWM, not getrusage: ru_maxrss survives exec and would report this process's parent at fork time.
    const double peakMb = peakRssMb();
    const auto n = g->contacts().count();
    std::printf("BENCH initial_sync contacts=%lld seconds=%.2f peak_rss_mb=%.0f contacts_per_s=%.0f\n",
                static_cast<long long>(n ? *n : -1), seconds, peakMb,
                static_cast<double>(n ? *n : 0) / seconds);
    return n && *n == expected ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"10,000 contacts for the initial sync instead of 100,000."_s);
    const QCommandLineOption joinUrl(u"join"_s, u"(internal) join the team at URL and report."_s, u"URL"_s);
    const QCommandLineOption expect(u"expect"_s, u"(internal) contacts the team has."_s, u"N"_s, u"0"_s);
    parser.addOptions({quick, joinUrl, expect});
    parser.process(app);
    if (parser.isSet(joinUrl))
        return join(parser.value(joinUrl).toStdString(), parser.value(expect).toInt());

    QTemporaryDir temp;
    const QString data = temp.filePath(u"server"_s);
    if (!runServer({u"--data"_s, data, u"init"_s}))
        return 1;
    for (const char *email : {"anna@example.com", "ben@example.com", "join@example.com"})
        if (!runServer({u"--data"_s, data, u"user"_s, u"add"_s, QString::fromLatin1(email)},
                       QByteArray::fromStdString(kPassword + "\n")))
            return 1;
    QProcess server;
    server.setStandardErrorFile(qEnvironmentVariable("BENCH_SERVER_LOG", QProcess::nullDevice()));
    server.start(QStringLiteral(RAPPORT_SERVER_PATH),
                 {u"--data"_s, data, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
    if (!server.waitForReadyRead(10000))
        return 1;
    const std::string url = QString::fromUtf8(server.readLine()).trimmed().mid(13).toStdString();

    const int changes = 10000;
    auto anna = signedIn(temp.filePath(u"anna"_s), url, "anna@example.com");
    auto ben = signedIn(temp.filePath(u"ben"_s), url, "ben@example.com");
    if (!anna || !ben || !loadDemoData(*anna, changes, 42))
        return 1;
    const auto pending = anna->syncEngine().status();
    const long long pushed = pending ? (*pending)["pending_total"].get<long long>() : 0;
    const double pushSeconds = timedRound(*anna);
    const double pullSeconds = timedRound(*ben);
    if (pushSeconds < 0 || pullSeconds < 0)
        return 1;
    std::printf("BENCH sync_push changes=%lld seconds=%.2f changes_per_s=%.0f\n", pushed, pushSeconds,
                static_cast<double>(pushed) / pushSeconds);
    std::printf("BENCH sync_pull changes=%lld seconds=%.2f changes_per_s=%.0f\n", pushed, pullSeconds,
                static_cast<double>(pushed) / pullSeconds);
    std::fflush(stdout);

    const int team = parser.isSet(quick) ? 10000 : 100000;
    if (team > changes) {
        if (!loadDemoData(*anna, team - changes, 43) || timedRound(*anna) < 0)
            return 1;
    }
    anna.reset();
    ben.reset();
    QProcess joining;
    joining.setProcessChannelMode(QProcess::ForwardedChannels);
    joining.start(QCoreApplication::applicationFilePath(),
                  {u"--join"_s, QString::fromStdString(url), u"--expect"_s, QString::number(team)});
    joining.waitForFinished(600000);
    server.terminate();
    server.waitForFinished(10000);
    return joining.exitCode();
}
