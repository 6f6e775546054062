// rapport-bench: speed figures measured as a caller sees them, printed as BENCH lines.
// --quick keeps the whole run under ~30 s; a full run takes more samples. Targets are in the README.

#include <cstdio>
#include <random>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include "bench_cases.h"
#include "bench_sse.h"
#include "crm/contacts_service.h"
#include "crm/demo_loader.h"
#include "gateway.h"

using namespace Qt::StringLiterals;
using namespace rapport;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures Rapport's hot paths and prints BENCH lines."_s);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"Fewer samples: finishes in under 30 s."_s);
    const QCommandLineOption contacts(u"contacts"_s, u"Demo contacts in the profile (default 100000)."_s, u"N"_s,
                                      u"100000"_s);
    const QCommandLineOption profile(u"profile"_s,
                                     u"Reuse this profile (filled with demo data if empty) instead of a new one."_s,
                                     u"DIR"_s);
    const QCommandLineOption noStartup(u"no-startup"_s, u"Skip the desktop start-up measurement."_s);
    parser.addOptions({quick, contacts, profile, noStartup});
    parser.process(app);

    const bool isQuick = parser.isSet(quick);
    const int count = parser.value(contacts).toInt();
    QTemporaryDir temp;
    const QString dir = parser.isSet(profile) ? parser.value(profile) : temp.path();

    GatewayOptions options;
    options.limits = RateLimits::unlimited();  // measure the routes, not the limiter refusing a benchmark
    auto opened = Gateway::open(dir, options);
    if (!opened) {
        std::fprintf(stderr, "rapport-bench: %s\n", opened.error().message.c_str());
        return 1;
    }
    Gateway &gateway = **opened;
    if (auto n = gateway.contacts().count(); n && *n < count) {
        QElapsedTimer t;
        t.start();
        auto loaded = loadDemoData(gateway, count - static_cast<int>(*n), 42);
        if (!loaded) {
            std::fprintf(stderr, "rapport-bench: demo data: %s\n", loaded.error().message.c_str());
            return 1;
        }
        std::printf("BENCH demo_load contacts=%d seconds=%.2f contacts_per_s=%.0f\n", loaded->contacts,
                    static_cast<double>(t.elapsed()) / 1000.0,
                    loaded->contacts * 1000.0 / static_cast<double>(std::max<qint64>(t.elapsed(), 1)));
        std::fflush(stdout);
    }

    bench::Plan plan{gateway, isQuick, std::mt19937_64(7)};
    if (!bench::routeGetContact(plan) || !bench::routeSearchContacts(plan) || !bench::routePatchContact(plan))
        return 1;
    if (!parser.isSet(noStartup)) {
        opened->reset();  // the app opens the profile itself
        if (!bench::startup(dir, isQuick ? 5 : 11))
            return 1;
    }
    if (!bench::sseParse(isQuick))
        return 1;
    return 0;
}
