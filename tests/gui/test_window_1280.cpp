// The window on a 1280 x 800 screen, as a newcomer at a laptop meets it: it reopens inside the
// screen whatever geometry was saved, the training settings are readable and checked as they
// are typed (every problem at its field, Start greyed with the reason, no wheel edits of a field
// the user is not in), the charts list their runs with the live one alone by default, the
// Course ticks only what the user did and keeps the ticks, and F1 opens the Course at the step
// of the panel in view. The offscreen platform is given one 1280 x 800 screen (its configfile).
#include "charts/charts_panel.h"
#include "charts/runs_list.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "panels/course_panel.h"
#include "panels/dataset_panel.h"
#include "panels/fill_mask_panel.h"
#include "panels/masks_panel.h"
#include "panels/training_form.h"
#include "panels/training_panel.h"
#include "widgets/fill_mask_chart.h"
#include "worker/training_worker.h"
#include "workbench.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QWheelEvent>

#include <qcustomplot.h>

using namespace masklab;
using namespace masklab::ui;
using masklab::testing::waitFor;

namespace {

// A finished run folder the charts can read.
QString writeRun(const QString& parent, const QString& name, double scale)
{
    const QString dir = parent + QLatin1Char('/') + name;
    QDir().mkpath(dir);
    QFile config(dir + QStringLiteral("/training_config.json"));
    config.open(QIODevice::WriteOnly);
    config.write("{}\n");
    QFile metrics(dir + QStringLiteral("/metrics.jsonl"));
    metrics.open(QIODevice::WriteOnly);
    for (int step = 0; step <= 100; step += 10) {
        metrics.write(QStringLiteral("{\"type\":\"step\",\"step\":%1,\"epoch\":0.1,\"loss\":%2,\"learning_rate\":0.001,"
                                     "\"tokens_per_second\":1000}\n")
                          .arg(step)
                          .arg(scale * (10.0 - step / 20.0))
                          .toUtf8());
        metrics.write(QStringLiteral("{\"type\":\"eval\",\"step\":%1,\"epoch\":0.1,\"loss\":3,\"perplexity\":%2}\n")
                          .arg(step)
                          .arg(scale * 1000.0 / (1 + step))
                          .toUtf8());
    }
    return dir;
}

}  // namespace

class TestWindow1280 final : public QObject {
    Q_OBJECT

    static std::unique_ptr<MainWindow> openWindow(const QString& project)
    {
        auto window = std::make_unique<MainWindow>(project);
        window->setProblemBoxes(false);
        QSignalSpy masked(window->workbench(), &Workbench::maskChanged);
        window->show();
        if (!waitFor(masked)) qWarning() << "no mask preview:" << window->lastProblem();
        return window;
    }

