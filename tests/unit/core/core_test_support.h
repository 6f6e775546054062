#pragma once
// QCOMPARE readable failure output for the std and JSON types the core tests compare.

#include <string>
#include <string_view>

#include <QtCore/qfloat16.h>  // QCOMPARE(json, json) probes json's conversion to every qCompare overload
#include <QtTest/QTest>

#include <nlohmann/json.hpp>

namespace QTest {

template <>
inline char *toString(const std::string &value)
{
    return toPrettyCString(value.data(), static_cast<qsizetype>(value.size()));
}

template <>
inline char *toString(const std::string_view &value)
{
    return toPrettyCString(value.data(), static_cast<qsizetype>(value.size()));
}

template <>
inline char *toString(const nlohmann::json &value)
{
    // Replace, not throw, for invalid UTF-8: a failing test should still print.
    return qstrdup(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

} // namespace QTest
