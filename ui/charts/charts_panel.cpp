#include "charts_panel.h"

#include "charts/thick_curve_graph.h"
#include "widgets/plot_palette.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QSlider>
#include <QSvgGenerator>
#include <QToolBar>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace masklab::ui {

namespace {

// At most ten frames a second: however many points arrive in between, they cost one redraw.
constexpr int kRefreshIntervalMs = 100;
constexpr int kSliderSteps = 100;  // slider value / 100 = smoothing weight
// Layers, bottom to top: every raw loss, then the overlaid runs' curves, then the live run's, so
// a smoothed curve is never buried under another run's noisy raw band.
const char* const kRawLayer = "raw";
const char* const kMainLayer = "main";
const char* const kLiveLayer = "live";

// Tableau 10: distinct hues that stay readable on both light and dark backgrounds.
const QColor kRunColours[] = {
    QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
    QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
    QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
    QColor(0xba, 0xb0, 0xac),
};

QCPAxis* keyAxis(QCPAxisRect* rect)
{
    return rect->axis(QCPAxis::atBottom);
}

QCPAxis* valueAxis(QCPAxisRect* rect)
{
    return rect->axis(QCPAxis::atLeft);
}

// Fits a value axis to its graphs with a little air, so the extremes do not sit on the frame.
// An axis without data keeps its range (padding it anyway would widen it on every frame).
void fitValueAxis(QCPAxis* axis)
{
    const bool log = axis->scaleType() == QCPAxis::stLogarithmic;
    bool found = false;
    QCPRange range;
    for (QCPGraph* graph : axis->graphs()) {
        bool graphFound = false;
        const QCPRange r = graph->getValueRange(graphFound, log ? QCP::sdPositive : QCP::sdBoth);
        if (!graphFound)
            continue;
        if (found)
            range.expand(r);
        else
            range = r;
        found = true;
    }
    if (!found)
        return;
    if (log) {
        axis->setRange(range.lower / 1.15, range.upper * 1.15);
        return;
    }
    double pad = range.size() * 0.05;
    if (pad <= 0)
        pad = std::max(std::abs(range.upper) * 0.05, 1e-12);
    axis->setRange(range.lower - pad, range.upper + pad);
}

}  // namespace

// What one run looks like on the plot. Graphs are fed only the points that arrived since the
// last frame (drawnSteps/drawnEvals), and the smoother carries on from where it stopped.
struct ChartsPanel::RunView
{
    RunMetrics metrics;
    QColor colour;
    LossSmoother smoother;
    int drawnSteps = 0;
    int drawnEvals = 0;
    QCPGraph* rawLoss = nullptr;
    QCPGraph* smoothLoss = nullptr;
    QCPGraph* perplexity = nullptr;
    QCPGraph* learningRate = nullptr;
    QCPGraph* throughput = nullptr;

    // The curves that move between the overlay and live layers (raw loss stays at the bottom).
    QList<QCPGraph*> layeredGraphs() const
    {
        return {smoothLoss, perplexity, learningRate, throughput};
    }
};

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildToolbar());
    buildPlot();
    layout->addWidget(m_plot, 1);
    applyPalette();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ChartsPanel::refresh);
}

ChartsPanel::~ChartsPanel() = default;

