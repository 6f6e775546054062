#pragma once
// The right-hand editor pane shared by every record page. It keeps the record as loaded, reads the
// form back as the JSON the gateway takes, and works out what a save sends: the whole record for a
// create, only the changed fields (null = cleared) for a PATCH, and the reverse PATCH for undo.
// Subclasses build the form and map fields <-> JSON.

#include <QWidget>

#include <nlohmann/json.hpp>

#include "shared/fielderrors.h"
#include "shared/formbuilder.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedLayout;

namespace rapport::ui {

class ListEditor;

class RecordEditor : public QWidget {
    Q_OBJECT
public:
    explicit RecordEditor(QWidget *parent = nullptr);

    bool hasRecord() const { return m_open; }
    bool isNew() const { return m_open && recordId().isEmpty(); }
    QString recordId() const;
    QString displayName() const;  // the name as typed, else "New contact"
    // What a record is called in headers and messages: its "name" (a draft overrides: its subject).
    virtual QString nameOf(const nlohmann::json &record) const;
    bool isDirty() const { return m_dirty; }
    const nlohmann::json &record() const { return m_record; }

    void load(const nlohmann::json &record);  // a saved record; clears errors and the dirty flag
    void startNew();
    void closeRecord();  // shows the "select something" placeholder
    void revert();
    // After a successful save: shows the server's version unless the user typed on meanwhile.
    void acceptSaved(const nlohmann::json &record, const nlohmann::json &sentValues);

    nlohmann::json values() const { return readFields(); }
    nlohmann::json createBody() const;  // values without the empty ones
    nlohmann::json changes() const;     // changed keys only; cleared -> null
    nlohmann::json reverseOf(const nlohmann::json &changes) const;

    bool validate();  // client-side checks; shows messages inline
    void showResponseErrors(const nlohmann::json &body);
    void clearErrors() { m_errors.clear(); }
    void setSaving(bool saving);
    void focusFirstField();

signals:
    void dirtyChanged(bool dirty);
    void saveRequested();
    void revertRequested();

protected:
    virtual nlohmann::json readFields() const = 0;
    virtual void writeFields(const nlohmann::json &record) = 0;
    virtual void checkFields(FieldErrors &errors) const = 0;
    virtual bool hasPendingInput() const { return false; }  // typed text not yet a value (e.g. company)
    virtual QWidget *firstField() const = 0;

    void setTexts(const QString &newTitle, const QString &placeholder);
    FormBuilder &builder() { return m_builder; }
    FieldErrors &errors() { return m_errors; }
    void watch(QLineEdit *edit);
    void watch(QPlainTextEdit *edit);
    void watch(ListEditor *list);
    void fieldsChanged();  // recomputes the dirty flag and the header

private:
    void updateHeader();
    void updateButtons();

    FieldErrors m_errors;
    QFormLayout *m_form = nullptr;
    FormBuilder m_builder;
    QStackedLayout *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_meta = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QString m_newTitle;
    nlohmann::json m_record;    // as the gateway last sent it (empty object for a new record)
    nlohmann::json m_baseline;  // readFields() right after loading: what "unchanged" looks like
    bool m_open = false;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_saving = false;
};

} // namespace rapport::ui
