#include "mask_outcome_style.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace masklab::ui {

namespace {

// WCAG relative luminance and contrast: the numbers behind "readable on this palette".
double linearChannel(int value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * linearChannel(rgb.red()) + 0.7152 * linearChannel(rgb.green())
        + 0.0722 * linearChannel(rgb.blue());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// share of `to` in the result, 0..1
QColor mix(const QColor& from, const QColor& to, double share)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    auto blend = [share](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * share)); };
    return QColor(blend(a.red(), b.red()), blend(a.green(), b.green()), blend(a.blue(), b.blue()));
}

// One hue per outcome, apart on the colour wheel and for the common colour-vision deficiencies
// (blue / orange); kept is green but is also told apart by its border, not by hue alone.
QColor accent(TokenOutcome outcome)
{
    switch (outcome) {
    case TokenOutcome::Masked: return QColor(0x2f, 0x80, 0xed);
    case TokenOutcome::Random: return QColor(0xf2, 0x71, 0x1c);
    case TokenOutcome::Kept: return QColor(0x27, 0xae, 0x60);
    case TokenOutcome::None: break;
    }
    return {};
}

// Pushes an accent toward the palette's text colour until it stands out against Base, so a
// border is visible whatever the theme.
QColor visibleOn(const QColor& colour, const QPalette& palette, double minimumContrast)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor result = colour;
    for (int step = 1; step <= 10 && contrast(result, base) < minimumContrast; ++step)
        result = mix(colour, text, 0.1 * step);
    return result;
}

}  // namespace

bool MaskOutcomeStyle::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor MaskOutcomeStyle::fill(TokenOutcome outcome, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    if (outcome == TokenOutcome::None)
        return mix(base, text, isDark(palette) ? 0.10 : 0.06);

    // A tint of the accent over Base: pastel on light themes, deep on dark ones. Back off toward
    // Base while the text on it would be hard to read.
    double share = isDark(palette) ? 0.55 : 0.42;
    QColor colour = mix(base, accent(outcome), share);
    while (contrast(colour, text) < 4.5 && share > 0.2) {
        share -= 0.05;
        colour = mix(base, accent(outcome), share);
    }
    return colour;
}

QColor MaskOutcomeStyle::outline(TokenOutcome outcome, const QPalette& palette)
{
    if (outcome == TokenOutcome::None)
        return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.30);
    return visibleOn(accent(outcome), palette, 3.0);
}

QColor MaskOutcomeStyle::seam(const QPalette& palette)
{
    // Purple: none of the outcome hues, and not the palette's Highlight, which is often blue.
    return visibleOn(QColor(0x9b, 0x59, 0xb6), palette, 3.5);
}

QString MaskOutcomeStyle::name(TokenOutcome outcome)
{
    switch (outcome) {
    case TokenOutcome::Masked: return QCoreApplication::translate("MaskOutcomeStyle", "[MASK]");
    case TokenOutcome::Random: return QCoreApplication::translate("MaskOutcomeStyle", "random token");
    case TokenOutcome::Kept: return QCoreApplication::translate("MaskOutcomeStyle", "kept");
    case TokenOutcome::None: break;
    }
    return QCoreApplication::translate("MaskOutcomeStyle", "not chosen");
}

QString MaskOutcomeStyle::description(TokenOutcome outcome)
{
    switch (outcome) {
    case TokenOutcome::Masked:
        return QCoreApplication::translate(
            "MaskOutcomeStyle", "Chosen and replaced by [MASK]; the model must predict the original token.");
    case TokenOutcome::Random:
        return QCoreApplication::translate(
            "MaskOutcomeStyle",
            "Chosen and replaced by a random vocabulary token; the model must still predict the original.");
    case TokenOutcome::Kept:
        return QCoreApplication::translate(
            "MaskOutcomeStyle", "Chosen but left as it was; the model must still predict it.");
    case TokenOutcome::None: break;
    }
    return QCoreApplication::translate(
        "MaskOutcomeStyle", "Not chosen: the loss ignores this position (label -100).");
}

}  // namespace masklab::ui
