#include "ai/draft_splitter.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rapport::ai {

namespace {
// The subject label in the languages models most often translate it into despite the prompt.
constexpr std::array<std::string_view, 9> kLabels = {"subject", "betreff", "objet",  "asunto", "oggetto",
                                                     "onderwerp", "assunto", "temat", "emne"};
// A first line still undecided after this many bytes has no label: it is long text, not "Subject:".
constexpr std::size_t kMaxLabelLine = 64;

bool isSpace(char c)
{
    // The same set FieldReader trims, so a saved draft holds exactly what was streamed.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isControl(char c)
{
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t skip(std::string_view s, std::size_t i, std::string_view set)
{
    while (i < s.size() && set.find(s[i]) != std::string_view::npos)
        ++i;
    return i;
}
} // namespace

DraftSplitter::DraftSplitter(std::size_t maxSubjectChars, std::size_t maxBodyChars)
    : m_maxSubject(maxSubjectChars)
    , m_maxBody(maxBodyChars)
{
}

DraftSplitter::Deltas DraftSplitter::feed(std::string_view utf8)
{
    Deltas out;
    for (char c : utf8)
        take(c, out);
    return out;
}

DraftSplitter::Deltas DraftSplitter::finish()
{
    Deltas out;
    if (m_phase == Phase::FirstLine && !m_line.empty()) {
        m_phase = Phase::Body;  // the answer ended inside an unfinished label: it was body text
        for (char c : std::exchange(m_line, {}))
            toBody(c, out);
    }
    m_held.clear();  // trailing whitespace (or a closing '*') is never part of a field
    return out;
}

// [#*_ \t]* LABEL [ \t]* [*_]* ":" at the start of the line, letter case ignored.
DraftSplitter::Label DraftSplitter::matchLabel(std::string_view line)
{
    const std::size_t start = skip(line, 0, "#*_ \t");
    const std::string_view rest = line.substr(start);
    bool maybe = false;
    for (std::string_view label : kLabels) {
        const std::size_t n = std::min(rest.size(), label.size());
        bool same = true;
        for (std::size_t i = 0; i < n && same; ++i)
            same = lower(rest[i]) == label[i];
        if (!same)
            continue;
        if (rest.size() <= label.size()) {
            maybe = true;
            continue;
        }
        const std::size_t colon = skip(rest, skip(rest, label.size(), " \t"), "*_");
        if (colon == rest.size())
            maybe = true;
        else if (rest[colon] == ':')
            return Label::Yes;
    }
    return maybe && line.size() <= kMaxLabelLine ? Label::Maybe : Label::No;
}

void DraftSplitter::take(char c, Deltas &out)
{
    switch (m_phase) {
    case Phase::Subject:
        toSubject(c, out);
        return;
    case Phase::Body:
        toBody(c, out);
        return;
    case Phase::FirstLine:
        break;
    }
    if (m_line.empty() && isSpace(c))
        return;  // blank lines before the first line
    const Label label = c == '\n' ? Label::No : (m_line.push_back(c), matchLabel(m_line));
    if (label == Label::Maybe)
        return;
    if (label == Label::Yes) {
        m_phase = Phase::Subject;  // the rest of this line is the subject
        m_line.clear();
        return;
    }
    m_phase = Phase::Body;
    for (char pending : std::exchange(m_line, {}))
        toBody(pending, out);
    if (c == '\n')
        toBody(c, out);
}

void DraftSplitter::toSubject(char c, Deltas &out)
{
    if (c == '\n') {
        m_phase = Phase::Body;
        m_held.clear();  // trailing spaces and a closing "**" of the subject line
        return;
    }
    if (c == '\t')
        c = ' ';
    else if (isControl(c))
        return;  // a subject is one header line: CR and other control characters have no place in it
    const bool decoration = c == ' ' || c == '*' || c == '_';
    if (decoration && m_subject.empty())
        return;  // "**Subject:** Text": the emphasis closing the label, and the space after it
    if (decoration) {
        m_held.push_back(c);
        return;
    }
    append(m_subject, out.subject, m_subjectChars, m_maxSubject, c);
}

void DraftSplitter::toBody(char c, Deltas &out)
{
    if (isSpace(c)) {
        if (!m_body.empty())
            m_held.push_back(c);  // leading blank lines are skipped, inner ones wait for the next text
        return;
    }
    append(m_body, out.body, m_bodyChars, m_maxBody, c);
}

// Emits the held characters, then c. Counts code points by their lead bytes; once a lead byte would
// exceed the cap, everything after it (its continuation bytes included) is dropped, so a field never
// ends in half a character; held whitespace with no room left for c after it is dropped with it.
void DraftSplitter::append(std::string &field, std::string &delta, std::size_t &chars, std::size_t max, char c)
{
    const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (!m_held.empty() && chars + m_held.size() >= max) {
        chars = max + 1;
    } else if (chars <= max) {
        field += m_held;
        delta += m_held;
        chars += m_held.size();  // held characters are ASCII: one byte, one code point
    }
    m_held.clear();
    if (lead && chars >= max)
        chars = max + 1;
    else if (lead)
        ++chars;
    if (chars > max)
        return;
    field.push_back(c);
    delta.push_back(c);
}

} // namespace rapport::ai
