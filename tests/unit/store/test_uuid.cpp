#include <set>

#include <QTest>

#include "store/uuid.h"

using namespace rapport;

class TestUuid : public QObject {
    Q_OBJECT
private slots:
    void formatIsVersion7()
    {
        const std::string id = newUuidV7();
        QVERIFY(isUuid(id));
        QCOMPARE(id[14], '7');                                     // version nibble
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);  // RFC 9562 variant
    }

    void idsAreUniqueAndIncreasing()
    {
        std::string previous;
        std::set<std::string> seen;
        for (int i = 0; i < 20000; ++i) {  // many per millisecond: the counter keeps order
            const std::string id = newUuidV7();
            QVERIFY2(id > previous, id.c_str());
            QVERIFY(seen.insert(id).second);
            previous = id;
        }
    }

    void isUuidRejectsOtherText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper") << QStringLiteral("01936F4E-8C1A-7B2E-9F3D-5A6B7C8D9E0F");
        QTest::newRow("short") << QStringLiteral("01936f4e-8c1a-7b2e-9f3d-5a6b7c8d9e0");
        QTest::newRow("injection") << QStringLiteral("1' OR '1'='1'; DROP TABLE contacts; --");
        QTest::newRow("dashes moved") << QStringLiteral("01936f4e8-c1a-7b2e-9f3d-5a6b7c8d9e0f");
    }
    void isUuidRejectsOtherText()
    {
        QFETCH(QString, text);
        QVERIFY(!isUuid(text.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestUuid)
#include "test_uuid.moc"
