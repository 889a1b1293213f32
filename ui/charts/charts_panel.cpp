#include "charts_panel.h"

#include "charts/runs_list.h"
#include "charts/thick_curve_graph.h"
#include "widgets/plot_palette.h"
#include "widgets/start_folder.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QToolTip>
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
        if (!graph->visible())
            continue;  // the axes follow the runs that are shown
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
    int id = 0;  // the runs list's key
    bool shown = true;
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
    QList<QCPGraph*> allGraphs() const
    {
        return {rawLoss, smoothLoss, perplexity, learningRate, throughput};
    }
};

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildToolbar());
    buildPlot();
    m_runsList = new RunsList(this);
    m_runsList->setMinimumWidth(150);
    connect(m_runsList, &RunsList::shownChanged, this, [this](int id, bool shown) {
        for (const auto& run : m_runs)
            if (run->id == id)
                setRunShown(*run, shown);
    });
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_runsList);
    m_split->addWidget(m_plot);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({190, 800});
    m_split->setChildrenCollapsible(false);
    connect(m_split, &QSplitter::splitterMoved, this, [this] { m_runsListSized = true; });
    layout->addWidget(m_split, 1);
    applyPalette();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ChartsPanel::refresh);
}

ChartsPanel::~ChartsPanel() = default;

QWidget* ChartsPanel::buildToolbar()
{
    // A plain row, not a QToolBar: nothing may hide in an overflow menu (a dark theme did not
    // even draw its "»"), and Export is one menu button so the row stays short.
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 2);
    auto addButton = [this, bar, row](const QString& text, const QString& tip, auto slot) {
        auto* button = new QToolButton(bar);
        button->setText(text);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, slot);
        row->addWidget(button);
        return button;
    };

    addButton(tr("Add run…"), tr("Overlay a finished run folder (one with metrics.jsonl)"), [this] { chooseRun(); });
    addButton(tr("Remove hidden"), tr("Take the unticked runs off the list (their folders stay on disk)"), [this] {
        removeHiddenRuns();
        emit message(tr("Hidden runs removed from the charts"));
    });

    auto* smoothingLabel = new QLabel(tr("Smoothing"), bar);
    smoothingLabel->setContentsMargins(10, 0, 4, 0);
    m_smoothingSlider = new QSlider(Qt::Horizontal, bar);
    m_smoothingSlider->setRange(0, kSliderSteps - 1);
    m_smoothingSlider->setValue(qRound(m_smoothing * kSliderSteps));
    m_smoothingSlider->setFixedWidth(110);
    m_smoothingSlider->setToolTip(
        tr("Weight of the moving average drawn over the raw loss (0 = no smoothing)"));
    smoothingLabel->setBuddy(m_smoothingSlider);
    m_smoothingValue = new QLabel(QLocale().toString(m_smoothing, 'f', 2), bar);
    m_smoothingValue->setMinimumWidth(m_smoothingValue->fontMetrics().horizontalAdvance(
        QLatin1Char(' ') + QLocale().toString(0.99, 'f', 2) + QLatin1Char(' ')));
    m_smoothingValue->setAlignment(Qt::AlignCenter);
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int value) { setSmoothing(double(value) / kSliderSteps); });
    row->addWidget(smoothingLabel);
    row->addWidget(m_smoothingSlider);
    row->addWidget(m_smoothingValue);

    m_logScale = new QCheckBox(tr("Log perplexity"), bar);
    m_logScale->setToolTip(
        tr("Logarithmic perplexity axis: early and late evaluations both stay readable"));
    connect(m_logScale, &QCheckBox::toggled, this, &ChartsPanel::setPerplexityLogScale);
    row->addWidget(m_logScale);
    row->addStretch(1);

    auto* exportButton = new QToolButton(bar);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save the charts as PNG or SVG, or the metrics as CSV"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(exportButton);
    menu->addAction(tr("Charts as PNG…"), this, [this] {
        exportWithDialog(tr("Export charts as PNG"), QStringLiteral("training-charts.png"),
                         tr("PNG images (*.png)"), &ChartsPanel::exportPng);
    });
    menu->addAction(tr("Charts as SVG…"), this, [this] {
        exportWithDialog(tr("Export charts as SVG"), QStringLiteral("training-charts.svg"),
                         tr("SVG drawings (*.svg)"), &ChartsPanel::exportSvg);
    });
    menu->addAction(tr("Metrics of every run as CSV…"), this, [this] {
        exportWithDialog(tr("Export metrics as CSV"), QStringLiteral("training-metrics.csv"),
                         tr("CSV files (*.csv)"), &ChartsPanel::exportCsv);
    });
    exportButton->setMenu(menu);
    row->addWidget(exportButton);
    return bar;
}