QWidget* ChartsPanel::buildToolbar()
{
    // A QToolBar rather than a row of buttons: in a narrow dock what does not fit goes to its
    // overflow menu instead of forcing the panel wide.
    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto addAction = [this, bar](const QString& text, const QString& tip, auto slot) {
        QAction* action = bar->addAction(text);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
    };

    addAction(tr("Add run…"), tr("Overlay a finished run folder (one with metrics.jsonl)"),
              [this] { chooseRun(); });
    addAction(tr("Clear"), tr("Remove every run from the charts"), [this] {
        clearRuns();
        emit message(tr("Charts cleared"));
    });
    bar->addSeparator();

    auto* smoothingLabel = new QLabel(tr("Smoothing"), bar);
    smoothingLabel->setContentsMargins(4, 0, 6, 0);
    m_smoothingSlider = new QSlider(Qt::Horizontal, bar);
    m_smoothingSlider->setRange(0, kSliderSteps - 1);
    m_smoothingSlider->setValue(qRound(m_smoothing * kSliderSteps));
    m_smoothingSlider->setFixedWidth(120);
    m_smoothingSlider->setToolTip(
        tr("Weight of the moving average drawn over the raw loss (0 = no smoothing)"));
    smoothingLabel->setBuddy(m_smoothingSlider);
    m_smoothingValue = new QLabel(QLocale().toString(m_smoothing, 'f', 2), bar);
    m_smoothingValue->setMinimumWidth(m_smoothingValue->fontMetrics().horizontalAdvance(
        QLatin1Char(' ') + QLocale().toString(0.99, 'f', 2) + QLatin1Char(' ')));
    m_smoothingValue->setAlignment(Qt::AlignCenter);
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int value) { setSmoothing(double(value) / kSliderSteps); });
    bar->addWidget(smoothingLabel);
    bar->addWidget(m_smoothingSlider);
    bar->addWidget(m_smoothingValue);
    bar->addSeparator();

    m_logScale = new QCheckBox(tr("Log perplexity"), bar);
    m_logScale->setToolTip(
        tr("Logarithmic perplexity axis: early and late evaluations both stay readable"));
    connect(m_logScale, &QCheckBox::toggled, this, &ChartsPanel::setPerplexityLogScale);
    bar->addWidget(m_logScale);

    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    addAction(tr("Export PNG…"), tr("Save the charts as a PNG image"), [this] {
        exportWithDialog(tr("Export charts as PNG"), QStringLiteral("training-charts.png"),
                         tr("PNG images (*.png)"), &ChartsPanel::exportPng);
    });
    addAction(tr("Export SVG…"), tr("Save the charts as an SVG drawing"), [this] {
        exportWithDialog(tr("Export charts as SVG"), QStringLiteral("training-charts.svg"),
                         tr("SVG drawings (*.svg)"), &ChartsPanel::exportSvg);
    });
    addAction(tr("Export CSV…"), tr("Save the metrics of every run as CSV"), [this] {
        exportWithDialog(tr("Export metrics as CSV"), QStringLiteral("training-metrics.csv"),
                         tr("CSV files (*.csv)"), &ChartsPanel::exportCsv);
    });
    return bar;
}

void ChartsPanel::buildPlot()
{
    m_plot = new QCustomPlot(this);
    m_plot->setAutoAddPlottableToLegend(false);  // one legend entry per run, not per curve
    m_plot->plotLayout()->clear();
    m_plot->addLayer(QLatin1String(kRawLayer), m_plot->layer(QLatin1String(kMainLayer)),
                     QCustomPlot::limBelow);
    m_plot->addLayer(QLatin1String(kLiveLayer), m_plot->layer(QLatin1String(kMainLayer)),
                     QCustomPlot::limAbove);

    m_lossRect = addChart(0, 0, tr("Training loss"), tr("Loss"));
    m_perplexityRect = addChart(0, 1, tr("Evaluation perplexity"), tr("Perplexity"));
    m_learningRateRect = addChart(1, 0, tr("Learning rate"), tr("Learning rate"));
    m_throughputRect = addChart(1, 1, tr("Throughput"), tr("Tokens per second"));

    // Same left/right margins per column, so the step axes of stacked charts line up.
    auto* leftColumn = new QCPMarginGroup(m_plot);
    auto* rightColumn = new QCPMarginGroup(m_plot);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, leftColumn);
    m_learningRateRect->setMarginGroup(QCP::msLeft | QCP::msRight, leftColumn);
    m_perplexityRect->setMarginGroup(QCP::msLeft | QCP::msRight, rightColumn);
    m_throughputRect->setMarginGroup(QCP::msLeft | QCP::msRight, rightColumn);

    m_legend = new QCPLegend;
    m_lossRect->insetLayout()->addElement(m_legend, Qt::AlignTop | Qt::AlignRight);
    m_legend->setLayer(QStringLiteral("legend"));
    QFont legendFont = font();
    if (legendFont.pointSizeF() > 0)
        legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_legend->setFont(legendFont);
    m_legend->setRowSpacing(0);
    // Made the plot's legend so that removing a graph also removes its legend entry.
    m_plot->legend = m_legend;

    // All four charts share the step axis: zooming or panning one moves the others with it.
    const QList<QCPAxisRect*> rects = m_plot->axisRects();
    for (QCPAxisRect* rect : rects) {
        connect(keyAxis(rect), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [rects, rect](const QCPRange& range) {
                    for (QCPAxisRect* other : rects)
                        if (other != rect)
                            keyAxis(other)->setRange(range);
                });
    }

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);  // keeps dragging fluid at 100,000 points
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_userView = true; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() != Qt::NoButton)
            m_userView = true;
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &ChartsPanel::resetView);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { ++m_replotCount; });
}

