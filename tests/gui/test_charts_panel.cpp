// The training charts: metrics.jsonl is read as written (and a bad line is named), the loss is
// smoothed like TensorBoard, a stream of points is drawn once per frame rather than per point,
// runs overlay and clear, and the PNG/SVG/CSV exports hold what they claim.
#include "charts/charts_panel.h"
#include "charts/runs_list.h"
#include "charts/metric_series.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <qcustomplot.h>

#include <cmath>

using masklab::ui::ChartsPanel;
using masklab::ui::EvalPoint;
using masklab::ui::LossSmoother;
using masklab::ui::RunMetrics;
using masklab::ui::StepPoint;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

// A run folder named `name` holding the given metrics.jsonl text.
QString makeRun(const QTemporaryDir& root, const QString& name, const QByteArray& jsonl)
{
    const QString dir = root.filePath(name);
    QDir().mkpath(dir);
    writeFile(dir + QStringLiteral("/metrics.jsonl"), jsonl);
    return dir;
}

const QByteArray kSampleRun =
    "{\"type\":\"eval\",\"step\":0,\"epoch\":0.0,\"loss\":7.8,\"perplexity\":2448.1}\n"
    "{\"type\":\"step\",\"step\":10,\"epoch\":0.4,\"loss\":6.1,\"learning_rate\":1.9e-5,"
    "\"tokens_per_second\":5400.0}\n"
    "{\"type\":\"config\",\"lr\":2e-5}\n"
    "\n"
    "{\"type\":\"step\",\"step\":20,\"epoch\":0.8,\"loss\":5.5,\"learning_rate\":1.8e-5,"
    "\"tokens_per_second\":5500.0,\"grad_norm\":1.2}\n"
    "{\"type\":\"step\",\"step\":30,\"epoch\":1.2,\"loss\":null,\"learning_rate\":1.7e-5,"
    "\"tokens_per_second\":5600.0}\n"
    "{\"type\":\"eval\",\"step\":30,\"epoch\":1.2,\"loss\":5.0,\"perplexity\":148.4}\n";

StepPoint step(qint64 n, double loss)
{
    return StepPoint{n, n / 100.0, loss, 2e-5, 5000.0 + double(n % 7)};
}

int lineCount(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().count('\n');
}

}  // namespace

class TestChartsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void loadReadsStepsAndEvals()
    {
        QTemporaryDir root;
        const QString dir = makeRun(root, QStringLiteral("run-a"), kSampleRun);
        RunMetrics run;
        QString error;
        QVERIFY2(RunMetrics::load(dir, &run, &error), qPrintable(error));
        QCOMPARE(run.name, QStringLiteral("run-a"));
        QCOMPARE(run.steps.size(), 3);
        QCOMPARE(run.evals.size(), 2);
        QCOMPARE(run.steps[0].step, qint64(10));
        QCOMPARE(run.steps[0].epoch, 0.4);
        QCOMPARE(run.steps[0].loss, 6.1);
        QCOMPARE(run.steps[0].learningRate, 1.9e-5);
        QCOMPARE(run.steps[0].tokensPerSecond, 5400.0);
        QVERIFY(std::isnan(run.steps[2].loss));  // null: the trainer could not compute it
        QCOMPARE(run.evals[1].step, qint64(30));
        QCOMPARE(run.evals[1].perplexity, 148.4);
    }

    void loadNamesTheBadLine()
    {
        QTemporaryDir root;
        const QString dir = makeRun(root, QStringLiteral("broken"),
                                    "{\"type\":\"step\",\"step\":1,\"loss\":2}\n"
                                    "{\"type\":\"step\",\"step\":2,\"loss\":2}\n"
                                    "{\"type\":\"step\",\"step\":3,\"lo\n");
        RunMetrics run;
        QString error;
        QVERIFY(!RunMetrics::load(dir, &run, &error));
        QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("metrics.jsonl")), qPrintable(error));

        const QString wrongKind = makeRun(root, QStringLiteral("wrong-kind"),
                                          "{\"type\":\"eval\",\"step\":\"zero\"}\n");
        QVERIFY(!RunMetrics::load(wrongKind, &run, &error));
        QVERIFY2(error.contains(QStringLiteral("line 1")), qPrintable(error));
    }

    void loadNamesTheMissingFile()
    {
        QTemporaryDir root;
        RunMetrics run;
        QString error;
        QVERIFY(!RunMetrics::load(root.filePath(QStringLiteral("no-such-run")), &run, &error));
        QVERIFY2(error.contains(QStringLiteral("no-such-run")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("metrics.jsonl")), qPrintable(error));
    }

    void smoothingMatchesHandComputedEma()
    {
        RunMetrics run;
        run.steps = {step(1, 4.0), step(2, 2.0), step(3, 1.0)};
        // Debiased EMA, weight 0.5: 0.5*4/(1-0.5); (0.5*2+0.25*4)/(1-0.25);
        // (0.5*1+0.25*2+0.125*4)/(1-0.125).
        const QVector<double> smoothed = run.smoothedLoss(0.5);
        QCOMPARE(smoothed.size(), 3);
        QCOMPARE(smoothed[0], 4.0);
        QVERIFY(qFuzzyCompare(smoothed[1], 2.0 / 0.75));
        QVERIFY(qFuzzyCompare(smoothed[2], 1.5 / 0.875));
        QCOMPARE(run.smoothedLoss(0.0), (QVector<double>{4.0, 2.0, 1.0}));

        LossSmoother smoother(0.5);
        QCOMPARE(smoother.add(4.0), 4.0);
        QVERIFY(std::isnan(smoother.add(std::nan(""))));  // passes through, leaves the average
        QVERIFY(qFuzzyCompare(smoother.add(2.0), 2.0 / 0.75));
    }

    void csvHasHeaderAndOneRowPerRecord()
    {
        QTemporaryDir root;
        RunMetrics run;
        QString error;
        QVERIFY(RunMetrics::load(makeRun(root, QStringLiteral("r"), kSampleRun), &run, &error));
        const QStringList lines = run.toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 3 + 2);
        QCOMPARE(lines[0],
                 QStringLiteral("type,step,epoch,loss,perplexity,learning_rate,tokens_per_second"));
        QCOMPARE(lines[1], QStringLiteral("eval,0,0,7.8,2448.1,,"));
        QCOMPARE(lines[2], QStringLiteral("step,10,0.4,6.1,,1.9e-05,5400"));
        QCOMPARE(lines[4], QStringLiteral("step,30,1.2,,,1.7e-05,5600"));
        QCOMPARE(lines[5], QStringLiteral("eval,30,1.2,5,148.4,,"));
        QCOMPARE(RunMetrics::csvField(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
    }

    void streamIsDrawnPerFrameNotPerPoint()
    {
        ChartsPanel panel;
        QCoreApplication::processEvents();  // QCustomPlot's own first (queued) replot
        panel.beginLiveRun(QStringLiteral("live"));
        const int before = panel.replotCount();
        for (int i = 0; i < 10000; ++i)
            panel.addStep(step(i, 5.0 - i * 1e-4));
        QCOMPARE(panel.replotCount(), before);
        QCOMPARE(panel.liveRun()->steps.size(), 10000);

        // One frame draws all 10,000 points.
        QTRY_COMPARE(panel.plot()->graph(0)->dataCount(), 10000);
        const int afterFrame = panel.replotCount();
        QCOMPARE(afterFrame - before, 1);
        QTest::qWait(350);
        QCOMPARE(panel.replotCount(), afterFrame);  // nothing new: no idle redraws
    }

    void smoothingWeightRedrawsTheSmoothedCurve()
    {
        ChartsPanel panel;
        panel.beginLiveRun(QStringLiteral("live"));
        for (int i = 0; i < 5; ++i)
            panel.addStep(step(i, i % 2 ? 1.0 : 3.0));
        panel.setSmoothing(0.0);
        QTRY_COMPARE(panel.plot()->graph(1)->dataCount(), 5);
        QTRY_COMPARE(panel.plot()->graph(1)->data()->at(3)->value, 1.0);

        panel.setSmoothing(0.9);
        QCOMPARE(panel.smoothing(), 0.9);
        const QVector<double> expected = panel.liveRun()->smoothedLoss(0.9);
        QTRY_VERIFY(qFuzzyCompare(panel.plot()->graph(1)->data()->at(4)->value, expected[4]));
    }

    void runsOverlayAndClear()
    {
        QTemporaryDir root;
        ChartsPanel panel;
        QString error;
        QVERIFY2(panel.addRun(makeRun(root, QStringLiteral("baseline"), kSampleRun), &error),
                 qPrintable(error));
        QCOMPARE(panel.runCount(), 1);
        QCOMPARE(panel.liveRun(), nullptr);
        const int perRun = panel.plot()->graphCount();
        QVERIFY(perRun >= 4);

        panel.beginLiveRun(QStringLiteral("first"));
        panel.addStep(step(1, 3.0));
        panel.beginLiveRun(QStringLiteral("second"));  // "first" becomes an overlay
        QCOMPARE(panel.runCount(), 3);
        QCOMPARE(panel.plot()->graphCount(), 3 * perRun);
        QCOMPARE(panel.liveRun()->name, QStringLiteral("second"));
        QVERIFY(panel.liveRun()->steps.isEmpty());
        // The live run is drawn alone; the other two wait, unticked, in the runs list.
        QCOMPARE(panel.plot()->legend->itemCount(), 1);
        QCOMPARE(panel.runsList()->count(), 3);
        QVERIFY(panel.isRunShown(QStringLiteral("second")));
        QVERIFY(!panel.isRunShown(QStringLiteral("first")));
        // Running, the live run says so; ended, it keeps its place and tick under its own name.
        QCOMPARE(panel.runsList()->item(0)->text(), QStringLiteral("second (live)"));
        panel.endLiveRun();
        QCOMPARE(panel.runsList()->item(0)->text(), QStringLiteral("second"));
        QVERIFY(panel.isRunShown(QStringLiteral("second")));
        QCOMPARE(panel.liveRun()->name, QStringLiteral("second"));

        QVERIFY(!panel.addRun(root.filePath(QStringLiteral("missing")), &error));
        QCOMPARE(panel.runCount(), 3);

        panel.clearRuns();
        QCOMPARE(panel.runCount(), 0);
        QCOMPARE(panel.liveRun(), nullptr);
        QCOMPARE(panel.plot()->graphCount(), 0);
        QCOMPARE(panel.plot()->legend->itemCount(), 0);
        QCOMPARE(panel.runsList()->count(), 0);
    }

    void exportsCsvOfAllRuns()
    {
        QTemporaryDir root;
        ChartsPanel panel;
        QString error;
        QVERIFY(panel.addRun(makeRun(root, QStringLiteral("baseline"), kSampleRun), &error));
        panel.beginLiveRun(QStringLiteral("live, 2"));
        for (int i = 0; i < 4; ++i)
            panel.addStep(step(i, 2.0));
        panel.addEval(EvalPoint{4, 0.1, 2.0, 7.39});

        const QString path = root.filePath(QStringLiteral("all.csv"));
        QVERIFY2(panel.exportCsv(path, &error), qPrintable(error));
        QCOMPARE(lineCount(path), 1 + 5 + 5);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines[0], QByteArray("run,type,step,epoch,loss,perplexity,learning_rate,"
                                      "tokens_per_second"));
        QVERIFY(lines[1].startsWith("baseline,eval,0,"));
        QVERIFY(lines[10].startsWith("\"live, 2\",eval,4,"));

        QVERIFY(!panel.exportCsv(root.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("x.csv")), qPrintable(error));
    }

    void exportsPngAndSvg()
    {
        QTemporaryDir root;
        ChartsPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.beginLiveRun(QStringLiteral("live"));
        for (int i = 0; i < 200; ++i)
            panel.addStep(step(i * 10, 6.0 * std::exp(-i / 50.0)));
        panel.addEval(EvalPoint{0, 0, 7.8, 2448.1});
        panel.addEval(EvalPoint{1990, 0.4, 3.0, 20.1});

        QString error;
        const QString png = root.filePath(QStringLiteral("charts.png"));
        QVERIFY2(panel.exportPng(png, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.load(png));
        QCOMPARE(image.size(), panel.plot()->size());

        const QString svg = root.filePath(QStringLiteral("charts.svg"));
        QVERIFY2(panel.exportSvg(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("<?xml"));
        QVERIFY(text.contains("<svg"));

        QVERIFY(!panel.exportSvg(root.filePath(QStringLiteral("no/such/dir/x.svg")), &error));
        QVERIFY2(error.contains(QStringLiteral("x.svg")), qPrintable(error));
    }

    void zoomedViewStaysUntilReset()
    {
        ChartsPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.beginLiveRun(QStringLiteral("live"));
        for (int i = 0; i <= 100; ++i)
            panel.addStep(step(i, 3.0));
        QCPAxis* x = panel.plot()->axisRect(0)->axis(QCPAxis::atBottom);
        QTRY_VERIFY(x->range().upper >= 100);  // follows the data

        const QPointF centre = panel.plot()->axisRect(0)->rect().center();
        QWheelEvent wheel(centre, panel.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(panel.plot(), &wheel);
        const QCPRange zoomed = x->range();
        QVERIFY(zoomed.size() < 100);

        for (int i = 101; i <= 400; ++i)
            panel.addStep(step(i, 3.0));
        const int frames = panel.replotCount();
        QTRY_VERIFY(panel.replotCount() > frames);
        QCOMPARE(x->range(), zoomed);  // the user's view is left alone

        panel.resetView();
        QVERIFY(x->range().upper >= 400);
    }

    void followsThePalette()
    {
        ChartsPanel panel;
        panel.beginLiveRun(QStringLiteral("live"));
        QPalette dark = panel.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        panel.setPalette(dark);
        QCPAxis* x = panel.plot()->axisRect(0)->axis(QCPAxis::atBottom);
        QCOMPARE(x->tickLabelColor(), QColor(230, 230, 230));
        QCOMPARE(panel.plot()->legend->textColor(), QColor(230, 230, 230));
        QCOMPARE(panel.plot()->legend->item(0)->textColor(), QColor(230, 230, 230));
    }
};

QTEST_MAIN(TestChartsPanel)
#include "test_charts_panel.moc"
