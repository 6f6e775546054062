#pragma once
// Waiting for SecretStore answers in tests: every wait is bounded, a missing answer is a failure.

#include <optional>
#include <string>

#include <QObject>
#include <QTest>

#include "secrets/secret_store.h"

namespace rapport::test {

using namespace Qt::StringLiterals;

inline constexpr int kWaitMs = 20'000;  // a bound, not an expectation: answers normally take milliseconds

// Starts one operation and waits (bounded) for its answer; nullopt when none came.
template <class R, class Start>
std::optional<R> await(Start start)
{
    QObject context;
    std::optional<R> out;
    start(&context, [&out](R r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kWaitMs))
        return std::nullopt;
    return out;
}

using ReadResult = Result<std::optional<QString>>;

inline std::optional<ReadResult> readNow(SecretStore &s, const QString &key)
{
    return await<ReadResult>([&](QObject *ctx, auto done) { s.read(key, ctx, done); });
}
inline std::optional<Result<void>> writeNow(SecretStore &s, const QString &key, const QString &value)
{
    return await<Result<void>>([&](QObject *ctx, auto done) { s.write(key, value, ctx, done); });
}
inline std::optional<Result<void>> removeNow(SecretStore &s, const QString &key)
{
    return await<Result<void>>([&](QObject *ctx, auto done) { s.remove(key, ctx, done); });
}

// A readable form for failure messages: QTest cannot print std::optional.
inline QString shown(const std::optional<QString> &v)
{
    return v ? u'"' + *v + u'"' : u"<not stored>"_s;
}

inline const char *describe(const Error &e)
{
    static thread_local std::string text;
    text = std::string(codeName(e.code)) + ": " + e.message;
    return text.c_str();
}

} // namespace rapport::test

// The answer arrived, and it is a success.
#define VERIFY_OK(answer)                                                                                \
    do {                                                                                                 \
        const auto &a_ = (answer);                                                                       \
        QVERIFY2(a_.has_value(), "no answer within the time bound");                                     \
        QVERIFY2(a_->ok(), a_->ok() ? "" : rapport::test::describe(a_->error()));                        \
    } while (false)

// Reads `key` and compares it with `expected` (std::nullopt: not stored).
#define COMPARE_READ(store, key, expected)                                                               \
    do {                                                                                                 \
        const auto r_ = rapport::test::readNow(store, key);                                              \
        VERIFY_OK(r_);                                                                                   \
        QCOMPARE(rapport::test::shown(r_->value()), rapport::test::shown(std::optional<QString>(expected))); \
    } while (false)

