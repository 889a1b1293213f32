#pragma once
// QCustomPlot draws black on white whatever the desktop's palette is; this gives a plot the
// widget palette's colours so small plots read right in a dark theme too.
#include <QPalette>

class QCustomPlot;

namespace masklab::ui {

// Background, axes, grid, titles and the default legend from the palette's Base and Text.
void applyPlotPalette(QCustomPlot* plot, const QPalette& palette);
// a * t + b * (1 - t), channel by channel: frame and grid tints between text and background.
QColor mixColours(const QColor& a, const QColor& b, double t);

}  // namespace masklab::ui
