#pragma once
// QCustomPlot draws black on white whatever the desktop's palette is; this gives a plot the
// widget palette's colours so small plots read right in a dark theme too.
#include <QPalette>

class QCustomPlot;

namespace masklab::ui {

void applyPlotPalette(QCustomPlot* plot, const QPalette& palette);

}  // namespace masklab::ui
