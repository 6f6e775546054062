#pragma once
// Splits a model's e-mail answer, as it streams, into a subject and a body (POST /ai/draft-email).
//
// The model is asked for "Subject: ...", a blank line, then the body. The first line (leading blank
// lines ignored) is the subject when it starts with a subject label: "Subject:" in any letter case,
// also "Betreff:", "Objet:", "Asunto:", "Oggetto:", "Onderwerp:", "Assunto:", "Temat:", "Emne:"
// (models translate the label), optionally decorated as Markdown ("**Subject:**", "## Subject:",
// "*Subject*:"). Without a label everything is body.
//
// Promises, for any way the text is cut into feed() calls (the split is decided byte by byte):
//  - the same subject() and body();
//  - the deltas returned for each field, concatenated, equal that field, and every subject delta comes
//    before the first body delta; nothing is ever taken back;
//  - subject: one line, trimmed, Markdown emphasis ('*', '_') around it dropped, tabs as spaces, other
//    control characters removed, at most maxSubjectChars code points (a draft subject is one header
//    line); body: leading blank lines skipped, trailing white space never emitted, at most
//    maxBodyChars code points. Text past a cap is dropped.
// Whitespace (and a closing '*' or '_' of the subject) is held back until something follows it, which is
// how trailing whitespace never reaches a caller without taking anything back.

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport::ai {

class DraftSplitter {
public:
    struct Deltas {
        std::string subject, body;  // text added to each field by one call; either may be empty
    };

    explicit DraftSplitter(std::size_t maxSubjectChars = 998, std::size_t maxBodyChars = 1000000);

    Deltas feed(std::string_view utf8);  // the next piece of the model's answer
    Deltas finish();                     // the answer ended: decides a pending first line

    const std::string &subject() const { return m_subject; }
    const std::string &body() const { return m_body; }

private:
    enum class Phase { FirstLine, Subject, Body };
    enum class Label { Maybe, No, Yes };

    void take(char c, Deltas &out);
    void toSubject(char c, Deltas &out);
    void toBody(char c, Deltas &out);
    static Label matchLabel(std::string_view line);
    void append(std::string &field, std::string &delta, std::size_t &chars, std::size_t max, char c);

    std::size_t m_maxSubject, m_maxBody;
    Phase m_phase = Phase::FirstLine;
    std::string m_line;      // the first line while undecided
    std::string m_held;      // whitespace (and '*', '_' in the subject) waiting for what follows
    std::string m_subject, m_body;
    std::size_t m_subjectChars = 0, m_bodyChars = 0;
};

} // namespace rapport::ai
