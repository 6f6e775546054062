#include "gmail/mime_header.h"

#include <algorithm>

#include <QStringList>

namespace rapport::gmail::mime {

namespace {

constexpr char kWordStart[] = "=?UTF-8?B?";
constexpr int kWordOverhead = 12;  // "=?UTF-8?B?" + "?="
// Below this much room a word would hold a character or two; starting a new line reads better.
constexpr int kMinWordRoom = kWordOverhead + 12;

// Length of the UTF-8 sequence that starts with `lead` (input comes from QString::toUtf8, so valid).
int sequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    return 4;
}

bool isAtext(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(c);
}

// Printable ASCII words separated by single spaces, with none at either end: the only text whose
// folding at spaces is exactly undone by unfolding.
bool splitsCleanly(const QString &text)
{
    return !text.startsWith(u' ') && !text.endsWith(u' ') && !text.contains(QStringLiteral("  "));
}

} // namespace

bool needsEncoding(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return true;
    return text.contains(QStringLiteral("=?"));
}

HeaderFolder::HeaderFolder(QByteArrayView name) : m_out(name.toByteArray() + ':'), m_line(int(m_out.size())) {}

void HeaderFolder::fold()
{
    m_out += "\r\n";
    m_line = 0;
}

void HeaderFolder::addToken(QByteArrayView token)
{
    // Never fold before the first token: a field line holding only "Subject:" is legal but confuses
    // some readers. Callers size what they add so that the first token fits.
    if (m_tokens > 0 && m_line + 1 + token.size() > kMaxLine)
        fold();
    m_out += ' ';
    m_out += token;
    m_line += 1 + int(token.size());
    ++m_tokens;
}

void HeaderFolder::addEncodedText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    qsizetype pos = 0;
    while (pos < utf8.size()) {
        const int room = std::min(kMaxEncodedWord, kMaxLine - m_line - 1);  // after the separating space
        if (room < kMinWordRoom) {  // only ever true with something already on the line
            fold();
            continue;
        }
        // n bytes encode to 4 * ceil(n / 3) characters; take whole sequences while they fit.
        const qsizetype maxBytes = (room - kWordOverhead) / 4 * 3;
        qsizetype take = 0;
        while (pos + take < utf8.size()) {
            const int next = sequenceLength(static_cast<unsigned char>(utf8[pos + take]));
            if (take + next > maxBytes)
                break;
            take += next;
        }
        QByteArray word = kWordStart + utf8.mid(pos, take).toBase64() + "?=";
        addToken(word);
        pos += take;
    }
}

void HeaderFolder::addText(const QString &text)
{
    if (text.isEmpty())
        return;
    if (!needsEncoding(text) && splitsCleanly(text)) {
        HeaderFolder trial = *this;
        bool fits = true;
        for (const QString &word : text.split(u' ')) {
            trial.addToken(word.toLatin1());
            fits = fits && trial.m_line <= kMaxLine;
        }
        if (fits) {
            *this = trial;
            return;
        }
    }
    addEncodedText(text);
}

void HeaderFolder::addPhrase(const QString &name)
{
    if (name.isEmpty())
        return;
    if (!needsEncoding(name)) {
        bool atoms = splitsCleanly(name);
        for (QChar c : name)
            atoms = atoms && (c == u' ' || isAtext(char(c.unicode())));
        if (atoms)
            return addText(name);
        QByteArray quoted = name.toLatin1();
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        quoted = '"' + quoted + '"';
        if (m_line + 1 + quoted.size() <= kMaxLine || (m_tokens > 0 && 1 + quoted.size() <= kMaxLine))
            return addToken(quoted);
    }
    addEncodedText(name);
}

} // namespace rapport::gmail::mime
