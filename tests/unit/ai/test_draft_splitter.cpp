// DraftSplitter: the model's e-mail answer split into subject and body as it streams.
//  - a table of answers as models really write them (labels, Markdown, CRLF, no label at all);
//  - properties on generated answers: every 2-way split and random k-way splits (1-byte reads
//    included) give the same subject and body as feeding the answer whole, the deltas of each field
//    add up to that field with every subject delta first, and the fields keep their promised shape.
// Seeds are fixed so a failure reproduces; the message prints the answer and the read boundaries.

#include <random>

#include <QtTest/QTest>

#include "ai/draft_splitter.h"

using rapport::ai::DraftSplitter;

namespace {

using Rng = std::mt19937;

struct Outcome {
    std::string subject, body;          // the splitter's fields
    std::string subjectDeltas, bodyDeltas;
    bool subjectAfterBody = false;      // a subject delta came after a body delta
    bool operator==(const Outcome &) const = default;
};

Outcome run(std::string_view answer, const std::vector<std::size_t> &cuts = {}, std::size_t maxSubject = 998,
            std::size_t maxBody = 1000000)
{
    DraftSplitter splitter(maxSubject, maxBody);
    Outcome out;
    auto collect = [&out](const DraftSplitter::Deltas &d) {
        out.subjectAfterBody = out.subjectAfterBody || (!d.subject.empty() && !out.bodyDeltas.empty());
        out.subjectDeltas += d.subject;
        out.bodyDeltas += d.body;
    };
    std::size_t from = 0;
    for (std::size_t cut : cuts) {
        collect(splitter.feed(answer.substr(from, cut - from)));
        from = cut;
    }
    collect(splitter.feed(answer.substr(from)));
    collect(splitter.finish());
    out.subject = splitter.subject();
    out.body = splitter.body();
    return out;
}

std::string printable(std::string_view s)
{
    std::string out;
    for (unsigned char c : s) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c == 0x7F)
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0').toStdString();
        else
            out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string failure(std::string_view answer, const std::vector<std::size_t> &cuts, const Outcome &got,
                    const Outcome &want)
{
    std::string text = "answer \"" + printable(answer) + "\" read ends at";
    for (std::size_t c : cuts)
        text += " " + std::to_string(c);
    return text + "\n   got: [" + printable(got.subject) + "] [" + printable(got.body) + "]\n  want: [" +
        printable(want.subject) + "] [" + printable(want.body) + "]";
}

template <class T>
const T &pick(Rng &rng, const std::vector<T> &from)
{
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

std::string randomAnswer(Rng &rng)
{
    static const std::vector<std::string> leads = {"", "", "\n", "\n\n", "  ", "\r\n"};
    static const std::vector<std::string> labels = {
        "Subject: ", "Subject:", "subject: ", "SUBJECT :", "**Subject:** ", "**Subject: ", "## Subject: ",
        "*Subject*: ", "__Subject__: ", "Betreff: ", "Objet : ", "Subj", "Subjects: ", "Sub ject: ", "Re: ",
        "Dear Anna,", "", "#", "**"};
    static const std::vector<std::string> words = {
        "Hello", "Treffen", " ", "  ", "\t", "*", "**", "_", "snake_case", "Zoë", "Ångström", "山田さん",
        "مرحبا", "👋", "👩‍💻", "\x01", "\x7F", "\r", ":", "Subject:", "a"};
    static const std::vector<std::string> breaks = {"\n", "\n\n", "\r\n\r\n", "\n \n\t\n", "\n\n\n"};
    std::string s = pick(rng, leads) + pick(rng, labels);
    const int subjectWords = std::uniform_int_distribution<int>(0, 6)(rng);
    for (int i = 0; i < subjectWords; ++i)
        s += pick(rng, words);
    if (std::bernoulli_distribution(0.85)(rng)) {
        s += pick(rng, breaks);
        const int bodyWords = std::uniform_int_distribution<int>(0, 30)(rng);
        for (int i = 0; i < bodyWords; ++i)
            s += std::bernoulli_distribution(0.15)(rng) ? pick(rng, breaks) : pick(rng, words);
    }
    return s;
}

std::vector<std::size_t> randomCuts(Rng &rng, std::size_t size, int mode)
{
    const std::size_t maxRead = mode == 0 ? 1 : mode == 1 ? 3 : 17;
    std::vector<std::size_t> cuts;
    for (std::size_t at = std::uniform_int_distribution<std::size_t>(1, maxRead)(rng); at < size;
         at += std::uniform_int_distribution<std::size_t>(1, maxRead)(rng))
        cuts.push_back(at);
    return cuts;
}

std::size_t codePoints(std::string_view s)
{
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// What every outcome must look like, whatever the answer was.
std::string shapeProblem(const Outcome &o, std::size_t maxSubject, std::size_t maxBody)
{
    if (o.subjectDeltas != o.subject || o.bodyDeltas != o.body)
        return "the deltas do not add up to the fields";
    if (o.subjectAfterBody)
        return "a subject delta came after the body started";
    for (char c : o.subject) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return "a control character in the subject";
    }
    if (!o.subject.empty() && (isSpace(o.subject.front()) || isSpace(o.subject.back())))
        return "the subject is not trimmed";
    if (!o.body.empty() && (isSpace(o.body.front()) || isSpace(o.body.back())))
        return "the body is not trimmed";
    if (codePoints(o.subject) > maxSubject || codePoints(o.body) > maxBody)
        return "a field is over its cap";
    return {};
}

} // namespace

class TestDraftSplitter : public QObject {
    Q_OBJECT

private slots:
    void answers_data();
    void answers();
    void capsCutAtCharacters();
    void everyTwoWaySplitMatchesWhole();
    void randomMultiWaySplitsMatchWhole();
};

void TestDraftSplitter::answers_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QByteArray>("subject");
    QTest::addColumn<QByteArray>("body");
    // clang-format off
    QTest::newRow("as asked")        << QByteArray("Subject: Hello\n\nDear Anna,\nthanks.")  << QByteArray("Hello")     << QByteArray("Dear Anna,\nthanks.");
    QTest::newRow("no space")        << QByteArray("subject:Hello\nBody")                     << QByteArray("Hello")     << QByteArray("Body");
    QTest::newRow("bold label")      << QByteArray("**Subject:** Treffen am Montag\n\nHallo") << QByteArray("Treffen am Montag") << QByteArray("Hallo");
    QTest::newRow("bold line")       << QByteArray("**Subject: Treffen**\n\nHallo")           << QByteArray("Treffen")   << QByteArray("Hallo");
    QTest::newRow("heading")         << QByteArray("## Subject: Hi\n\nText")                  << QByteArray("Hi")        << QByteArray("Text");
    QTest::newRow("italic label")    << QByteArray("*Subject*: Hi\n\nText")                   << QByteArray("Hi")        << QByteArray("Text");
    QTest::newRow("translated")      << QByteArray("Betreff: Angebot\n\nSehr geehrte Frau")   << QByteArray("Angebot")   << QByteArray("Sehr geehrte Frau");
    QTest::newRow("blank lines")     << QByteArray("\n\n  Subject: Hi  \n\n\nBody  \n")       << QByteArray("Hi")        << QByteArray("Body");
    QTest::newRow("CRLF")            << QByteArray("Subject: Hi\r\n\r\nLine 1\r\nLine 2\r\n") << QByteArray("Hi")        << QByteArray("Line 1\r\nLine 2");
    QTest::newRow("controls")        << QByteArray("Subject: a\tb\x01" "c\n\nx")              << QByteArray("a bc")      << QByteArray("x");
    QTest::newRow("inner emphasis")  << QByteArray("Subject: snake_case *bold* text__\n\nx")  << QByteArray("snake_case *bold* text") << QByteArray("x");
    QTest::newRow("no label")        << QByteArray("Dear Anna,\n\nthanks")                    << QByteArray()            << QByteArray("Dear Anna,\n\nthanks");
    QTest::newRow("near miss")       << QByteArray("Subjects to discuss: a\nb")               << QByteArray()            << QByteArray("Subjects to discuss: a\nb");
    QTest::newRow("label cut short") << QByteArray("Subject")                                 << QByteArray()            << QByteArray("Subject");
    QTest::newRow("subject only")    << QByteArray("Subject: only a subject")                 << QByteArray("only a subject") << QByteArray();
    QTest::newRow("empty subject")   << QByteArray("Subject:\nBody")                          << QByteArray()            << QByteArray("Body");
    QTest::newRow("CJK label")       << QByteArray("件名: 会議\n\n本文")                       << QByteArray()            << QByteArray("件名: 会議\n\n本文");
    QTest::newRow("unicode")         << QByteArray("Subject: 会議のご案内 👋\n\nمرحبا Zoë")   << QByteArray("会議のご案内 👋") << QByteArray("مرحبا Zoë");
    QTest::newRow("nothing")         << QByteArray()                                          << QByteArray()            << QByteArray();
    QTest::newRow("only spaces")     << QByteArray(" \n \r\n\t")                              << QByteArray()            << QByteArray();
    // clang-format on
}