    static QRect available() { return QGuiApplication::primaryScreen()->availableGeometry(); }

private slots:
    void initTestCase()
    {
        masklab::testing::isolateSettings();
        QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1280, 800));
    }

    void init() { QSettings().clear(); }

    void firstLaunchFitsTheScreen()
    {
        QTemporaryDir project;
        auto window = openWindow(project.path());
        QTRY_VERIFY(available().contains(window->frameGeometry()));
        QVERIFY(window->width() >= 1000);
    }

    // Maximising, or any wider window, widens the panels, not the Course column.
    void aWiderWindowWidensThePanelsNotTheCourse()
    {
        QTemporaryDir project;
        auto window = openWindow(project.path());
        QDockWidget* course = window->dock("course");
        QTRY_VERIFY(course->width() > 200 && course->width() < 500);
        const int before = course->width(), panelsBefore = window->dock("dataset")->width();
        window->resize(1920, 1080);
        QTRY_COMPARE(window->width(), 1920);
        QTRY_VERIFY2(std::abs(course->width() - before) <= 10, qPrintable(QString("%1 -> %2").arg(before).arg(course->width())));
        QVERIFY(window->dock("dataset")->width() > panelsBefore + 500);
    }

    void aGeometryTallerThanTheScreenIsBroughtInside()
    {
        QTemporaryDir project;
        {
            auto window = openWindow(project.path());
            // What the issue saw: closed at 1280 x 800, saved 1280 x 1692 (the docks had grown it).
            window->setGeometry(QRect(200, 150, 1280, 1692));
            QVERIFY(window->close());
        }
        for (int launch = 0; launch < 3; ++launch) {
            auto window = openWindow(project.path());
            QTRY_VERIFY2(available().contains(window->frameGeometry()),
                         qPrintable(QStringLiteral("launch %1: %2,%3 %4x%5")
                                        .arg(launch)
                                        .arg(window->frameGeometry().x())
                                        .arg(window->frameGeometry().y())
                                        .arg(window->frameGeometry().width())
                                        .arg(window->frameGeometry().height())));
            QVERIFY(window->close());
        }
    }

    void settingsAreCheckedAsTheyAreTyped()
    {
        QTemporaryDir project;
        auto window = openWindow(project.path());
        window->showPanel(QStringLiteral("training"));
        TrainingPanel* panel = window->training();
        TrainingForm* form = panel->form();
        QVERIFY(form->problems().isEmpty());
        QVERIFY(panel->startButton()->isEnabled());

        // The newcomer's settings come first; the rest wait under Advanced.
        QVERIFY(TrainingForm::isEssential(QStringLiteral("learning_rate")));
        QVERIFY(!TrainingForm::isEssential(QStringLiteral("adam_beta2")));
        QVERIFY(form->editor(QStringLiteral("learning_rate"))->isVisible());
        QVERIFY(!form->editor(QStringLiteral("adam_beta2"))->isVisible());
        form->advancedToggle()->click();
        QVERIFY(form->editor(QStringLiteral("adam_beta2"))->isVisible());

        // Values are readable: a number field is wide enough for "10000" and "2e-05".
        auto* rate = qobject_cast<QLineEdit*>(form->editor(QStringLiteral("learning_rate")));
        QVERIFY(rate);
        QVERIFY(rate->width() >= rate->fontMetrics().horizontalAdvance(QStringLiteral("0.000020000")));
        // Tooltips say what the setting does (the CLI's --help line), not only its key.
        QCOMPARE(rate->toolTip().section(QLatin1Char('\n'), 0, 0),
                 QString::fromStdString(trainingSettingHelp("learning_rate")));

        // Two bad values at once: both are marked at their fields, Start is greyed with both.
        auto* batch = qobject_cast<QSpinBox*>(form->editor(QStringLiteral("batch_size")));
        QVERIFY(batch);
        batch->setFocus();
        batch->selectAll();
        QTest::keyClicks(batch, "0");
        rate->setFocus();
        rate->selectAll();
        QTest::keyClicks(rate, "-1");
        QCOMPARE(form->problems().size(), 2);
        QVERIFY(form->problemLabel(QStringLiteral("batch_size"))->isVisible());
        QVERIFY(form->problemLabel(QStringLiteral("learning_rate"))->isVisible());
        QVERIFY(!form->problemLabel(QStringLiteral("epochs"))->isVisible());
        QVERIFY(!panel->startButton()->isEnabled());
        QVERIFY(panel->startBlockedLabel()->isVisible());
        QVERIFY(panel->startBlockedLabel()->text().contains(TrainingForm::labelFor(QStringLiteral("batch_size"))));
        QVERIFY(panel->startBlockedLabel()->text().contains(TrainingForm::labelFor(QStringLiteral("learning_rate"))));
        // Text that is no number is marked too, before it is ever written.
        rate->selectAll();
        QTest::keyClicks(rate, "2e-");
        QVERIFY(form->problemLabel(QStringLiteral("learning_rate"))->text().contains(QStringLiteral("not a number")));

        // Fixed, both marks go and Start comes back.
        rate->selectAll();
        QTest::keyClicks(rate, "5e-5");
        batch->setFocus();
        batch->selectAll();
        QTest::keyClicks(batch, "16");
        QTest::keyClick(batch, Qt::Key_Return);
        QVERIFY(form->problems().isEmpty());
        QVERIFY(panel->startButton()->isEnabled());
        QVERIFY(!panel->startBlockedLabel()->isVisible());

        // A value that breaks its rule, entered: it stays in its field, marked, and is not
        // written, so the masking preview does not fail on it with a dialog over the form.
        QSignalSpy problems(window->workbench(), &Workbench::problem);
        const double runProbability = window->workbench()->config().mlmProbability;
        auto* probability = qobject_cast<QLineEdit*>(form->editor(QStringLiteral("mlm_probability")));
        QVERIFY(probability);
        probability->setFocus();
        probability->selectAll();
        QTest::keyClicks(probability, "1.5");
        QTest::keyClick(probability, Qt::Key_Return);
        QTest::qWait(1500);  // past the remask timer
        QCOMPARE(problems.count(), 0);
        QCOMPARE(window->workbench()->config().mlmProbability, runProbability);
        QCOMPARE(probability->text(), QStringLiteral("1.5"));
        QVERIFY(form->problemLabel(QStringLiteral("mlm_probability"))->isVisible());
        QVERIFY(!panel->startButton()->isEnabled());
        // Another setting changing meanwhile leaves the held value where it is.
        window->workbench()->updateConfig([](TrainingConfig& c) { c.epochs = 4; });
        QCOMPARE(probability->text(), QStringLiteral("1.5"));
        QVERIFY(form->problemLabel(QStringLiteral("mlm_probability"))->isVisible());
        // Corrected, it is written.
        probability->selectAll();
        QTest::keyClicks(probability, "0.3");
        QTest::keyClick(probability, Qt::Key_Return);
        QCOMPARE(window->workbench()->config().mlmProbability, 0.3);
        QVERIFY(form->problems().isEmpty());
        QVERIFY(panel->startButton()->isEnabled());

        // A model folder typed here that does not exist: one message, and the settings keep the
        // model that was open (as the Project panel does).
        QTRY_VERIFY_WITH_TIMEOUT(!window->workbench()->baseModel().title.isEmpty(), 60000);
        const std::string model = window->workbench()->config().model;
        auto* folder = qobject_cast<QLineEdit*>(form->editor(QStringLiteral("model")));
        QVERIFY(folder);
        problems.clear();
        folder->setFocus();
        folder->selectAll();
        QTest::keyClicks(folder, "/nonexistent/model-folder");
        QTest::keyClick(folder, Qt::Key_Return);
        QVERIFY(waitFor(problems));
        QTest::qWait(1000);
        QCOMPARE(problems.count(), 1);
        QCOMPARE(window->workbench()->config().model, model);
        QVERIFY(!window->workbench()->baseModel().title.isEmpty());
    }

    void theWheelOverAnUnfocusedFieldScrollsInsteadOfEditing()
    {
        QTemporaryDir project;
        auto window = openWindow(project.path());
        window->showPanel(QStringLiteral("training"));
        auto* epochs = qobject_cast<QSpinBox*>(window->training()->form()->editor(QStringLiteral("epochs")));
        QVERIFY(epochs);
        window->fillMask()->setFocus();
        QVERIFY(!epochs->hasFocus());
        const int before = epochs->value();
        const QPoint centre = epochs->rect().center();
        QWheelEvent wheel(centre, epochs->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(epochs, &wheel);
        QCOMPARE(epochs->value(), before);
        QCOMPARE(window->workbench()->config().epochs, before);

        // The dataset's split sizes follow the same rule.
        window->showPanel(QStringLiteral("dataset"));
        QDoubleSpinBox* trainSize = window->dataset()->trainSizeBox();
        QTRY_VERIFY(trainSize->isVisible());
        QVERIFY(!trainSize->hasFocus());
        const double sizeBefore = trainSize->value();
        const QPoint middle = trainSize->rect().center();
        QWheelEvent overSize(middle, trainSize->mapToGlobal(middle), QPoint(), QPoint(0, -120), Qt::NoButton,
                             Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(trainSize, &overSize);
        QCOMPARE(trainSize->value(), sizeBefore);

        // Once the user clicks into the field, the wheel is theirs to change it with.
        window->showPanel(QStringLiteral("training"));
        window->activateWindow();
        epochs->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(epochs->hasFocus());
        QWheelEvent focused(centre, epochs->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(epochs, &focused);
        QCOMPARE(epochs->value(), before - 1);
    }

    void maskingInTheMasksPanelIsAPreviewUntilApplied()
    {
        QTemporaryDir project;
        auto window = openWindow(project.path());
        Workbench* bench = window->workbench();
        MasksPanel* masks = window->masks();
        const double runProbability = bench->config().mlmProbability;
        QVERIFY(!masks->applyButton()->isEnabled());
        QSignalSpy remasked(bench, &Workbench::maskChanged);
        masks->probabilitySlider()->setValue(360);
        QVERIFY(waitFor(remasked));
        QTRY_COMPARE(bench->maskPreview()->options.mlmProbability, 0.36);
        QCOMPARE(bench->config().mlmProbability, runProbability);  // the run is untouched
        QVERIFY(bench->hasTrialMasking());
        QVERIFY(masks->trialLabel()->text().contains(QStringLiteral("Preview only")));
        QVERIFY(masks->applyButton()->isEnabled());

        masks->discardButton()->click();
        QVERIFY(!bench->hasTrialMasking());
        QCOMPARE(masks->probabilitySlider()->value(), qRound(runProbability * 1000));
        QTRY_COMPARE(bench->maskPreview()->options.mlmProbability, runProbability);

        masks->probabilitySlider()->setValue(300);
        masks->applyButton()->click();
        QCOMPARE(bench->config().mlmProbability, 0.3);
        QVERIFY(!bench->hasTrialMasking());
        QVERIFY(!masks->trialLabel()->text().contains(QStringLiteral("Preview only")));
    }

    void chartsShowTheLiveRunAloneWithEarlierRunsListed()
    {
        QTemporaryDir project;
        const QString runs = project.path() + QStringLiteral("/runs");
        writeRun(runs, QStringLiteral("run-1"), 30.0);  // an old run whose perplexity is 30x larger
        writeRun(runs, QStringLiteral("run-2"), 1.0);
        auto window = openWindow(project.path());
        ChartsPanel* charts = window->charts();
        QCOMPARE(charts->runCount(), 2);
        QCOMPARE(charts->runsList()->count(), 2);
        // No live run: the newest finished run is shown alone.
        QVERIFY(charts->isRunShown(QStringLiteral("run-2")));
        QVERIFY(!charts->isRunShown(QStringLiteral("run-1")));

        const QString live = QStringLiteral("run-20261203-120000-2");  // the Workbench's name for a second run in that second
        charts->beginLiveRun(live);
        charts->addStep({1, 0.01, 5.0, 1e-3, 2000});
        charts->addEval({1, 0.01, 2.0, 7.0});
        QCOMPARE(charts->runsList()->item(0)->text(), live + QStringLiteral(" (live)"));
        QVERIFY(charts->isRunShown(live));
        QVERIFY(!charts->isRunShown(QStringLiteral("run-2")));
        QCOMPARE(charts->plot()->legend->itemCount(), 1);

        // Ticking an earlier run draws it and the axes take it in; unticking gives them back.
        window->showPanel(QStringLiteral("charts"));
        QTRY_VERIFY(charts->plot()->isVisible());
        // The list widens to read the live run's name whole, and the plots keep most of the width.
        QListWidget* list = charts->runsList();
        QTRY_VERIFY2(list->sizeHintForColumn(0) <= list->viewport()->width(),
                     qPrintable(QStringLiteral("%1 px of label in a %2 px list").arg(list->sizeHintForColumn(0)).arg(list->viewport()->width())));
        QVERIFY(!list->horizontalScrollBar()->isVisible());
        QVERIFY(list->width() <= charts->width() / 3 + 1);
        QCOMPARE(list->textElideMode(), Qt::ElideMiddle);  // a longer name keeps its end ("… (live)") and its tooltip
        QCOMPARE(list->item(0)->toolTip(), live);
        charts->resetView();
        auto perplexityAxis = [&] { return charts->perplexityRect()->axis(QCPAxis::atLeft)->range().upper; };
        auto itemOf = [&](const QString& name) { return charts->runsList()->findItems(name, Qt::MatchExactly).value(0); };
        QVERIFY(itemOf(QStringLiteral("run-1")));
        QTRY_VERIFY(perplexityAxis() < 100);  // once the next frame has drawn the live points
        itemOf(QStringLiteral("run-1"))->setCheckState(Qt::Checked);  // its perplexity goes up to 30,000
        QVERIFY(charts->isRunShown(QStringLiteral("run-1")));
        QTRY_VERIFY(perplexityAxis() > 10000);
        itemOf(QStringLiteral("run-1"))->setCheckState(Qt::Unchecked);
        QTRY_VERIFY(perplexityAxis() < 100);

        // Hovering a chart reads out the step and value of each shown run.
        QCPAxisRect* loss = charts->lossRect();
        const QString readout = charts->readoutAt(loss->rect().center());
        QVERIFY2(readout.contains(live) && readout.contains(QStringLiteral("step 1")), qPrintable(readout));
        QVERIFY(charts->readoutAt(QPoint(-5, -5)).isEmpty());

        // Remove hidden keeps the live run and every ticked one.
        charts->removeHiddenRuns();
        QCOMPARE(charts->runCount(), 1);
        QVERIFY(charts->liveRun());
    }

    void theCourseTicksWhatTheUserDidAndRemembersIt()
    {
        QTemporaryDir project;
        {
            auto window = openWindow(project.path());
            CoursePanel* course = window->course();
            // The window opened, chunked and masked the demo alone: nothing is ticked yet.
            for (int s = 0; s < CoursePanel::StepCount; ++s)
                QVERIFY2(!course->isDone(CoursePanel::Step(s)), qPrintable(QStringLiteral("step %1 ticked at launch").arg(s + 1)));
            // The Course stays in view while its steps open the panels on the right.
            QVERIFY(window->dock(QStringLiteral("course"))->isVisible());
            window->showPanel(QStringLiteral("chunks"));
            QTRY_VERIFY(course->isDone(CoursePanel::Chunk));
            window->showPanel(QStringLiteral("project"));
            QTRY_VERIFY(course->isDone(CoursePanel::Model));
            QVERIFY(!window->dock(QStringLiteral("course"))->visibleRegion().isEmpty());
            QVERIFY(!course->isDone(CoursePanel::Mask));
            QVERIFY(!course->isDone(CoursePanel::Watch));  // the charts were never looked at
            // Using the demo is the user's choice of data.
            QSignalSpy chosen(window->workbench(), &Workbench::corpusChosen);
            course->steps()->setCurrentRow(CoursePanel::Data);
            course->doButton()->click();
            QVERIFY(waitFor(chosen));
            QVERIFY(course->isDone(CoursePanel::Data));
            // A question the model cannot answer (no [MASK]) ticks nothing; one it answers does.
            FillMaskPanel* fill = window->fillMask();
            QTRY_VERIFY_WITH_TIMEOUT(!window->workbench()->baseModel().title.isEmpty(), 60000);
            fill->textBox()->setText(QStringLiteral("no mask here"));
            fill->askButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(fill->baseChart()->caption().contains(QStringLiteral("[MASK]")), 30000);
            QVERIFY(!course->isDone(CoursePanel::FillMask));
            QVERIFY(!fill->addProbeButton()->isEnabled());  // a probe without [MASK] has nothing to score
            fill->textBox()->setText(QStringLiteral("This is a great [MASK]."));
            QVERIFY(fill->addProbeButton()->isEnabled());
            fill->askButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(course->isDone(CoursePanel::FillMask), 30000);
            // A run that fails at its start (its model folder is gone) is no training done.
            QSignalSpy failed(window->workbench()->engine()->training(), &TrainingWorker::failed);
            window->workbench()->updateConfig([](TrainingConfig& c) { c.model = "/nonexistent/model-folder"; });
            window->workbench()->startTraining();
            QVERIFY(waitFor(failed));
            QCoreApplication::processEvents();
            QVERIFY(!course->isDone(CoursePanel::Train));
            QVERIFY(window->close());
        }
        auto again = openWindow(project.path());
        CoursePanel* course = again->course();
        QVERIFY(course->isDone(CoursePanel::Data));
        QVERIFY(course->isDone(CoursePanel::Chunk));
        QVERIFY(course->isDone(CoursePanel::Model));
        QVERIFY(!course->isDone(CoursePanel::Mask));
        QVERIFY(course->steps()->item(CoursePanel::Chunk)->text().contains(QStringLiteral("✓")));
        // Another project has its own progress.
        QTemporaryDir other;
        auto elsewhere = openWindow(other.path());
        QVERIFY(!elsewhere->course()->isDone(CoursePanel::Chunk));
    }

    void f1OpensTheCourseAtThePanelsStep()
    {
        QTemporaryDir project;
        auto window = openWindow(project.path());
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->showPanel(QStringLiteral("masks"));
        window->masks()->probabilitySlider()->setFocus();
        QCOMPARE(window->panelInView(), QStringLiteral("masks"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        QCOMPARE(window->course()->steps()->currentRow(), int(CoursePanel::Mask));
        window->showPanel(QStringLiteral("training"));
        window->training()->startButton()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        QCOMPARE(window->course()->steps()->currentRow(), int(CoursePanel::Train));
        QVERIFY(window->dock(QStringLiteral("course"))->isVisible());
    }
};

int main(int argc, char** argv)
{
    // One 1280 x 800 screen for the offscreen platform.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) return 2;
    file.write(R"({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800,
                    "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + config).toUtf8());
    QApplication app(argc, argv);
    TestWindow1280 test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_window_1280.moc"
