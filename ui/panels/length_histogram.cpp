#include "panels/length_histogram.h"

#include "widgets/plot_palette.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace masklab::ui {

LengthHistogram::LengthHistogram(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)), m_summary(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);
    m_summary->setWordWrap(true);
    m_plot->setMinimumHeight(150);
    m_plot->xAxis->setLabel(tr("document length (tokens)"));
    m_plot->yAxis->setLabel(tr("documents"));
    applyPlotPalette(m_plot, palette());
}

void LengthHistogram::setCorpus(const CorpusPtr& corpus, int positionLimit)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    if (!corpus || corpus->corpus.size() == 0) {
        m_summary->clear();
        m_plot->replot();
        return;
    }
    std::vector<std::size_t> lengths(corpus->corpus.size());
    for (std::size_t d = 0; d < lengths.size(); ++d) lengths[d] = corpus->tokenCount(d);
    std::vector<std::size_t> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t p99 = sorted[sorted.size() * 99 / 100];
    // About 40 bins up to the 99th percentile; the longest 1% pile into the last bin.
    const double width = std::max<double>(1.0, std::ceil(static_cast<double>(p99 + 1) / 40.0));
    const int bins = static_cast<int>(std::ceil(static_cast<double>(p99 + 1) / width)) + 1;
    QVector<double> keys(bins), counts(bins, 0.0);
    for (int b = 0; b < bins; ++b) keys[b] = (b + 0.5) * width;
    for (std::size_t len : lengths) counts[std::min(bins - 1, static_cast<int>(static_cast<double>(len) / width))] += 1;
    auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setData(keys, counts, true);
    bars->setWidth(width * 0.9);
    QColor fill = palette().color(QPalette::Highlight);
    bars->setPen(QPen(fill.darker(120)));
    fill.setAlpha(170);
    bars->setBrush(fill);
    auto* limit = new QCPItemStraightLine(m_plot);
    limit->point1->setCoords(positionLimit, 0);
    limit->point2->setCoords(positionLimit, 1);
    limit->setPen(QPen(QColor(220, 80, 60), 1.5, Qt::DashLine));
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(0, std::max<double>(bins * width, positionLimit * 1.05));
    m_plot->yAxis->setRangeLower(0);
    m_plot->replot();

    const std::size_t over = static_cast<std::size_t>(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(),
                                                                                        static_cast<std::size_t>(positionLimit)));
    const QLocale locale;
    m_summary->setText(tr("Median %1 tokens, mean %2, longest %3. %4 documents (%5%) are longer than the model's %6 "
                          "positions (dashed line): truncating would cut them, group_texts keeps every token.")
                           .arg(locale.toString(static_cast<qulonglong>(sorted[sorted.size() / 2])))
                           .arg(locale.toString(static_cast<double>(corpus->store.tokenCount()) / lengths.size(), 'f', 0))
                           .arg(locale.toString(static_cast<qulonglong>(sorted.back())))
                           .arg(locale.toString(static_cast<qulonglong>(over)))
                           .arg(locale.toString(100.0 * over / lengths.size(), 'f', 1))
                           .arg(positionLimit));
}

QString LengthHistogram::summary() const
{
    return m_summary->text();
}

void LengthHistogram::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPlotPalette(m_plot, palette());
        m_plot->replot();
    }
    QWidget::changeEvent(event);
}

}  // namespace masklab::ui
