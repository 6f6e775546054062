#include "fakes/fake_sse.h"

#include <nlohmann/json.hpp>

namespace rapport::fakes::sse {

namespace {
using json = nlohmann::json;

json chunkEnvelope(json choices)
{
    return {{"id", "chatcmpl-fake"}, {"object", "chat.completion.chunk"}, {"created", 1700000000},
            {"model", "accounts/fireworks/models/fake"}, {"choices", std::move(choices)}, {"usage", nullptr}};
}

QByteArray dump(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

json choice(json delta, json finishReason)
{
    return json::array({{{"index", 0}, {"delta", std::move(delta)}, {"finish_reason", std::move(finishReason)},
                         {"logprobs", nullptr}}});
}
} // namespace

QByteArray roleChunk()
{
    return dump(chunkEnvelope(choice({{"role", "assistant"}, {"content", nullptr}}, nullptr)));
}

QByteArray contentChunk(const QString &text)
{
    return dump(chunkEnvelope(choice({{"content", text.toStdString()}}, nullptr)));
}

QByteArray finishChunk(const QByteArray &reason)
{
    return dump(chunkEnvelope(choice(json::object(), reason.toStdString())));
}

QByteArray usageChunk(int promptTokens, int completionTokens)
{
    json chunk = chunkEnvelope(json::array());
    chunk["usage"] = {{"prompt_tokens", promptTokens},
                      {"completion_tokens", completionTokens},
                      {"total_tokens", promptTokens + completionTokens}};
    return dump(chunk);
}

QByteArray errorChunk(const QString &message)
{
    return dump({{"error", {{"object", "error"}, {"type", "internal_server_error"}, {"message", message.toStdString()}}}});
}

QByteArray event(const QByteArray &data, const QByteArray &eol)
{
    return "data: " + data + eol + eol;
}

QByteArray multiLineEvent(const QByteArray &data, const QByteArray &eol)
{
    // Break only after commas outside JSON strings: the "\n" SSE inserts must land on JSON whitespace.
    QByteArray framed = "data: ";
    bool inString = false;
    bool escaped = false;
    for (char c : data) {
        framed.append(c);
        if (escaped)
            escaped = false;
        else if (inString && c == '\\')
            escaped = true;
        else if (c == '"')
            inString = !inString;
        else if (!inString && c == ',')
            framed.append(eol + "data: ");
    }
    return framed + eol + eol;
}

QByteArray comment(const QByteArray &text, const QByteArray &eol)
{
    return ": " + text + eol + eol;
}

QByteArray done(bool trailingBlankLine, const QByteArray &eol)
{
    return "data: [DONE]" + eol + (trailingBlankLine ? eol : QByteArray());
}

QList<QByteArray> completion(const QStringList &pieces, const StreamOptions &options)
{
    const QByteArray &eol = options.eol;
    QList<QByteArray> events;
    events << (options.leadingBom ? bom : QByteArray()) + event(roleChunk(), eol);
    for (const QString &piece : pieces) {
        if (options.pings)
            events << comment("ping", eol);
        const QByteArray json = contentChunk(piece);
        events << (options.multiLineData ? multiLineEvent(json, eol) : event(json, eol));
    }
    events << event(finishChunk(), eol);
    const int completionTokens = options.completionTokens >= 0 ? options.completionTokens : int(pieces.size());
    if (options.usageAfterFinish)
        events << event(usageChunk(options.promptTokens, completionTokens), eol);
    events << done(options.doneBlankLine, eol);
    return events;
}

} // namespace rapport::fakes::sse
