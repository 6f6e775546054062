// The contacts page as a sales person uses it: real widgets, offscreen, on a real gateway.

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include "contacts/contactsmodel.h"
#include "contacts/contactspage.h"
#include "firstrun/demooffer.h"
#include "mainwindow.h"
#include "secrets/memory_secret_store.h"
#include "shared/listeditor.h"
#include "shared/recordeditor.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using rapport::test::TestProfile;
using rapport::ui::ContactsModel;
using rapport::ui::MainWindow;
using rapport::ui::RecordPage;

namespace {

// The window, shown and active so that shortcuts reach it, with its first page of contacts loaded.
struct Window {
    explicit Window(TestProfile &profile) : window(profile.client(), profile.settings(), secrets)
    {
        window.show();
        window.activateWindow();
    }
    bool ready() { return QTest::qWaitForWindowActive(&window) && QTest::qWaitFor([&] { return window.isFirstPageShown(); }); }
    RecordPage &page() { return *window.contactsPage(); }
    QAbstractItemModel &model() { return *page().table()->model(); }
    template <class T> T *field(const QString &name) { return page().editor()->findChild<T *>(name); }
    rapport::MemorySecretStore secrets;  // before the window, which uses it
    MainWindow window;
};

// keyClicks() only types Latin-1; this types any text, one key event per character, as an IME would.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

QString idOf(const nlohmann::json &record) { return QString::fromStdString(record.value("id", std::string())); }

} // namespace

class TestContactsUi : public QObject {
    Q_OBJECT
private slots:
    void typingInTheSearchBoxFiltersTheTable();
    void unicodeNamesShowAndFoldInSearch();
    void createThroughTheEditorThenFindIt();
    void validationErrorShowsInlineAndKeepsTheText();
    void deleteWithDelThenUndoRestores();
    void editThenUndoRevertsTheChange();
    void unsavedChangesAreGuardedWhenSwitching();
    void emptyProfileOffersDemoDataAndLoadsIt();
};

void TestContactsUi::typingInTheSearchBoxFiltersTheTable()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    for (const char *name : {"Anna Müller", "Bernd Schmidt", "Annika Berg", "Carla Rossi"})
        QVERIFY(!profile.addContact({{"name", name}}).empty());
    Window w(profile);
    QVERIFY(w.ready());
    QCOMPARE(w.model().rowCount(), 4);

    w.page().table()->setFocus();
    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier);  // Find focuses the search box
    QVERIFY(w.page().searchBox()->hasFocus());
    QTest::keyClicks(w.page().searchBox(), u"schmi"_s);
    QTRY_COMPARE(rapport::test::namesIn(w.model()), QStringList{u"Bernd Schmidt"_s});

    w.page().searchBox()->clear();
    QTest::keyClicks(w.page().searchBox(), u"ann"_s);
    QTRY_COMPARE(w.model().rowCount(), 2);
    QStringList names = rapport::test::namesIn(w.model());
    names.sort();
    QCOMPARE(names, (QStringList{u"Anna Müller"_s, u"Annika Berg"_s}));

    QTest::keyClicks(w.page().searchBox(), u"xyz"_s);
    QTRY_COMPARE(w.model().rowCount(), 0);
    auto *empty = w.page().findChild<QLabel *>(u"emptyState"_s);
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"No contacts match “annxyz”"_s);

    w.page().searchBox()->clear();  // the clear button does the same
    QTRY_COMPARE(w.model().rowCount(), 4);
    QVERIFY(!empty->isVisible());
}

void TestContactsUi::unicodeNamesShowAndFoldInSearch()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    for (const char *name : {"Zoë Quinn", "Ångström Lab", "山田 太郎", "Party 🎉 Planner", "Zoran Novak"})
        QVERIFY(!profile.addContact({{"name", name}}).empty());
    Window w(profile);
    QVERIFY(w.ready());
    const QStringList shown = rapport::test::namesIn(w.model());
    for (const QString &name : {u"Zoë Quinn"_s, u"Ångström Lab"_s, u"山田 太郎"_s, u"Party 🎉 Planner"_s})
        QVERIFY2(shown.contains(name), qPrintable(name));

    QTest::keyClicks(w.page().searchBox(), u"zoe"_s);
    QTRY_COMPARE(rapport::test::namesIn(w.model()), QStringList{u"Zoë Quinn"_s});
    w.page().searchBox()->clear();
    QTest::keyClicks(w.page().searchBox(), u"angstrom"_s);
    QTRY_COMPARE(rapport::test::namesIn(w.model()), QStringList{u"Ångström Lab"_s});
    w.page().searchBox()->clear();
    typeText(w.page().searchBox(), u"山田"_s);
    QTRY_COMPARE(rapport::test::namesIn(w.model()), QStringList{u"山田 太郎"_s});
}