QCPAxisRect* ChartsPanel::addChart(int row, int column, const QString& title,
                                   const QString& valueLabel)
{
    auto* cell = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(row, column, cell);
    cell->setRowSpacing(0);

    QFont titleFont = font();
    titleFont.setBold(true);
    auto* titleElement = new QCPTextElement(m_plot, title, titleFont);
    cell->addElement(0, 0, titleElement);
    m_titles.append(titleElement);

    auto* rect = new QCPAxisRect(m_plot);
    cell->addElement(1, 0, rect);
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    keyAxis(rect)->setLabel(tr("Optimizer step"));
    valueAxis(rect)->setLabel(valueLabel);
    return rect;
}

ChartsPanel::RunView& ChartsPanel::appendRun(RunMetrics metrics)
{
    auto run = std::make_unique<RunView>();
    run->metrics = std::move(metrics);
    run->colour = kRunColours[m_nextColour++ % int(std::size(kRunColours))];
    run->smoother = LossSmoother(m_smoothing);

    // Width-1 pens take QPainter's fast cosmetic path: a noisy series drawn 1.5 px wide cost
    // ~150 ms a frame at 100,000 points.
    auto style = [](QCPGraph* graph, const QPen& pen) {
        graph->setPen(pen);
        return graph;
    };
    auto graphIn = [this, &style](QCPAxisRect* rect, const QPen& pen) {
        return style(m_plot->addGraph(keyAxis(rect), valueAxis(rect)), pen);
    };
    QColor faint = run->colour;
    faint.setAlpha(70);
    run->rawLoss = graphIn(m_lossRect, QPen(faint, 1));
    run->rawLoss->setLayer(QLatin1String(kRawLayer));
    run->smoothLoss = style(new ThickCurveGraph(keyAxis(m_lossRect), valueAxis(m_lossRect)),
                            QPen(run->colour, 2));
    run->smoothLoss->setName(run->metrics.name);
    run->smoothLoss->addToLegend(m_legend);
    run->perplexity = graphIn(m_perplexityRect, QPen(run->colour, 1.5));
    run->perplexity->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    run->learningRate = graphIn(m_learningRateRect, QPen(run->colour, 1));
    run->throughput = graphIn(m_throughputRect, QPen(run->colour, 1));

    m_runs.push_back(std::move(run));
    return *m_runs.back();
}

void ChartsPanel::beginLiveRun(const QString& name)
{
    if (m_live)
        for (QCPGraph* graph : m_live->layeredGraphs())
            graph->setLayer(QLatin1String(kMainLayer));
    RunMetrics metrics;
    metrics.name = name;
    m_live = &appendRun(std::move(metrics));
    for (QCPGraph* graph : m_live->layeredGraphs())
        graph->setLayer(QLatin1String(kLiveLayer));
    m_userView = false;  // a new run is what the user wants to watch
    scheduleRefresh();
}

void ChartsPanel::addStep(const StepPoint& p)
{
    if (!m_live)
        beginLiveRun(tr("Current run"));
    m_live->metrics.steps.append(p);
    scheduleRefresh();
}

void ChartsPanel::addEval(const EvalPoint& p)
{
    if (!m_live)
        beginLiveRun(tr("Current run"));
    m_live->metrics.evals.append(p);
    scheduleRefresh();
}

bool ChartsPanel::addRun(const QString& runDir, QString* error)
{
    RunMetrics metrics;
    if (!RunMetrics::load(runDir, &metrics, error))
        return false;
    const QString text = tr("Added run %1: %2 steps, %3 evaluations")
                             .arg(metrics.name)
                             .arg(metrics.steps.size())
                             .arg(metrics.evals.size());
    appendRun(std::move(metrics));
    scheduleRefresh();
    emit message(text);
    return true;
}

