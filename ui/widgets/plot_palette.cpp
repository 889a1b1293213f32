#include "widgets/plot_palette.h"

#include <qcustomplot.h>

namespace masklab::ui {

QColor mixColours(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * t + b.redF() * (1 - t)), float(a.greenF() * t + b.greenF() * (1 - t)),
                            float(a.blueF() * t + b.blueF() * (1 - t)));
}

void applyPlotPalette(QCustomPlot* plot, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor frame = mixColours(text, base, 0.55);
    const QColor grid = mixColours(text, base, 0.15);
    plot->setBackground(base);
    for (QCPAxisRect* rect : plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(frame, 1));
            axis->setTickPen(QPen(frame, 1));
            axis->setSubTickPen(QPen(frame, 1));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(grid, 1));
            axis->grid()->setSubGridVisible(false);
        }
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) title->setTextColor(text);
    if (plot->legend) {
        QColor background = base;
        background.setAlpha(210);
        plot->legend->setBrush(background);
        plot->legend->setBorderPen(QPen(grid, 1));
        plot->legend->setTextColor(text);
    }
}

}  // namespace masklab::ui
