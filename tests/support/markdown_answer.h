#pragma once
// A realistic streamed AI answer for chat view tests and benchmarks: Markdown paragraphs with inline
// styles, links, German, CJK and emoji; headings; tight, loose and nested lists; fenced code with blank
// lines and lines that look like Markdown; tables; quotes. Cut into tokens the way a model streams
// them (1-6 characters, about 4 on average, whole code points), deterministic for a seed.
// Mixed puts Japanese, Korean, Arabic and emoji into nearly every sentence (the costliest text to lay
// out: a font fallback and a bidi run per word); Latin is a typical English/German business answer.

#include <random>

#include <QString>
#include <QStringList>

namespace rapport::test {

using namespace Qt::StringLiterals;

class MarkdownAnswer {
public:
    enum class Script { Mixed, Latin };
    explicit MarkdownAnswer(unsigned seed, Script script = Script::Mixed) : m_rng(seed), m_script(script) {}

    QStringList tokens(int count)
    {
        QStringList out;
        out.reserve(count);
        while (out.size() < count) {
            const QString block = nextBlock();
            for (qsizetype i = 0; i < block.size() && out.size() < count;) {
                qsizetype n = std::min<qsizetype>(pick(1, 6), block.size() - i);
                if (block[i + n - 1].isHighSurrogate() && i + n < block.size())
                    ++n;  // a token carries whole code points
                out.append(block.sliced(i, n));
                i += n;
            }
        }
        return out;
    }

private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    template <std::size_t N> QString any(const char16_t *const (&list)[N])
    {
        return QString::fromUtf16(list[pick(0, static_cast<int>(N) - 1)]);
    }

    QString sentence()
    {
        static const char16_t *const words[] = {
            u"the", u"customer", u"renewal", u"pipeline", u"Müller GmbH", u"naïve", u"quarterly", u"déjà vu",
            u"follow-up", u"東京の顧客", u"日本語", u"합의", u"🚀", u"👍🏽", u"deal", u"€12,500", u"contract",
            u"**next step**", u"*maybe*", u"`stage=won`", u"[the notes](https://example.com/notes)", u"~~old~~",
            u"Straße", u"Zoë", u"meeting", u"on Tuesday", u"إجتماع", u"price", u"discount", u"👩‍💻"};
        static const char16_t *const latinWords[] = {
            u"the", u"customer", u"renewal", u"pipeline", u"Müller GmbH", u"naïve", u"quarterly", u"déjà vu",
            u"follow-up", u"we", u"should", u"offer", u"a", u"deal", u"€12,500", u"contract", u"**next step**",
            u"*maybe*", u"`stage=won`", u"[the notes](https://example.com/notes)", u"Straße", u"Zoë", u"meeting",
            u"on Tuesday", u"price", u"discount", u"and", u"to", u"with", u"their", u"team", u"budget"};
        QString s;
        const int n = pick(6, 18);
        for (int i = 0; i < n; ++i)
            s += (i ? u" "_s : QString()) + (m_script == Script::Latin ? any(latinWords) : any(words));
        return s + (pick(0, 4) ? u"."_s : u"!"_s);
    }

    QString paragraph()
    {
        QString p;
        const int n = pick(1, 4);
        for (int i = 0; i < n; ++i)
            p += (i == 0 ? QString() : pick(0, 3) ? u" "_s : u"\n"_s) + sentence();
        return p + u"\n\n"_s;
    }

    QString list()
    {
        const bool ordered = pick(0, 1), loose = pick(0, 3) == 0;
        QString l;
        const int n = pick(2, 6);
        for (int i = 1; i <= n; ++i) {
            l += (ordered ? QString::number(i) + u". "_s : u"- "_s) + sentence() + u"\n"_s;
            if (pick(0, 4) == 0)
                l += u"   - nested: "_s + sentence() + u"\n"_s;
            if (loose && i < n)
                l += u"\n"_s;
        }
        return l + u"\n"_s;
    }

    QString code()
    {
        static const char16_t *const lines[] = {
            u"int main() {", u"    return 0;", u"}", u"", u"# not a heading", u"- not a list item",
            u"auto total = deals.sum(&Deal::value);  // 合計", u"print(\"héllo 🌍\")", u"**not bold**",
            u"SELECT name FROM contacts WHERE name LIKE 'Zo%';"};
        QString c = u"```"_s + any({u"cpp", u"python", u"sql", u""}) + u"\n"_s;
        const int n = pick(3, 14);
        for (int i = 0; i < n; ++i)
            c += any(lines) + u"\n"_s;
        return c + u"```\n\n"_s;
    }

    QString nextBlock()
    {
        switch (pick(0, 11)) {
        case 0:
            return u"## "_s + sentence() + u"\n"_s;
        case 1: case 2:
            return list();
        case 3: case 4:
            return code();
        case 5:
            return u"| Deal | Stage | Value |\n|---|---|---|\n| Müller | won | €5,000 |\n| 東京 | open | ¥90,000 |\n\n"_s;
        case 6:
            return u"> "_s + sentence() + u"\n\n"_s;
        case 7:
            return u"Windows line ends: "_s + sentence() + u"\r\n"_s + sentence() + u"\r\n\r\n"_s;
        default:
            return paragraph();
        }
    }

    std::mt19937 m_rng;
    Script m_script;
};

} // namespace rapport::test
