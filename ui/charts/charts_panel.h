#pragma once
// Training charts: loss (raw and smoothed), evaluation perplexity, learning rate and throughput
// of the live run and of finished runs overlaid for comparison, each run ticked on or off in
// the list beside the plots (the live run alone by default); hovering reads out step and value.
// The trainer's side only appends points; a timer replots at most ten times a second
// (PlotJuggler's model), so a fast stream costs one redraw per tick, not one per point.
#include "metric_series.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPAxisRect;
class QCPLegend;
class QCPTextElement;
class QLabel;
class QSlider;
class QSplitter;

namespace masklab::ui {

class RunsList;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);
    ~ChartsPanel() override;

    // The live run: a new empty series named `name` drawn on top; earlier live data becomes an
    // overlaid run.
    void beginLiveRun(const QString& name);
    // The live run finished, stopped or failed: it keeps its place, colour and tick, and its
    // label no longer says that it is running.
    void endLiveRun();
    // Cheap: appends and marks dirty; never replots. Without a live run one is begun.
    // GUI thread only: the worker bridge delivers points here through queued signals.
    void addStep(const StepPoint& p);
    void addEval(const EvalPoint& p);
    bool addRun(const QString& runDir, QString* error);  // overlay a finished run from disk
    void clearRuns();                                     // removes everything
    void removeHiddenRuns();  // the unticked runs leave the list (the live run always stays)
    bool isRunShown(const QString& name) const;
    // The hover read-out at a point of the plot: step and value of each shown run in the chart
    // under it; empty outside the charts.
    QString readoutAt(const QPoint& pos) const;
    RunsList* runsList() const { return m_runsList; }
    int runCount() const;
    const RunMetrics* liveRun() const;  // nullptr when none

    bool exportPng(const QString& path, QString* error) const;
    bool exportSvg(const QString& path, QString* error) const;  // QSvgGenerator + toPainter
    bool exportCsv(const QString& path, QString* error) const;  // all runs, leading `run` column

    // Smoothing weight of the loss curve, in [0, 0.99]; the slider shows it.
    void setSmoothing(double weight);
    double smoothing() const;
    void setPerplexityLogScale(bool on);
    // Fits every axis to the data again and follows new data (what double-click does).
    void resetView();

    int replotCount() const;  // how many replots happened (tests check "not per point")
    QCustomPlot* plot() const;  // for tests/screenshots
    QCPAxisRect* lossRect() const { return m_lossRect; }
    QCPAxisRect* perplexityRect() const { return m_perplexityRect; }

signals:
    void message(const QString& text);  // status-bar text (e.g. "exported to …")

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct RunView;

    QWidget* buildToolbar();
    void buildPlot();
    QCPAxisRect* addChart(int row, int column, const QString& title, const QString& valueLabel);
    RunView& appendRun(RunMetrics metrics, bool live);
    void setRunShown(RunView& run, bool shown);
    void showOnly(RunView& chosen);
    void scheduleRefresh();
    void refresh();
    bool drawNewPoints(RunView& run);
    void resmooth(RunView& run);
    void fitToData();
    void applyPalette();
    void fitRunsList();
    QSize exportSize() const;

    void chooseRun();
    void exportWithDialog(const QString& title, const QString& fileName, const QString& filter,
                          bool (ChartsPanel::*exporter)(const QString&, QString*) const);

    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_lossRect = nullptr;
    QCPAxisRect* m_perplexityRect = nullptr;
    QCPAxisRect* m_learningRateRect = nullptr;
    QCPAxisRect* m_throughputRect = nullptr;
    QVector<QCPTextElement*> m_titles;
    QCPLegend* m_legend = nullptr;
    QSlider* m_smoothingSlider = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QCheckBox* m_logScale = nullptr;
    RunsList* m_runsList = nullptr;
    QSplitter* m_split = nullptr;    // the runs list | the plots
    bool m_runsListSized = false;    // the user dragged the split: their width stands
    int m_nextId = 0;
    bool m_refitOnce = false;  // fit the axes on the next frame even in a zoomed view

    std::vector<std::unique_ptr<RunView>> m_runs;  // pointers: liveRun() stays valid on append
    RunView* m_live = nullptr;
    int m_nextColour = 0;
    double m_smoothing = 0.6;
    bool m_smoothingChanged = false;
    bool m_dirty = false;
    bool m_userView = false;  // the user zoomed or panned: new data leaves their view alone
    int m_replotCount = 0;
    QTimer m_refreshTimer;
};

}  // namespace masklab::ui
