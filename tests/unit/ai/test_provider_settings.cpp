// The AI provider settings: saved in the profile, validated as a whole, overridden (not saved) by the
// environment, and the API key kept in memory only: never in a response, never in the database file.

#include <QFile>
#include <QtTest>

#include "ai/provider_settings.h"
#include "support/test_profile.h"

using namespace Qt::StringLiterals;
using namespace rapport;
using rapport::test::TestProfile;
using json = nlohmann::json;

namespace {

// Every byte of the profile's database and its WAL, to look for a secret in them.
QByteArray databaseBytes(const QString &dir)
{
    QByteArray all;
    for (const QString &name : {u"rapport.db"_s, u"rapport.db-wal"_s}) {
        QFile f(dir + u'/' + name);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class TestProviderSettings : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        for (const char *name : {"RAPPORT_AI_BASE_URL", "RAPPORT_AI_MODEL", "RAPPORT_AI_API_KEY"})
            qunsetenv(name);
    }

    void defaultsUntilChanged()
    {
        TestProfile p;
        Response r = p.call(Method::Get, "/ai/settings");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["base_url"].get<std::string>(), std::string("https://api.fireworks.ai/inference/v1"));
        QVERIFY(!r.body["model"].get<std::string>().empty());
        QCOMPARE(r.body["api_key_set"].get<bool>(), false);
        QCOMPARE(r.body["api_key_source"].get<std::string>(), std::string("none"));
        JCOMPARE(r.body["defaults"]["base_url"], r.body["base_url"]);
        // No key with the hosted default: the AI routes say what to do.
        Response chat = p.call(Method::Post, "/ai/chat", {{"message", "hi"}});
        QCOMPARE(chat.status, 400);
        QCOMPARE(chat.body["error"]["field"].get<std::string>(), std::string("api_key"));
    }

    void savedAcrossReopenAndNullRestoresDefault()
    {
        QTemporaryDir dir;
        {
            auto g = Gateway::open(dir.path());
            QVERIFY(g);
            Response r = (*g)->call(Method::Patch, "/ai/settings",
                                    json{{"base_url", "http://127.0.0.1:8080/v1"}, {"model", "llama-3.1-8b 🦙 模型"},
                                         {"temperature", 0.2}, {"max_tokens", 300}}.dump());
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body["model"].get<std::string>(), std::string("llama-3.1-8b 🦙 模型"));
        }
        auto g = Gateway::open(dir.path());
        QVERIFY(g);
        Response r = (*g)->call(Method::Get, "/ai/settings");
        QCOMPARE(r.body["base_url"].get<std::string>(), std::string("http://127.0.0.1:8080/v1"));
        QCOMPARE(r.body["temperature"].get<double>(), 0.2);
        QCOMPARE(r.body["max_tokens"].get<int>(), 300);
        const ai::ProviderConfig c = (*g)->aiSettings().current();
        QCOMPARE(c.chatCompletionsUrl().toString(), u"http://127.0.0.1:8080/v1/chat/completions"_s);
        // A local server needs no key: the route does not refuse.
        QVERIFY((*g)->aiSettings().usable().ok());