void TestDraftSplitter::answers()
{
    QFETCH(QByteArray, answer);
    QFETCH(QByteArray, subject);
    QFETCH(QByteArray, body);
    const Outcome got = run(answer.toStdString());
    QCOMPARE(QByteArray::fromStdString(got.subject), subject);
    QCOMPARE(QByteArray::fromStdString(got.body), body);
    const std::string problem = shapeProblem(got, 998, 1000000);
    QVERIFY2(problem.empty(), problem.c_str());
}

void TestDraftSplitter::capsCutAtCharacters()
{
    const std::string answer = "Subject: Zoë Ångström\n\nこんにちは世界、元気ですか";
    const Outcome whole = run(answer, {}, 5, 8);
    QCOMPARE(QString::fromStdString(whole.subject), QStringLiteral("Zoë Å"));
    QCOMPARE(QString::fromStdString(whole.body), QStringLiteral("こんにちは世界、"));
    for (std::size_t cut = 0; cut <= answer.size(); ++cut) {
        const Outcome split = run(answer, {cut}, 5, 8);
        if (!(split == whole))
            QFAIL(failure(answer, {cut}, split, whole).c_str());
    }
}

void TestDraftSplitter::everyTwoWaySplitMatchesWhole()
{
    Rng rng(5005);
    int splits = 0, withSubject = 0, withoutSubject = 0;
    for (int i = 0; i < 600; ++i) {
        const std::string answer = randomAnswer(rng);
        const Outcome whole = run(answer);
        if (const std::string problem = shapeProblem(whole, 998, 1000000); !problem.empty())
            QFAIL((problem + ": " + failure(answer, {}, whole, whole)).c_str());
        (whole.subject.empty() ? withoutSubject : withSubject) += 1;
        for (std::size_t cut = 0; cut <= answer.size(); ++cut, ++splits) {
            const Outcome split = run(answer, {cut});
            if (!(split == whole))
                QFAIL(failure(answer, {cut}, split, whole).c_str());
        }
    }
    QVERIFY(splits > 20000);  // the generator really produced answers worth splitting
    QVERIFY(withSubject > 100 && withoutSubject > 100);
}

void TestDraftSplitter::randomMultiWaySplitsMatchWhole()
{
    Rng rng(6006);
    for (int i = 0; i < 400; ++i) {
        const std::string answer = randomAnswer(rng) + randomAnswer(rng);
        // Tight caps on every other answer, so that cutting a field short is split-invariant too.
        const std::size_t maxSubject = i % 2 ? 4 : 998, maxBody = i % 2 ? 12 : 1000000;
        const Outcome whole = run(answer, {}, maxSubject, maxBody);
        if (const std::string problem = shapeProblem(whole, maxSubject, maxBody); !problem.empty())
            QFAIL((problem + ": " + failure(answer, {}, whole, whole)).c_str());
        for (int k = 0; k < 24; ++k) {
            const auto cuts = randomCuts(rng, answer.size(), k % 3);
            const Outcome split = run(answer, cuts, maxSubject, maxBody);
            if (!(split == whole))
                QFAIL(failure(answer, cuts, split, whole).c_str());
        }
    }
}

QTEST_APPLESS_MAIN(TestDraftSplitter)
#include "test_draft_splitter.moc"
