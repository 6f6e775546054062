#pragma once
// Runs the real rapportctl binary (RAPPORTCTL_PATH, a compile definition) and captures what a user sees.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace ctltest {

struct Run {
    int exitCode = -1;  // -1: did not start or crashed
    QByteArray out;
    QByteArray err;

    // stdout as JSON (discarded when it is not JSON); with -i the status line comes first.
    nlohmann::json body(bool skipStatusLine = false) const
    {
        const QByteArray text = skipStatusLine ? out.mid(out.indexOf('\n') + 1) : out;
        return nlohmann::json::parse(text.toStdString(), nullptr, false);
    }
    QByteArray statusLine() const { return out.left(out.indexOf('\n')); }
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err;
    }
};

// profileEnv, when set, becomes $RAPPORT_PROFILE; otherwise the child sees no RAPPORT_PROFILE at all.
inline Run runCtl(const QStringList &args, const QByteArray &input = {}, const QString &profileEnv = {})
{
    using namespace Qt::StringLiterals;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"RAPPORT_PROFILE"_s);
    if (!profileEnv.isEmpty())
        env.insert(u"RAPPORT_PROFILE"_s, profileEnv);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(RAPPORTCTL_PATH), args);
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

} // namespace ctltest
