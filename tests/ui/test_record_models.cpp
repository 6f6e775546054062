// ContactsModel and CompaniesModel against a real gateway: lazy paging, searching, and single-row
// inserts/updates/removes, with QAbstractItemModelTester watching every change.

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "companies/companiesmodel.h"
#include "contacts/contactsmodel.h"
#include "uitestsupport.h"

using namespace Qt::StringLiterals;
using rapport::test::TestProfile;
using rapport::ui::CompaniesModel;
using rapport::ui::ContactsModel;
using rapport::ui::PagedJsonModel;

class TestRecordModels : public QObject {
    Q_OBJECT
private slots:
    void contactsStartWithOnePageAndGrowOnFetchMore();
    void contactsPagesStayConsistentUnderTheModelTester();
    void contactsSearchReplacesRowsAndDropsStalePages();
    void contactsUpsertAndRemoveTouchSingleRows();
    void companiesModelShowsColumnsAndKeepsRowsConsistent();
};

void TestRecordModels::contactsStartWithOnePageAndGrowOnFetchMore()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    QVERIFY(profile.addManyContacts(1500));

    // No model tester here: it calls fetchMore() after every change and would page through everything.
    ContactsModel model(profile.client());
    QSignalSpy pages(&model, &PagedJsonModel::pageLoaded);
    model.reload();
    QTRY_COMPARE(model.rowCount(), PagedJsonModel::kPageSize);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.first().first().toBool(), true);  // the first page
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.index(0, ContactsModel::Name).data().toString(), u"Contact 0001"_s);
    QCOMPARE(model.index(0, ContactsModel::Email).data().toString(), u"contact0001@example.com"_s);

    // A second fetchMore while a page is in flight must not request the same page twice.
    model.fetchMore({});
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 2 * PagedJsonModel::kPageSize);
    QCOMPARE(pages.size(), 2);

    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QTRY_VERIFY(model.rowCount() > before || !model.canFetchMore({}));
    }
    QCOMPARE(model.rowCount(), 1500);
    QCOMPARE(model.index(1499, ContactsModel::Name).data().toString(), u"Contact 1500"_s);
    const QStringList names = rapport::test::namesIn(model);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 1500);  // no page twice
}

void TestRecordModels::contactsPagesStayConsistentUnderTheModelTester()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    QVERIFY(profile.addManyContacts(1500));
    ContactsModel model(profile.client());
    // The tester checks the model after every insert and asks for more itself, so this pages through
    // all 1,500 rows one fetchMore at a time.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &PagedJsonModel::pageLoaded);
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1500, 30000);
    QCOMPARE(pages.size(), 8);  // 7 full pages of 200 and one of 100
    QVERIFY(!model.canFetchMore({}));
}

void TestRecordModels::contactsSearchReplacesRowsAndDropsStalePages()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    QVERIFY(profile.addManyContacts(450));
    QVERIFY(!profile.addContact({{"name", "Anna Müller"}}).empty());

    ContactsModel model(profile.client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    // Searches overtake each other before any reply: only the last one may land.
    model.setQuery(u"Contact"_s);
    model.setQuery(u"anna"_s);
    QTRY_VERIFY(model.hasLoadedOnce() && !model.isLoading());
    QCOMPARE(rapport::test::namesIn(model), QStringList{u"Anna Müller"_s});
    QVERIFY(!model.canFetchMore({}));

    model.setQuery(u"nobody-is-called-this"_s);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);

    model.setQuery(QString());
    QTRY_COMPARE(model.rowCount(), 451);  // the tester fetches every page
}

void TestRecordModels::contactsUpsertAndRemoveTouchSingleRows()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    const auto bernd = profile.addContact({{"name", "Bernd Schmidt"}, {"title", "Buyer"}});
    const auto dora = profile.addContact({{"name", "Dora Weiß"}});
    QVERIFY(!bernd.empty() && !dora.empty());

    ContactsModel model(profile.client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 2);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A new record lands at its place in name order.
    const auto carla = profile.addContact({{"name", "Carla Rossi"}});
    model.upsert(carla);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(rapport::test::namesIn(model), (QStringList{u"Bernd Schmidt"_s, u"Carla Rossi"_s, u"Dora Weiß"_s}));

    // An update changes its row in place; the same record twice is still one row.
    nlohmann::json renamed = bernd;
    renamed["title"] = "Head of Purchasing";
    model.upsert(renamed);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ContactsModel::Title).data().toString(), u"Head of Purchasing"_s);

    model.removeId(QString::fromStdString(dora["id"].get<std::string>()));
    QCOMPARE(rapport::test::namesIn(model), (QStringList{u"Bernd Schmidt"_s, u"Carla Rossi"_s}));
    QCOMPARE(model.rowOf(QString::fromStdString(dora["id"].get<std::string>())), -1);
    QCOMPARE(resets.size(), 0);  // no full reloads for single edits
}

void TestRecordModels::companiesModelShowsColumnsAndKeepsRowsConsistent()
{
    TestProfile profile;
    QVERIFY(profile.isOpen());
    const auto acme = profile.addCompany(
        {{"name", "Acme GmbH"}, {"domain", "acme.example"}, {"address", {{"city", "Köln"}, {"country", "Germany"}}}});
    QVERIFY(!acme.empty());
    QVERIFY(!profile.addCompany({{"name", "Zephyr Ltd"}}).empty());

    CompaniesModel model(profile.client());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(CompaniesModel::Domain, Qt::Horizontal).toString(), u"Domain"_s);
    QCOMPARE(model.index(0, CompaniesModel::Domain).data().toString(), u"acme.example"_s);
    QCOMPARE(model.index(0, CompaniesModel::City).data().toString(), u"Köln"_s);
    QCOMPARE(model.index(0, 0).data(PagedJsonModel::IdRole).toString(),
             QString::fromStdString(acme["id"].get<std::string>()));

    const auto middle = profile.addCompany({{"name", "Mondo SpA"}});
    model.upsert(middle);
    QCOMPARE(rapport::test::namesIn(model), (QStringList{u"Acme GmbH"_s, u"Mondo SpA"_s, u"Zephyr Ltd"_s}));
    model.removeId(QString::fromStdString(acme["id"].get<std::string>()));
    QCOMPARE(rapport::test::namesIn(model), (QStringList{u"Mondo SpA"_s, u"Zephyr Ltd"_s}));
}

QTEST_MAIN(TestRecordModels)
#include "test_record_models.moc"
