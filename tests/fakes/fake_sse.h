#pragma once
// Building blocks for OpenAI-compatible SSE bodies, shaped like recorded Fireworks/OpenAI streams
// (docs/protocols.md section B): the JSON of each chunk, and its SSE framing with a chosen line end.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rapport::fakes::sse {

// chat.completion.chunk JSON texts.
QByteArray roleChunk();                              // delta {role: assistant, content: null}
QByteArray contentChunk(const QString &text);        // delta {content: text}, finish_reason null
QByteArray finishChunk(const QByteArray &reason = "stop");  // delta {}, finish_reason
QByteArray usageChunk(int promptTokens, int completionTokens);  // choices: [], usage
QByteArray errorChunk(const QString &message);       // {"error":{...}} as llama.cpp/OpenAI send mid-stream

// Framing. `eol` is "\n", "\r\n" or "\r".
QByteArray event(const QByteArray &data, const QByteArray &eol = "\n");
// The same JSON spread over several `data:` lines (split after each ","), which SSE joins with "\n".
QByteArray multiLineEvent(const QByteArray &data, const QByteArray &eol = "\n");
QByteArray comment(const QByteArray &text = "ping", const QByteArray &eol = "\n");
QByteArray done(bool trailingBlankLine = true, const QByteArray &eol = "\n");
inline const QByteArray bom = QByteArrayLiteral("\xEF\xBB\xBF");

struct StreamOptions {
    QByteArray eol = "\n";
    bool leadingBom = false;
    bool pings = false;           // a `: ping` comment between chunks
    bool multiLineData = false;   // every content chunk as multi-line data
    bool usageAfterFinish = true; // the OpenAI include_usage shape: a choices:[] chunk after finish
    bool doneBlankLine = true;
    int promptTokens = 11;
    int completionTokens = -1;    // -1: one per piece
};

// A complete successful stream, one event per element: role chunk, one content chunk per piece,
// finish chunk, optional usage chunk, [DONE].
QList<QByteArray> completion(const QStringList &pieces, const StreamOptions &options = {});

} // namespace rapport::fakes::sse
