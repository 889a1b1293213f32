#include "charts/thick_curve_graph.h"

#include <cmath>
#include <limits>

namespace masklab::ui {

void ThickCurveGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    QVector<QPointF> merged;
    merged.reserve(lines.size());
    const bool horizontalKeys = keyAxis()->orientation() == Qt::Horizontal;
    double column = std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    int count = 0;
    auto flush = [&] {
        if (count > 0) {
            const double mean = sum / count;
            merged.append(horizontalKeys ? QPointF(column, mean) : QPointF(mean, column));
        }
        count = 0;
        sum = 0;
    };
    for (const QPointF& point : lines) {
        const double key = horizontalKeys ? point.x() : point.y();
        const double value = horizontalKeys ? point.y() : point.x();
        if (std::isnan(key) || std::isnan(value)) {
            flush();
            merged.append(point);  // keeps the gap
            column = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        const double pixel = std::floor(key);
        if (pixel != column) {
            flush();
            column = pixel;
        }
        sum += value;
        ++count;
    }
    flush();
    QCPGraph::drawLinePlot(painter, merged);
}

}  // namespace masklab::ui
