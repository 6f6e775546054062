#pragma once
// A small editor for a list of values with a label each (a contact's emails or phones): one row per
// value, an optional "primary" choice, add and remove buttons, and an error line under every row.

#include <vector>

#include <QStringList>
#include <QWidget>

#include <nlohmann/json.hpp>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace rapport::ui {

class ListEditor : public QWidget {
    Q_OBJECT
public:
    struct Options {
        const char *valueKey = "address";  // JSON key of the value: "address" or "number"
        QString placeholder;
        QList<QPair<QString, QString>> labels;  // (stored value, shown text), e.g. ("work", tr("Work"))
        bool withPrimary = false;
        QString addText;
    };
    explicit ListEditor(Options options, QWidget *parent = nullptr);

    void setItems(const nlohmann::json &items);  // replaces all rows
    nlohmann::json items() const;                // non-empty rows only, in order
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    QLineEdit *valueEdit(int row) const;
    void addRow();

    // rest of a field path after the list's name: "[1].number" or "[1]"; false when not a row of ours.
    bool showError(const QString &rest, const QString &message);
    void clearErrors();

signals:
    void changed();

private:
    struct Row {
        QWidget *widget = nullptr;
        QLineEdit *value = nullptr;
        QComboBox *label = nullptr;
        QToolButton *primary = nullptr;  // a star: filled on the primary row
        QLabel *error = nullptr;
    };
    Row &appendRow(const nlohmann::json &item);
    void removeRow(QWidget *widget);
    QString labelValue(const QComboBox *combo) const;

    Options m_options;
    std::vector<Row> m_rows;
    QVBoxLayout *m_rowsLayout = nullptr;
    QButtonGroup *m_primaryGroup = nullptr;
    QPushButton *m_add = nullptr;
};

} // namespace rapport::ui
