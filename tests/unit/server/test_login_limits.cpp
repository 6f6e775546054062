// Failed sign-ins are limited per account and per remote address (5 in 15 minutes each), on the
// hand-driven clock: the limit, its retry time, recovery, and what a success does and does not reset.

#include <atomic>
#include <thread>
#include <tuple>
#include <vector>

#include "accounts_fixture.h"

using namespace rapport;
using namespace rapport::server;
using namespace rapport::server::test;

namespace {
constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::string_view kWrong = "not the password";

std::string address(int i)
{
    return "192.0.2." + std::to_string(i);
}
} // namespace

class TestLoginLimits : public QObject {
    Q_OBJECT
private slots:
    void perAccountKnownAndUnknownAlike()
    {
        TestServer server;
        server.add("hal@example.com");
        Error limitedKnown, limitedUnknown;
        // Every other attempt in capitals: it is the same account.
        for (auto [email, shouted, base] : {std::tuple{"hal@example.com", "HAL@Example.COM", 0},
                                            std::tuple{"nobody@example.com", "NOBODY@Example.COM", 100}}) {
            const std::int64_t start = server.clock->load();
            for (int i = 0; i < 5; ++i) {  // a new address per attempt: only the account limits
                auto r = server.accounts->login(i % 2 ? email : shouted, kWrong, address(base + i));
                QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
                server.advanceMs(kMinuteMs);
            }
            // The sixth is refused before its password is looked at, even with the right one.
            auto limited = server.accounts->login(email, kPassword, address(base + 50));
            QCOMPARE(limited.error().code, ErrorCode::RateLimited);
            QCOMPARE(limited.error().status(), 429);
            // The oldest failure (at start) leaves the 15-minute window first.
            QCOMPARE(limited.error().retryAfterMs, start + 15 * kMinuteMs - server.clock->load());
            (base == 0 ? limitedKnown : limitedUnknown) = limited.error();
            server.clock->store(start);  // the second e-mail replays the same timeline
        }
        // Nothing in the answer tells whether the account exists.
        QCOMPARE(limitedUnknown.message, limitedKnown.message);
        QCOMPARE(limitedUnknown.retryAfterMs, limitedKnown.retryAfterMs);
        QVERIFY(limitedKnown.message.find("hal") == std::string::npos);
    }

    void recoveryAfterTheWindowAndSuccessResetsTheAccount()
    {
        TestServer server;
        server.add("ida@example.com");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.accounts->login("ida@example.com", kWrong, address(i)).error().code, ErrorCode::Unauthenticated);
        auto limited = server.accounts->login("ida@example.com", kPassword, address(9));
        QCOMPARE(limited.error().retryAfterMs, 15 * kMinuteMs);
        // Limited attempts are not counted: asking again does not push the time further out.
        QCOMPARE(server.accounts->login("ida@example.com", kWrong, address(9)).error().retryAfterMs, 15 * kMinuteMs);
        server.advanceMs(15 * kMinuteMs - 1);
        QCOMPARE(server.accounts->login("ida@example.com", kPassword, address(9)).error().retryAfterMs, 1);
        server.advanceMs(1);
        QVERIFY(server.accounts->login("ida@example.com", kPassword, address(9)).ok());
        // The success cleared the account's count: five more failures before the next refusal.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.accounts->login("ida@example.com", kWrong, address(20 + i)).error().code,
                     ErrorCode::Unauthenticated);
        QCOMPARE(server.accounts->login("ida@example.com", kPassword, address(30)).error().code, ErrorCode::RateLimited);
    }

    void perAddressAcrossAccountsAndRestarts()
    {
        TestServer server;
        server.add("jo@example.com");
        const std::string attacker = "203.0.113.7";
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.accounts->login("user" + std::to_string(i) + "@example.com", kWrong, attacker).error().code,
                     ErrorCode::Unauthenticated);
        QCOMPARE(server.accounts->login("jo@example.com", kPassword, attacker).error().code, ErrorCode::RateLimited);
        server.reopen();  // counted in server.db, not in memory
        QCOMPARE(server.accounts->login("jo@example.com", kPassword, attacker).error().code, ErrorCode::RateLimited);
        QVERIFY(server.accounts->login("jo@example.com", kPassword, "2001:db8::1").ok());  // other address
        server.advanceMs(15 * kMinuteMs);
        QVERIFY(server.accounts->login("jo@example.com", kPassword, attacker).ok());
    }

    void successDoesNotResetTheAddress()
    {
        // An attacker who owns one account must not reset the address counter by signing into it.
        TestServer server;
        server.add("kim@example.com");
        const std::string shared = "198.51.100.4";
        for (int i = 0; i < 4; ++i)
            QVERIFY(!server.accounts->login("victim" + std::to_string(i) + "@example.com", kWrong, shared).ok());
        QVERIFY(server.accounts->login("kim@example.com", kPassword, shared).ok());
        QCOMPARE(server.accounts->login("victim9@example.com", kWrong, shared).error().code, ErrorCode::Unauthenticated);
        QCOMPARE(server.accounts->login("kim@example.com", kPassword, shared).error().code, ErrorCode::RateLimited);
    }

    void aConcurrentBurstGetsNoMoreThanTheLimit()
    {
        TestServer server;
        server.add("lee@example.com");
        std::atomic<int> wrong{0}, limited{0}, other{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 12; ++t)
            threads.emplace_back([&, t] {
                auto r = server.accounts->login("lee@example.com", kWrong, address(t));
                if (r.ok())
                    ++other;
                else if (r.error().code == ErrorCode::Unauthenticated)
                    ++wrong;
                else if (r.error().code == ErrorCode::RateLimited)
                    ++limited;
                else
                    ++other;
            });
        for (auto &th : threads)
            th.join();
        QCOMPARE(other.load(), 0);
        QCOMPARE(wrong.load(), 5);  // each attempt is counted before its password check
        QCOMPARE(limited.load(), 7);
    }
};

QTEST_GUILESS_MAIN(TestLoginLimits)
#include "test_login_limits.moc"
