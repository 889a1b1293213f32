#include "widgets/fill_mask_chart.h"

#include "widgets/plot_palette.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace masklab::ui {

FillMaskChart::FillMaskChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
    m_plot->setMinimumHeight(160);
    m_plot->xAxis->setLabel(tr("probability"));
    m_plot->xAxis->setRange(0, 1);
    applyPlotPalette(m_plot, palette());
}

QString FillMaskChart::caption() const
{
    return m_caption->text();
}

void FillMaskChart::setMessage(const QString& message)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_tokens.clear();
    // No answer: the words of the last one leave the axis with their bars.
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_caption->setText(message);
    m_plot->replot();
}

void FillMaskChart::setCandidates(const QVector<FillCandidate>& candidates, const QString& caption)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_tokens.clear();
    m_caption->setText(caption);
    const int n = static_cast<int>(candidates.size());
    QVector<double> keys, values;
    QVector<QString> labels;
    double top = 0;
    // Best on top: key n-1 for the first candidate.
    for (int i = 0; i < n; ++i) {
        keys << n - i;
        values << candidates[i].score;
        labels << candidates[i].token;
        m_tokens << candidates[i].token;
        top = std::max(top, candidates[i].score);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(keys, labels);
    m_plot->yAxis->setTicker(ticker);
    auto* bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    bars->setData(keys, values, true);
    bars->setWidth(0.7);
    QColor fill = palette().color(QPalette::Highlight);
    bars->setPen(QPen(fill.darker(120)));
    fill.setAlpha(190);
    bars->setBrush(fill);
    const QLocale locale;
    for (int i = 0; i < n; ++i) {
        auto* text = new QCPItemText(m_plot);
        text->position->setAxes(m_plot->xAxis, m_plot->yAxis);
        text->position->setCoords(values[i], keys[i]);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(4, 0, 0, 0));
        text->setColor(palette().color(QPalette::WindowText));
        text->setText(locale.toString(values[i], 'f', 3));
    }
    m_plot->yAxis->setRange(0.3, n + 0.7);
    m_plot->xAxis->setRange(0, std::max(0.05, std::min(1.0, top * 1.3)));
    m_plot->replot();
}

void FillMaskChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPlotPalette(m_plot, palette());
        m_plot->replot();
    }
    QWidget::changeEvent(event);
}

}  // namespace masklab::ui
