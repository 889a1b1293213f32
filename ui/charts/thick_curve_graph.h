#pragma once
// The smoothed loss is drawn with a wide pen, and QPainter strokes a wide pen slowly: the
// min/max zigzag that adaptive sampling leaves in each pixel column cost ~35 ms per run at
// 100,000 points. A smoothed curve loses nothing visible when each pixel column is drawn as one
// point (the column's mean), which is a quarter of the segments and none of the zigzag.
#include <qcustomplot.h>

namespace masklab::ui {

class ThickCurveGraph : public QCPGraph
{
public:
    using QCPGraph::QCPGraph;

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;
};

}  // namespace masklab::ui
