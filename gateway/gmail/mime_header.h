#pragma once
// Header fields of an outgoing message (RFC 5322 §2.2.3 folding, RFC 2047 encoded-words), the part of
// the MIME builder that decides where lines break and how non-ASCII text travels.
//
// Guarantees of everything written here:
//  - lines end in CRLF and a folded line starts with one space;
//  - every encoded-word is `=?UTF-8?B?<standard base64>?=`, at most 75 characters, and holds whole
//    UTF-8 sequences only (a decoder may decode each word on its own);
//  - a line that holds an encoded-word is at most 76 characters; plain ASCII text is folded at its
//    spaces to the same limit, or encoded when it cannot be;
//  - unfolding (removing each CRLF before a space) and decoding gives back exactly the input text.
// Callers must have rejected CR, LF and NUL before (see mime_message.h): this layer does not check.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace rapport::gmail::mime {

inline constexpr int kMaxLine = 76;         // RFC 2047 §2 for lines with encoded-words
inline constexpr int kMaxEncodedWord = 75;  // RFC 2047 §2

// Builds one header field from tokens separated by single spaces, folding between tokens.
class HeaderFolder {
public:
    explicit HeaderFolder(QByteArrayView name);  // "Subject" -> starts the line "Subject:"

    // One ASCII token, after a space (or a fold when it would not fit on the current line).
    void addToken(QByteArrayView token);
    // Text as encoded-words sized to the room left on each line. Adjacent encoded-words decode as
    // one run (RFC 2047 §6.2 drops the whitespace between them), so splitting never changes the text.
    void addEncodedText(const QString &text);
    // Text as readable ASCII tokens when it is printable ASCII that folds cleanly, else encoded.
    void addText(const QString &text);
    // A display name: atoms, a quoted-string, or encoded-words, whichever keeps it exact.
    void addPhrase(const QString &name);

    QByteArray finish() const { return m_out + "\r\n"; }

private:
    void fold();

    QByteArray m_out;
    int m_line = 0;    // characters on the current line
    int m_tokens = 0;  // tokens written after the colon
};

// True when `text` cannot travel as plain header text: anything outside printable ASCII, or "=?"
// (which a reader would try to decode as an encoded-word).
bool needsEncoding(const QString &text);

} // namespace rapport::gmail::mime
