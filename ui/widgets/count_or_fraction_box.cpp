#include "widgets/count_or_fraction_box.h"

#include "widgets/wheel_needs_focus.h"

#include <QLocale>

#include <cmath>

namespace masklab::ui {

CountOrFractionBox::CountOrFractionBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    setDecimals(4);
    setRange(0, 1e9);
    wheelNeedsFocus(this);
}

QString CountOrFractionBox::textFromValue(double value) const
{
    if (value >= 1 || value == 0) return locale().toString(static_cast<qlonglong>(std::llround(value)));
    QString text = locale().toString(value, 'f', decimals());
    // 0.1000 -> 0.1: only the decimals the fraction has.
    while (text.endsWith(QLatin1Char('0'))) text.chop(1);
    return text;
}

double CountOrFractionBox::valueFromText(const QString& text) const
{
    QString plain = text.trimmed();
    plain.remove(locale().groupSeparator());
    bool ok = false;
    const double v = locale().toDouble(plain, &ok);
    return ok ? v : QLocale::c().toDouble(plain);
}

QValidator::State CountOrFractionBox::validate(QString& text, int&) const
{
    QString plain = text.trimmed();
    if (plain.isEmpty()) return QValidator::Intermediate;
    plain.remove(locale().groupSeparator());
    bool ok = false;
    double v = locale().toDouble(plain, &ok);
    if (!ok) v = QLocale::c().toDouble(plain, &ok);
    if (!ok) {
        // "0," or "0." on the way to a fraction.
        const QChar last = plain.back();
        return last == locale().decimalPoint().front() || last == QLatin1Char('.') ? QValidator::Intermediate
                                                                                    : QValidator::Invalid;
    }
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Invalid;
}

}  // namespace masklab::ui