void TestContactsUi::createThroughTheEditorThenFindIt()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    QVERIFY(!profile.addContact({{"name", "Existing Person"}}).empty());
    Window w(profile);
    QVERIFY(w.ready());

    QTest::keyClick(&w.window, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(w.page().editor()->isNew());
    auto *name = w.field<QLineEdit>(u"name"_s);
    QVERIFY(name && name->hasFocus());
    QTest::keyClicks(name, u"Frieda Olsen"_s);
    QTest::keyClicks(w.field<QLineEdit>(u"title"_s), u"CFO"_s);
    auto *emails = w.field<rapport::ui::ListEditor>(u"emails"_s);
    QTest::keyClicks(emails->valueEdit(0), u"frieda@olsen.example"_s);
    QTest::keyClicks(w.field<QLineEdit>(u"address.city"_s), u"Oslo"_s);
    QTest::keyClick(&w.window, Qt::Key_S, Qt::ControlModifier);

    QTRY_VERIFY(!w.page().editor()->isNew());
    QTRY_COMPARE(w.window.statusBar()->currentMessage(), u"Contact created"_s);
    const nlohmann::json stored = profile.get("/contacts/" + w.page().editor()->recordId().toStdString());
    QCOMPARE(stored.value("title", std::string()), std::string("CFO"));
    QCOMPARE(stored["address"].value("city", std::string()), std::string("Oslo"));

    QTest::keyClicks(w.page().searchBox(), u"frieda"_s);
    QTRY_COMPARE(rapport::test::namesIn(w.model()), QStringList{u"Frieda Olsen"_s});
    QCOMPARE(w.model().index(0, ContactsModel::Email).data().toString(), u"frieda@olsen.example"_s);
}

void TestContactsUi::validationErrorShowsInlineAndKeepsTheText()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    Window w(profile);
    QVERIFY(w.ready());

    w.page().newRecord();
    w.page().save();  // client-side: a name is required, nothing is sent
    auto *nameError = w.page().editor()->findChild<QLabel *>(u"error:name"_s);
    QVERIFY(nameError && nameError->isVisible());

    QTest::keyClicks(w.field<QLineEdit>(u"name"_s), u"Gustav Bad-Mail"_s);
    auto *emails = w.field<rapport::ui::ListEditor>(u"emails"_s);
    QTest::keyClicks(emails->valueEdit(0), u"not-an-email"_s);
    QTest::keyClick(&w.window, Qt::Key_S, Qt::ControlModifier);

    // The gateway answers 422 with details[].field "emails[0].address": the row shows it in red.
    const auto visibleErrors = [&] {
        QStringList texts;
        for (QLabel *label : emails->findChildren<QLabel *>())
            if (label->objectName().startsWith(u"error:"_s) && label->isVisible())
                texts.append(label->text());
        return texts;
    };
    QTRY_COMPARE(visibleErrors().size(), 1);
    QVERIFY(!nameError->isVisible());
    QVERIFY(w.page().editor()->isNew());
    QCOMPARE(emails->valueEdit(0)->text(), u"not-an-email"_s);
    QCOMPARE(w.field<QLineEdit>(u"name"_s)->text(), u"Gustav Bad-Mail"_s);
    QCOMPARE(profile.get("/contacts?q=gustav")["items"].size(), 0u);
}

