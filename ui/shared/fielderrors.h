#pragma once
// Inline validation messages: maps a gateway field path ("name", "emails[0].address", "address.city")
// to the red label under the widget that edits it. Unmatched fields fall back to a general label.

#include <functional>
#include <map>

#include <QLabel>
#include <QString>

#include <nlohmann/json.hpp>

namespace rapport::ui {

class FieldErrors {
public:
    // Handles "<prefix>[i]..." paths itself (list editors); returns false to fall back to the prefix label.
    using Sink = std::function<bool(const QString &rest, const QString &message)>;

    static QLabel *makeLabel(const QString &field, QWidget *parent);  // hidden until it has a message
    static void setMessage(QLabel *label, const QString &message);

    void add(const QString &field, QLabel *label) { m_labels[field] = label; }
    void addSink(const QString &prefix, Sink sink, std::function<void()> clear);
    void setGeneral(QLabel *label) { m_general = label; }

    void clear();
    void show(const QString &field, const QString &message);
    // A gateway error body: every details[] entry, else the top-level field/message.
    void showResponse(const nlohmann::json &body);
    bool isEmpty() const { return m_count == 0; }

private:
    struct SinkEntry {
        Sink sink;
        std::function<void()> clear;
    };
    std::map<QString, QLabel *> m_labels;
    std::map<QString, SinkEntry> m_sinks;
    QLabel *m_general = nullptr;
    int m_count = 0;
};

} // namespace rapport::ui