void ChartsPanel::buildPlot()
{
    m_plot = new QCustomPlot(this);
    m_plot->setLocale(QLocale());
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
        if (event->buttons() != Qt::NoButton) {
            m_userView = true;
            return;
        }
        const QString text = readoutAt(event->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
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
    // Few, whole, locale-grouped steps ("10,000"), so the labels of a narrow chart never run
    // into each other.
    keyAxis(rect)->ticker()->setTickCount(4);
    keyAxis(rect)->setNumberFormat(QStringLiteral("f"));
    keyAxis(rect)->setNumberPrecision(0);
    valueAxis(rect)->ticker()->setTickCount(5);
    return rect;
}

ChartsPanel::RunView& ChartsPanel::appendRun(RunMetrics metrics, bool live)
{
    auto run = std::make_unique<RunView>();
    run->id = m_nextId++;
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

    m_runsList->addRun(run->id, run->metrics.name, run->colour, live, true);
    fitRunsList();
    m_runs.push_back(std::move(run));
    return *m_runs.back();
}

void ChartsPanel::setRunShown(RunView& run, bool shown)
{
    run.shown = shown;
    for (QCPGraph* graph : run.allGraphs())
        graph->setVisible(shown);
    if (shown && !m_legend->hasItemWithPlottable(run.smoothLoss))
        run.smoothLoss->addToLegend(m_legend);
    if (!shown)
        run.smoothLoss->removeFromLegend(m_legend);
    m_runsList->setShown(run.id, shown);
    m_refitOnce = true;  // the axes follow the runs shown, even in a zoomed view
    scheduleRefresh();
}

void ChartsPanel::showOnly(RunView& chosen)
{
    for (const auto& run : m_runs)
        if (run->shown != (run.get() == &chosen))
            setRunShown(*run, run.get() == &chosen);
}

void ChartsPanel::removeHiddenRuns()
{
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        RunView& run = **it;
        if (run.shown || &run == m_live) {
            ++it;
            continue;
        }
        for (QCPGraph* graph : run.allGraphs())
            m_plot->removeGraph(graph);
        if (QListWidgetItem* item = m_runsList->itemOf(run.id))
            delete item;
        it = m_runs.erase(it);
    }
    scheduleRefresh();
}

bool ChartsPanel::isRunShown(const QString& name) const
{
    for (const auto& run : m_runs)
        if (run->metrics.name == name)
            return run->shown;
    return false;
}

QString ChartsPanel::readoutAt(const QPoint& pos) const
{
    QCPAxisRect* rect = m_plot->axisRectAt(pos);
    if (!rect || !rect->rect().contains(pos))
        return {};
    const double step = keyAxis(rect)->pixelToCoord(pos.x());
    const QLocale locale;
    QStringList lines;
    for (const auto& run : m_runs) {
        if (!run->shown)
            continue;
        QCPGraph* graph = rect == m_lossRect             ? run->smoothLoss
                          : rect == m_perplexityRect     ? run->perplexity
                          : rect == m_learningRateRect   ? run->learningRate
                                                         : run->throughput;
        const QSharedPointer<QCPGraphDataContainer> data = graph->data();
        if (data->isEmpty())
            continue;
        // The point nearest the pointer's step.
        auto it = data->findBegin(step, false);
        if (it == data->constEnd())
            it = data->constEnd() - 1;
        if (it != data->constBegin() && std::abs((it - 1)->key - step) < std::abs(it->key - step))
            --it;
        const double value = it->value;
        const QString shown = rect == m_learningRateRect ? locale.toString(value, 'g', 3)
                              : rect == m_throughputRect ? locale.toString(value, 'f', 0)
                                                         : locale.toString(value, 'f', rect == m_lossRect ? 4 : 2);
        lines << tr("%1 · step %2: %3").arg(run->metrics.name, locale.toString(qlonglong(it->key)), shown);
    }
    return lines.join(QLatin1Char('\n'));
}

void ChartsPanel::endLiveRun()
{
    if (m_live) m_runsList->setLive(m_live->id, false);
}

void ChartsPanel::beginLiveRun(const QString& name)
{
    if (m_live) {
        for (QCPGraph* graph : m_live->layeredGraphs())
            graph->setLayer(QLatin1String(kMainLayer));
        m_runsList->setLive(m_live->id, false);
    }
    RunMetrics metrics;
    metrics.name = name;
    m_live = &appendRun(std::move(metrics), true);
    for (QCPGraph* graph : m_live->layeredGraphs())
        graph->setLayer(QLatin1String(kLiveLayer));
    // The new run alone: earlier runs stay in the list, unticked, one click away.
    showOnly(*m_live);
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
    RunView& run = appendRun(std::move(metrics), false);
    // With no live run the newest finished run is drawn alone; beside a live run it waits,
    // unticked.
    if (m_live)
        setRunShown(run, false);
    else
        showOnly(run);
    scheduleRefresh();
    emit message(text);
    return true;
}

void ChartsPanel::clearRuns()
{
    m_plot->clearGraphs();
    m_runs.clear();
    m_runsList->clearRuns();
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
    if (!m_userView || m_refitOnce)
        fitToData();
    m_refitOnce = false;
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
            if (!graph->visible())
                continue;
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

// Run names ("run-20261202-180421 (live)") are read whole: the list widens to its longest
// label, up to a third of the panel, until the user drags the split themselves.
void ChartsPanel::fitRunsList()
{
    if (m_runsListSized) return;
    const QList<int> sizes = m_split->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total <= 0) return;  // not laid out yet: the first resize fits it
    const int wanted = std::min(m_runsList->fittingWidth(), total / 3);
    if (sizes.value(0) >= wanted) return;
    m_split->setSizes({wanted, total - wanted});
}

void ChartsPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitRunsList();
}

void ChartsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_plot) {
        applyPalette();
        m_plot->replot();
    }
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
        this, tr("Add a run folder (one that holds metrics.jsonl)"), startFolder(QStringLiteral("run")));
    if (dir.isEmpty())
        return;
    rememberFolder(QStringLiteral("run"), dir);
    QString error;
    if (!addRun(dir, &error))
        QMessageBox::warning(this, tr("Cannot add run"), error);
}

}  // namespace masklab::ui
