// rapport-bench-ui: speed figures of the widgets, printed as BENCH lines. Separate from rapport-bench,
// which links only the gateway. Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.

#include <QCommandLineParser>

#include "bench_ai_overhead.h"
#include "bench_chat_render.h"

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    rapport::bench::TimedApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures Rapport's widgets under load and prints BENCH lines."_s);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"A 20,000-token answer instead of 50,000."_s);
    const QCommandLineOption tokens(u"tokens"_s, u"Tokens in the streamed answer."_s, u"N"_s, u"50000"_s);
    const QCommandLineOption rate(u"rate"_s, u"Tokens per second."_s, u"N"_s, u"5000"_s);
    const QCommandLineOption shots(u"screenshots"_s, u"Save the window mid-stream and at the end to DIR."_s,
                                   u"DIR"_s);
    const QCommandLineOption repeat(u"repeat"_s, u"Stream the large answer N times (later runs find fonts loaded)."_s,
                                    u"N"_s, u"1"_s);
    const QCommandLineOption verbose(u"verbose"_s, u"Also print the longest GUI-thread events."_s);
    const QCommandLineOption only(u"only"_s, u"Run one group: chat_render or ai_overhead."_s, u"NAME"_s);
    parser.addOptions({quick, tokens, rate, shots, repeat, verbose, only});
    parser.process(app);

    rapport::bench::ChatRenderOptions small;
    small.name = "chat_render_small";
    small.tokens = 1000;
    small.rate = parser.value(rate).toInt();
    small.verbose = parser.isSet(verbose);
    rapport::bench::ChatRenderOptions large = small;
    large.name = "chat_render";
    large.tokens = parser.isSet(quick) ? 20'000 : parser.value(tokens).toInt();
    large.screenshotDir = parser.value(shots);
    if (small.rate <= 0 || large.tokens < 2) {
        parser.showHelp(2);
    }
    rapport::bench::ChatRenderOptions mixed = large;
    mixed.name = "chat_render_mixed";
    mixed.mixedScripts = true;
    mixed.screenshotDir.clear();
    const QString group = parser.value(only);
    if (group.isEmpty() || group == u"ai_overhead"_s) {
        rapport::bench::AiOverheadOptions ai;
        if (parser.isSet(quick))
            ai.burstTokens = 20'000;
        if (!rapport::bench::aiOverhead(ai))
            return 1;
    }
    if (group == u"ai_overhead"_s)
        return 0;
    if (!rapport::bench::chatRender(app, small))
        return 1;
    for (int i = 0; i < std::max(1, parser.value(repeat).toInt()); ++i) {
        if (!rapport::bench::chatRender(app, large) || !rapport::bench::chatRender(app, mixed))
            return 1;
    }
    return 0;
}