void ChartsPanel::clearRuns()
{
    m_plot->clearGraphs();
    m_runs.clear();
    m_live = nullptr;
    m_nextColour = 0;
    m_userView = false;
    scheduleRefresh();
}

int ChartsPanel::runCount() const
{
    return int(m_runs.size());
}

const RunMetrics* ChartsPanel::liveRun() const
{
    return m_live ? &m_live->metrics : nullptr;
}

void ChartsPanel::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, double(kSliderSteps - 1) / kSliderSteps);
    const QSignalBlocker blocker(m_smoothingSlider);
    m_smoothingSlider->setValue(qRound(weight * kSliderSteps));
    m_smoothingValue->setText(QLocale().toString(weight, 'f', 2));
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    // Recomputed on the next frame, so dragging the slider costs one pass per frame.
    m_smoothingChanged = true;
    scheduleRefresh();
}

double ChartsPanel::smoothing() const
{
    return m_smoothing;
}

void ChartsPanel::setPerplexityLogScale(bool on)
{
    const QSignalBlocker blocker(m_logScale);
    m_logScale->setChecked(on);
    QCPAxis* axis = valueAxis(m_perplexityRect);
    axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    // A range fitted for the other scale is wrong for this one, even in a zoomed view.
    fitValueAxis(axis);
    scheduleRefresh();
}

void ChartsPanel::resetView()
{
    m_userView = false;
    fitToData();
    m_plot->replot();
}

int ChartsPanel::replotCount() const
{
    return m_replotCount;
}

QCustomPlot* ChartsPanel::plot() const
{
    return m_plot;
}

void ChartsPanel::scheduleRefresh()
{
    m_dirty = true;
    // Not restarted when running: a steady stream must not postpone the frame forever.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ChartsPanel::refresh()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    for (const auto& run : m_runs) {
        if (m_smoothingChanged)
            resmooth(*run);
        drawNewPoints(*run);
    }
    m_smoothingChanged = false;
    if (!m_userView)
        fitToData();
    m_plot->replot();
}

bool ChartsPanel::drawNewPoints(RunView& run)
{
    bool added = false;
    const QVector<StepPoint>& steps = run.metrics.steps;
    if (run.drawnSteps < steps.size()) {
        const int count = int(steps.size()) - run.drawnSteps;
        QVector<double> keys, raw, smooth, learningRate, throughput;
        for (QVector<double>* v : {&keys, &raw, &smooth, &learningRate, &throughput})
            v->reserve(count);
        bool sorted = run.drawnSteps == 0 || steps[run.drawnSteps - 1].step <= steps[run.drawnSteps].step;
        for (int i = run.drawnSteps; i < steps.size(); ++i) {
            const StepPoint& p = steps[i];
            sorted = sorted && (i == run.drawnSteps || steps[i - 1].step <= p.step);
            keys.append(double(p.step));
            raw.append(p.loss);
            smooth.append(run.smoother.add(p.loss));
            learningRate.append(p.learningRate);
            throughput.append(p.tokensPerSecond);
        }
        // Appending sorted keys is O(new points); QCustomPlot sorts only when told they are not.
        run.rawLoss->addData(keys, raw, sorted);
        run.smoothLoss->addData(keys, smooth, sorted);
        run.learningRate->addData(keys, learningRate, sorted);
        run.throughput->addData(keys, throughput, sorted);
        run.drawnSteps = int(steps.size());
        added = true;
    }
    const QVector<EvalPoint>& evals = run.metrics.evals;
    if (run.drawnEvals < evals.size()) {
        QVector<double> keys, perplexity;
        for (int i = run.drawnEvals; i < evals.size(); ++i) {
            keys.append(double(evals[i].step));
            perplexity.append(evals[i].perplexity);
        }
        run.perplexity->addData(keys, perplexity);
        run.drawnEvals = int(evals.size());
        added = true;
    }
    return added;
}

void ChartsPanel::resmooth(RunView& run)
{
    run.smoother = LossSmoother(m_smoothing);
    QVector<QCPGraphData> data;
    data.reserve(run.drawnSteps);
    for (int i = 0; i < run.drawnSteps; ++i) {
        const StepPoint& p = run.metrics.steps[i];
        data.append(QCPGraphData(double(p.step), run.smoother.add(p.loss)));
    }
    run.smoothLoss->data()->set(data);
}

