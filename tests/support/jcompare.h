#pragma once
// QCOMPARE cannot take nlohmann::json (its conversion operators trip Qt's overloads); compare the
// serialized forms instead, which also makes a failure print both values readably.

#include <QString>
#include <QTest>

#include <nlohmann/json.hpp>

#define JCOMPARE(actual, expected)                                                                    \
    QCOMPARE(QString::fromStdString(nlohmann::json(actual).dump()),                                     \
             QString::fromStdString(nlohmann::json(expected).dump()))
