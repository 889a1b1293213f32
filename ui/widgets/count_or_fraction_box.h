#pragma once
// A spin box for train_test_split's sizes, which are a count of chunks (10000) or, below 1, a
// fraction of them (0.1): counts read as whole numbers ("10 000", not "10000.000"), fractions
// with the decimals they need, both in the user's locale. The wheel is the page's until the box
// has the focus.
#include <QDoubleSpinBox>

namespace masklab::ui {

class CountOrFractionBox final : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit CountOrFractionBox(QWidget* parent = nullptr);
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
};

}  // namespace masklab::ui
