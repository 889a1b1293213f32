#include "engine_text.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <string>
#include <vector>

namespace masklab::ui {
namespace {

// The units of describeBytes (powers of 1000), in the window's language and decimal sign.
QString sizeText(double bytes, const QLocale& locale)
{
    if (bytes < 1000)
        return QCoreApplication::translate("Engine", "%1 B").arg(locale.toString(static_cast<qlonglong>(bytes)));
    if (bytes < 1e6) return QCoreApplication::translate("Engine", "%1 kB").arg(locale.toString(bytes / 1e3, 'f', 1));
    if (bytes < 1e9) return QCoreApplication::translate("Engine", "%1 MB").arg(locale.toString(bytes / 1e6, 'f', 1));
    return QCoreApplication::translate("Engine", "%1 GB").arg(locale.toString(bytes / 1e9, 'f', 2));
}

}  // namespace

QString engineText(const Message& message)
{
    const QLocale locale;
    std::vector<std::string> values;
    for (const Message::Arg& a : message.args()) {
        QString value;
        switch (a.kind) {
        case Message::Arg::Kind::Text: value = QString::fromStdString(a.text); break;
        case Message::Arg::Kind::Count:
            // Past double's exact range the C digits stay: exact, and rare at that size.
            value = std::abs(a.value) < 9.0e15 ? locale.toString(static_cast<qlonglong>(a.value)) : QString::fromStdString(a.text);
            break;
        case Message::Arg::Kind::Number:
            value = a.decimals >= 0 ? locale.toString(a.value, 'f', a.decimals) : locale.toString(a.value, 'g', 6);
            break;
        case Message::Arg::Kind::Bytes: value = sizeText(a.value, locale); break;
        case Message::Arg::Kind::Inner: value = a.inner ? engineText(*a.inner) : QString::fromStdString(a.text); break;
        }
        values.push_back(value.toStdString());
    }
    // The core's own filling, so a value that happens to hold "{1}" is left as it is.
    const QString format = QCoreApplication::translate("Engine", message.format());
    return QString::fromStdString(fillPlaces(format.toStdString(), values));
}

QString engineText(const std::exception& error)
{
    if (const auto* said = dynamic_cast<const MessageError*>(&error)) return engineText(said->message());
    return QString::fromUtf8(error.what());
}

}  // namespace masklab::ui
