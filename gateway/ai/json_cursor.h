#pragma once
// A validating cursor over JSON text for DOM-free readers (chunk_scan.cpp): each step either moves past
// one well-formed token or records why it stopped. Grammar and string rules match nlohmann::json::parse
// (RFC 8259; surrogate escapes must pair; no raw control characters in strings); the caller validates
// UTF-8 beforehand.

#include <string>
#include <string_view>

namespace rapport::ai {

class JsonCursor {
public:
    // Unsure: well-formed so far, but a token nlohmann might still reject (an exponent or a very long
    // number can overflow to infinity) or nesting deeper than the caller wants to recurse.
    enum class Verdict { Ok, Invalid, Unsure };

    explicit JsonCursor(std::string_view text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    Verdict verdict() const { return m_verdict; }
    bool atEnd() const { return m_p == m_end; }
    char peek() const { return *m_p; }  // only when !atEnd()

    bool fail(Verdict v)
    {
        m_verdict = v;
        return false;
    }

    void skipWs()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    // Consumes c when it is next.
    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    // At a '"': validates the string. With decode, text is its unescaped value: a view into the input
    // when it has no escapes, else into scratch.
    bool string(bool decode, std::string &scratch, std::string_view &text);
    bool number();
    bool literal(std::string_view word);

private:
    void skipPlain();
    int hex4();
    bool escape(std::string *out);

    const char *m_p;
    const char *m_end;
    Verdict m_verdict = Verdict::Ok;
};

} // namespace rapport::ai
