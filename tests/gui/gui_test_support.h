#pragma once
// Helpers of the window's tests: a throwaway project folder and settings, and waiting for a
// worker's signal without blocking the event loop.
#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace masklab::testing {

// Settings (layout, language) go to a test location, never the user's.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MaskLabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("MaskLabGuiTest"));
}

// Waits up to `ms` for `spy` to hold at least `count` signals.
inline bool waitFor(QSignalSpy& spy, int count = 1, int ms = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (spy.count() < count && clock.elapsed() < ms) spy.wait(std::min<qint64>(200, ms - clock.elapsed()));
    return spy.count() >= count;
}

}  // namespace masklab::testing