void TestContactsUi::deleteWithDelThenUndoRestores()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    QVERIFY(!profile.addContact({{"name", "Anna Müller"}, {"title", "Buyer"}}).empty());
    const QString bernd = idOf(profile.addContact({{"name", "Bernd Schmidt"}, {"notes", "Met at the fair"}}));
    Window w(profile);
    QVERIFY(w.ready());
    auto *model = qobject_cast<ContactsModel *>(&w.model());
    const int row = model->rowOf(bernd);
    QVERIFY(row >= 0);
    w.page().table()->selectRow(row);
    w.page().table()->setFocus();
    QTRY_COMPARE(w.page().editor()->recordId(), bernd);

    QTest::keyClick(w.page().table(), Qt::Key_Delete);
    QTRY_COMPARE(model->rowOf(bernd), -1);
    QCOMPARE(model->rowCount(), 1);
    QTRY_COMPARE(w.window.statusBar()->currentMessage(), u"Deleted Bernd Schmidt — Undo (Ctrl+Z)"_s);
    QVERIFY(profile.get("/contacts/" + bernd.toStdString()).is_null());

    QTest::keyClick(&w.window, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(model->rowOf(bernd) >= 0);
    const nlohmann::json restored = profile.get("/contacts/" + bernd.toStdString());
    QCOMPARE(restored.value("notes", std::string()), std::string("Met at the fair"));

    QTest::keyClick(&w.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);  // redo deletes again
    QTRY_COMPARE(model->rowOf(bernd), -1);
}

void TestContactsUi::editThenUndoRevertsTheChange()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    const QString id = idOf(profile.addContact({{"name", "Carla Rossi"}, {"title", "Buyer"}}));
    Window w(profile);
    QVERIFY(w.ready());
    QTRY_COMPARE(w.page().editor()->recordId(), id);  // the first row opens by itself

    auto *title = w.field<QLineEdit>(u"title"_s);
    title->selectAll();
    QTest::keyClicks(title, u"Head of Purchasing"_s);
    QVERIFY(w.page().editor()->isDirty());
    QTest::keyClick(&w.window, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(w.model().index(0, ContactsModel::Title).data().toString(), u"Head of Purchasing"_s);
    QVERIFY(!w.page().editor()->isDirty());
    QCOMPARE(w.window.undoStack()->count(), 1);

    w.window.undoStack()->undo();
    QTRY_COMPARE(w.model().index(0, ContactsModel::Title).data().toString(), u"Buyer"_s);
    QTRY_COMPARE(title->text(), u"Buyer"_s);
    QCOMPARE(profile.get("/contacts/" + id.toStdString()).value("title", std::string()), std::string("Buyer"));

    w.window.undoStack()->redo();
    QTRY_COMPARE(w.model().index(0, ContactsModel::Title).data().toString(), u"Head of Purchasing"_s);
}

void TestContactsUi::unsavedChangesAreGuardedWhenSwitching()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    const QString first = idOf(profile.addContact({{"name", "Anton Alt"}}));
    const QString second = idOf(profile.addContact({{"name", "Berta Bauer"}}));
    Window w(profile);
    QVERIFY(w.ready());
    QTRY_COMPARE(w.page().editor()->recordId(), first);
    QTest::keyClicks(w.field<QLineEdit>(u"title"_s), u"Typed but not saved"_s);

    auto answer = RecordPage::UnsavedChoice::Cancel;
    int asked = 0;
    w.page().setUnsavedPrompt([&](const QString &) {
        ++asked;
        return answer;
    });
    w.page().table()->selectRow(1);
    QCOMPARE(asked, 1);
    QCOMPARE(w.page().editor()->recordId(), first);  // cancelled: still editing, selection back
    QCOMPARE(w.page().table()->currentIndex().row(), 0);
    QCOMPARE(w.field<QLineEdit>(u"title"_s)->text(), u"Typed but not saved"_s);

    answer = RecordPage::UnsavedChoice::Save;
    w.page().table()->selectRow(1);
    QTRY_COMPARE(w.page().editor()->recordId(), second);
    QCOMPARE(w.page().table()->currentIndex().row(), 1);
    QCOMPARE(profile.get("/contacts/" + first.toStdString()).value("title", std::string()),
             std::string("Typed but not saved"));
}

void TestContactsUi::emptyProfileOffersDemoDataAndLoadsIt()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    Window w(profile);
    QVERIFY(w.ready());
    auto *offer = w.window.demoOffer();
    QTRY_VERIFY(offer->isVisible());
    QTest::mouseClick(offer->findChild<QPushButton *>(u"loadDemo"_s), Qt::LeftButton);
    QVERIFY(!offer->isVisible());
    QVERIFY(profile.settings().value(QLatin1StringView(rapport::ui::DemoOffer::kSettingsKey)).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!offer->isLoading(), 60000);
    QTRY_COMPARE(w.model().rowCount(), rapport::ui::PagedJsonModel::kPageSize);
    QCOMPARE(profile.get("/stats").value("contacts", 0), rapport::ui::DemoOffer::kContacts);
}

QTEST_MAIN(TestContactsUi)
#include "test_contacts_ui.moc"