void ChartsPanel::fitToData()
{
    const QList<QCPAxisRect*> rects = m_plot->axisRects();
    bool found = false;
    QCPRange steps;
    for (QCPAxisRect* rect : rects) {
        for (QCPGraph* graph : rect->graphs()) {
            bool graphFound = false;
            const QCPRange range = graph->getKeyRange(graphFound);
            if (!graphFound)
                continue;
            if (found) {
                steps.expand(range);
            } else {
                steps = range;
                found = true;
            }
        }
    }
    if (!found)
        return;
    if (steps.size() <= 0)
        steps = QCPRange(steps.lower - 1, steps.upper + 1);
    for (QCPAxisRect* rect : rects) {
        keyAxis(rect)->setRange(steps);
        fitValueAxis(valueAxis(rect));
    }
}

void ChartsPanel::applyPalette()
{
    // QCustomPlot paints white with black text by default; follow the widget palette so a dark
    // theme gets a dark chart. The legend is ours (not plot->legend), so it is styled here.
    applyPlotPalette(m_plot, palette());
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    for (QCPTextElement* title : m_titles)
        title->setTextColor(text);
    QColor legendBackground = base;
    legendBackground.setAlpha(210);
    m_legend->setBrush(legendBackground);
    m_legend->setBorderPen(QPen(mixColours(text, base, 0.15), 1));
    m_legend->setTextColor(text);  // for entries added later
    for (int i = 0; i < m_legend->itemCount(); ++i)
        m_legend->item(i)->setTextColor(text);
}

void ChartsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_plot) {
        applyPalette();
        m_plot->replot();
    }
}

QSize ChartsPanel::exportSize() const
{
    // What the user sees; a panel never shown has no meaningful size, so pick a readable one.
    if (m_plot->isVisible() && m_plot->width() > 100 && m_plot->height() > 100)
        return m_plot->size();
    return QSize(1600, 1000);
}

bool ChartsPanel::exportPng(const QString& path, QString* error) const
{
    // An export shows every point received so far, not only those the last frame drew.
    const_cast<ChartsPanel*>(this)->refresh();
    const QSize size = exportSize();
    if (!m_plot->savePng(path, size.width(), size.height())) {
        if (error)
            *error = tr("Cannot write %1. Check that the folder exists and that you may write "
                        "there, or choose another file.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool ChartsPanel::exportSvg(const QString& path, QString* error) const
{
    const_cast<ChartsPanel*>(this)->refresh();
    const QString shown = QDir::toNativeSeparators(path);
    auto fail = [&] {
        if (error)
            *error = tr("Cannot write %1. Check that the folder exists and that you may write "
                        "there, or choose another file.")
                         .arg(shown);
        return false;
    };
    if (!QFileInfo(path).absoluteDir().exists())
        return fail();
    const QSize size = exportSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // The generator's default 72 dpi would make drawing programs (96 dpi) open it a third larger.
    generator.setResolution(m_plot->logicalDpiX());
    generator.setTitle(tr("MaskLab training charts"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return fail();
    m_plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return true;
}

bool ChartsPanel::exportCsv(const QString& path, QString* error) const
{
    QString csv = QStringLiteral("run,") + RunMetrics::csvHeader() + QLatin1Char('\n');
    for (const auto& run : m_runs) {
        const QString name = RunMetrics::csvField(run->metrics.name);
        for (const QString& row : run->metrics.csvRows())
            csv += name + QLatin1Char(',') + row + QLatin1Char('\n');
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1 (%2). Check that the folder exists and that you may "
                        "write there, or choose another file.")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ChartsPanel::chooseRun()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Add a run folder (one that holds metrics.jsonl)"));
    if (dir.isEmpty())
        return;
    QString error;
    if (!addRun(dir, &error))
        QMessageBox::warning(this, tr("Cannot add run"), error);
}

void ChartsPanel::exportWithDialog(const QString& title, const QString& fileName,
                                   const QString& filter,
                                   bool (ChartsPanel::*exporter)(const QString&, QString*) const)
{
    const QString path =
        QFileDialog::getSaveFileName(this, title, QDir::home().filePath(fileName), filter);
    if (path.isEmpty())
        return;
    QString error;
    if ((this->*exporter)(path, &error))
        emit message(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace masklab::ui