        r = (*g)->call(Method::Patch, "/ai/settings", json{{"base_url", nullptr}, {"max_tokens", nullptr}}.dump());
        QCOMPARE(r.status, 200);
        JCOMPARE(r.body["base_url"], r.body["defaults"]["base_url"]);
        JCOMPARE(r.body["max_tokens"], r.body["defaults"]["max_tokens"]);
        QCOMPARE(r.body["temperature"].get<double>(), 0.2);  // untouched
    }

    void badValuesAreRejectedTogetherAndNothingIsSaved_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("ftp url") << uR"({"base_url":"ftp://example.com/v1"})"_s << QStringList{u"base_url"_s};
        QTest::newRow("no host") << uR"({"base_url":"https://"})"_s << QStringList{u"base_url"_s};
        QTest::newRow("injection url") << uR"({"base_url":"'; DROP TABLE settings;--"})"_s << QStringList{u"base_url"_s};
        QTest::newRow("hot") << uR"({"temperature":2.5})"_s << QStringList{u"temperature"_s};
        QTest::newRow("text temperature") << uR"({"temperature":"warm"})"_s << QStringList{u"temperature"_s};
        QTest::newRow("zero tokens") << uR"({"max_tokens":0})"_s << QStringList{u"max_tokens"_s};
        QTest::newRow("fraction tokens") << uR"({"max_tokens":1.5})"_s << QStringList{u"max_tokens"_s};
        QTest::newRow("two at once") << uR"({"temperature":-1,"max_tokens":100000,"model":"ok"})"_s
                                     << QStringList{u"temperature"_s, u"max_tokens"_s};
        QTest::newRow("the key is not a setting") << uR"({"api_key":"sk-123"})"_s << QStringList{u"api_key"_s};
    }
    void badValuesAreRejectedTogetherAndNothingIsSaved()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, fields);
        TestProfile p;
        const json before = p.call(Method::Get, "/ai/settings").body;
        Response r = p.gateway->call(Method::Patch, "/ai/settings", body.toStdString());
        QCOMPARE(r.status, 422);
        QStringList got;
        for (const auto &d : r.body["error"]["details"])
            got << QString::fromStdString(d["field"].get<std::string>());
        QCOMPARE(got, fields);
        JCOMPARE(p.call(Method::Get, "/ai/settings").body, before);
    }

    void malformedBodyIsAClearError()
    {
        TestProfile p;
        Response r = p.gateway->call(Method::Patch, "/ai/settings", "{\"model\": ");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body["error"]["code"].get<std::string>(), std::string("invalid_json"));
        r = p.gateway->call(Method::Patch, "/ai/settings", "[1,2]");
        QCOMPARE(r.status, 400);
    }

    void environmentWinsAndIsNeverSaved()
    {
        TestProfile p;
        QCOMPARE(p.call(Method::Patch, "/ai/settings", {{"model", "saved-model"}}).status, 200);
        qputenv("RAPPORT_AI_MODEL", "env-model");
        qputenv("RAPPORT_AI_API_KEY", "sk-env-secret-1");
        json s = p.call(Method::Get, "/ai/settings").body;
        QCOMPARE(s["model"].get<std::string>(), std::string("env-model"));
        QCOMPARE(s["api_key_source"].get<std::string>(), std::string("environment"));
        JCOMPARE(s["overridden_by_environment"], json::array({"RAPPORT_AI_MODEL", "RAPPORT_AI_API_KEY"}));
        QCOMPARE(p.gateway->aiSettings().current().apiKey, u"sk-env-secret-1"_s);
        // Saving another field does not write the environment's model into the profile.
        QCOMPARE(p.call(Method::Patch, "/ai/settings", {{"temperature", 1.0}}).status, 200);
        qunsetenv("RAPPORT_AI_MODEL");
        qunsetenv("RAPPORT_AI_API_KEY");
        s = p.call(Method::Get, "/ai/settings").body;
        QCOMPARE(s["model"].get<std::string>(), std::string("saved-model"));
        QVERIFY(!databaseBytes(p.dir.path()).contains("sk-env-secret-1"));
    }

    void keyIsHeldInMemoryOnly()
    {
        TestProfile p;
        const QString secret = u"sk-live-ÄÖÜ-🔑-0123456789"_s;
        p.gateway->aiSettings().setApiKey(secret, ai::KeySource::Session);
        json s = p.call(Method::Get, "/ai/settings").body;
        QCOMPARE(s["api_key_set"].get<bool>(), true);
        QCOMPARE(s["api_key_source"].get<std::string>(), std::string("session"));
        QVERIFY(!QString::fromStdString(s.dump()).contains(secret));
        QCOMPARE(p.gateway->aiSettings().current().apiKey, secret);
        QVERIFY(p.gateway->aiSettings().usable().ok());
        QCOMPARE(p.call(Method::Patch, "/ai/settings", {{"model", "m"}}).status, 200);
        QVERIFY(!databaseBytes(p.dir.path()).contains(secret.toUtf8()));
        p.gateway->aiSettings().setApiKey(u"  "_s, ai::KeySource::Keychain);  // blank clears
        QCOMPARE(p.gateway->aiSettings().apiKeySource(), ai::KeySource::None);
        QVERIFY(!p.gateway->aiSettings().usable().ok());
    }
};

QTEST_GUILESS_MAIN(TestProviderSettings)
#include "test_provider_settings.moc"
