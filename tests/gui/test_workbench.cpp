// The workbench window driven as a user drives it, on the built-in demo: open the data, browse
// and filter it, change masking, run a short training to completion, ask fill-mask, pause,
// stop mid-run and resume, close during a run, and give it bad input. The engine runs in its
// worker threads throughout; the test only clicks and waits for their signals.
#include "charts/charts_panel.h"
#include "charts/runs_list.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "panels/chunks_panel.h"
#include "panels/dataset_panel.h"
#include "panels/document_table_model.h"
#include "panels/fill_mask_panel.h"
#include "panels/masks_panel.h"
#include "panels/training_form.h"
#include "panels/training_panel.h"
#include "widgets/fill_mask_chart.h"
#include "widgets/token_flow_view.h"
#include "workbench.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QListView>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>

using namespace masklab;
using namespace masklab::ui;
using masklab::testing::waitFor;

class TestWorkbench final : public QObject {
    Q_OBJECT

    // A window on a fresh project with the demo open, chunked and masked.
    struct Opened {
        QTemporaryDir project;
        std::unique_ptr<MainWindow> window;
        Workbench* bench = nullptr;
    };

    static std::unique_ptr<Opened> openDemo()
    {
        auto opened = std::make_unique<Opened>();
        opened->window = std::make_unique<MainWindow>(opened->project.path());
        opened->window->setProblemBoxes(false);
        opened->bench = opened->window->workbench();
        QSignalSpy masked(opened->bench, &Workbench::maskChanged);
        opened->window->show();
        if (!waitFor(masked)) qWarning() << "no mask preview:" << opened->window->lastProblem();
        return opened;
    }

    // Settings for a run of a few seconds on the demo.
    static void makeShort(Workbench* bench, int epochs)
    {
        bench->updateConfig([epochs](TrainingConfig& c) {
            c.trainSize = 160;
            c.testSize = 32;
            c.epochs = epochs;
            c.warmupSteps = 2;
        });
    }

private slots:
    void initTestCase() { masklab::testing::isolateSettings(); }

    void datasetShowsAndFiltersTheDemo()
    {
        auto o = openDemo();
        QVERIFY(o->bench->corpus());
        DatasetPanel* dataset = o->window->dataset();
        QCOMPARE(dataset->table()->model()->rowCount(), 248);
        // Search narrows to the reviews that hold the word; the label filter to one side.
        QTest::keyClicks(dataset->searchBox(), "willow creek");
        QTRY_VERIFY(dataset->table()->model()->rowCount() > 0 && dataset->table()->model()->rowCount() < 248);
        const QString first = dataset->table()->model()->index(0, DocumentTableModel::Text).data().toString();
        QVERIFY2(first.contains("Willow Creek", Qt::CaseInsensitive), qPrintable(first));
        dataset->searchBox()->clear();
        dataset->labelFilter()->setCurrentIndex(dataset->labelFilter()->findData(1));
        QTRY_COMPARE(dataset->table()->model()->rowCount(), 124);
        for (int r = 0; r < 124; r += 17)
            QCOMPARE(dataset->table()->model()->index(r, DocumentTableModel::Label).data().toString(), tr("pos"));
        // Sorting by tokens puts the longest review first.
        dataset->table()->sortByColumn(DocumentTableModel::Tokens, Qt::DescendingOrder);
        const auto longest = dataset->table()->model()->index(0, DocumentTableModel::Tokens).data(DocumentTableModel::kSortRole).toULongLong();
        const auto next = dataset->table()->model()->index(1, DocumentTableModel::Tokens).data(DocumentTableModel::kSortRole).toULongLong();
        QVERIFY(longest >= next && longest > 0);
        QVERIFY(dataset->splitLabel()->text().contains("for training"));
    }

    void chunksFollowTheChunkSize()
    {
        auto o = openDemo();
        ChunksPanel* chunks = o->window->chunks();
        const std::size_t before = o->bench->chunks()->chunks.size();
        QCOMPARE(chunks->view()->cells().size(), o->bench->config().chunkSize);
        // Some chunk of the demo crosses a review seam, and it is marked.
        bool seam = false;
        for (int c = 0; c < 20 && !seam; ++c) {
            chunks->list()->setCurrentIndex(chunks->list()->model()->index(c, 0));
            for (const TokenCell& cell : chunks->view()->cells()) seam = seam || cell.seamBefore;
        }
        QVERIFY(seam);
        QSignalSpy rechunked(o->bench, &Workbench::chunksChanged);
        chunks->chunkSizeBox()->setValue(32);
        QVERIFY(waitFor(rechunked));
        QCOMPARE(o->bench->chunks()->chunks.chunkSize, 32);
        // Half the chunk size: about twice the chunks (the stream's tail differs by at most one).
        QVERIFY(std::abs(static_cast<long>(o->bench->chunks()->chunks.size()) - 2 * static_cast<long>(before)) <= 1);
        QTRY_COMPARE(chunks->view()->cells().size(), 32);
    }

    void maskingControlsChangeThePreviewThenTheRunWhenApplied()
    {
        auto o = openDemo();
        MasksPanel* masks = o->window->masks();
        QSignalSpy remasked(o->bench, &Workbench::maskChanged);
        masks->probabilitySlider()->setValue(300);
        QVERIFY(waitFor(remasked));
        QTRY_COMPARE(o->bench->maskPreview()->options.mlmProbability, 0.3);
        QVERIFY(std::abs(o->bench->maskPreview()->stats.chosenShare() - 0.3) < 0.02);
        QCOMPARE(o->bench->config().mlmProbability, 0.15);  // a trial: the run keeps its masking
        masks->applyButton()->click();
        QCOMPARE(o->bench->config().mlmProbability, 0.3);  // applied: the run uses what the panel shows

        // Whole words: every chosen token becomes [MASK]; the share sliders are not used.
        remasked.clear();
        masks->wholeWordMode()->click();
        QVERIFY(waitFor(remasked));
        QTRY_VERIFY(o->bench->maskPreview()->options.wholeWord);
        QVERIFY(!o->bench->config().wholeWord);
        masks->applyButton()->click();
        QVERIFY(o->bench->config().wholeWord);
        QCOMPARE(o->bench->maskPreview()->stats.maskedShare(), 1.0);
        QVERIFY(!masks->maskShareSlider()->isEnabled());
        int chosen = 0;
        for (const TokenCell& cell : masks->view()->cells()) {
            if (cell.outcome == TokenOutcome::None) continue;
            ++chosen;
            QCOMPARE(cell.outcome, TokenOutcome::Masked);
            QVERIFY(!cell.original.isEmpty());
            QVERIFY(masks->view()->toolTipFor(cell.position).contains(cell.original));
        }
        QVERIFY(chosen > 0);

        // Re-roll draws other masks.
        const std::vector<int32_t> before = o->bench->maskPreview()->masked.inputIds;
        remasked.clear();
        masks->rerollButton()->click();
        QVERIFY(waitFor(remasked));
        QTRY_VERIFY(o->bench->maskPreview()->masked.inputIds != before);
        QCOMPARE(o->bench->maskPreview()->options.seed, quint64(43));  // the next seed after 42
    }

    void shortTrainingRunsToCompletionAndFillMaskAnswers()
    {
        auto o = openDemo();
        makeShort(o->bench, 2);
        TrainingWorker* worker = o->bench->engine()->training();
        QSignalSpy steps(worker, &TrainingWorker::stepped);
        QSignalSpy evals(worker, &TrainingWorker::evaluated);
        QSignalSpy probes(worker, &TrainingWorker::probesScored);
        QSignalSpy finished(worker, &TrainingWorker::finished);
        QSignalSpy compared(o->bench->engine()->inference(), &InferenceWorker::fillMaskReady);
        o->window->training()->startButton()->click();
        QVERIFY(!o->window->training()->startButton()->isEnabled());
        QVERIFY(waitFor(finished, 1, 300000));
        const auto result = finished.first().first().value<RunResult>();
        QVERIFY(result.completed);
        QCOMPARE(steps.size(), 2 * 10);  // 160 chunks / batch 16 per epoch
        QCOMPARE(evals.size(), 3);       // before training and after each epoch
        QCOMPARE(probes.size(), 3);
        const auto first = evals.first().first().value<EvalEvent>();
        const auto last = evals.last().first().value<EvalEvent>();
        QVERIFY2(last.perplexity < first.perplexity, qPrintable(QString("%1 -> %2").arg(first.perplexity).arg(last.perplexity)));
        QCOMPARE(o->window->charts()->liveRun()->steps.size(), 20);
        QCOMPARE(o->window->charts()->liveRun()->evals.size(), 3);
        // The finished run stays first and drawn, no longer labelled as running.
        const QString runName = QFileInfo(QString::fromStdString(result.runDir)).fileName();
        QTRY_COMPARE(o->window->charts()->runsList()->item(0)->text(), runName);
        QVERIFY(o->window->charts()->isRunShown(runName));
        QVERIFY(o->window->training()->startButton()->isEnabled());
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.lastCheckpoint) + "/model.safetensors"));

        // The finished run's checkpoint is offered beside the base model, and both answer.
        FillMaskPanel* fill = o->window->fillMask();
        QTRY_VERIFY(fill->compareChoice()->currentData().toString() == QString::fromStdString(result.lastCheckpoint));
        fill->textBox()->clear();
        QTest::keyClicks(fill->textBox(), "This movie is ");
        fill->maskButton()->click();
        QCOMPARE(fill->textBox()->text(), QString("This movie is [MASK]"));
        compared.clear();
        fill->askButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(fill->baseChart()->tokens().size() == 5 && fill->compareChart()->tokens().size() == 5, 30000);
        QVERIFY(fill->compareChart()->caption().contains("checkpoint-epoch-2"));
        // A text without [MASK] is refused with the reason, not a crash.
        fill->textBox()->setText("no mask here");
        fill->askButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(fill->baseChart()->caption().contains("[MASK]"), 30000);
        QVERIFY(fill->baseChart()->tokens().isEmpty());

        // A project whose settings name a model folder loads it when it opens.
        QTemporaryDir second;
        TrainingConfig adapt = o->bench->config();
        adapt.model = result.lastCheckpoint;
        adapt.fromScratch.clear();
        QFile settings(second.filePath("training_config.json"));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(QByteArray::fromStdString(adapt.toJson()));
        settings.close();
        MainWindow reopened(second.path());
        reopened.setProblemBoxes(false);
        QSignalSpy based(reopened.workbench(), &Workbench::baseModelChanged);
        QVERIFY(waitFor(based));
        QCOMPARE(reopened.workbench()->baseModel().folder, QString::fromStdString(result.lastCheckpoint));
    }

    // Settings loaded while an editor of the form has focus are not written back over when
    // the focus leaves it.
    void trainingFormKeepsLoadedSettings()
    {
        auto o = openDemo();
        o->window->showPanel("training");
        auto* epochs = qobject_cast<QSpinBox*>(o->window->training()->form()->editor("epochs"));
        QVERIFY(epochs);
        epochs->setFocus();
        o->bench->updateConfig([](TrainingConfig& c) { c.epochs = 7; });
        QCOMPARE(epochs->value(), 7);
        o->window->fillMask()->textBox()->setFocus();  // focus leaves the spin box
        QCOMPARE(o->bench->config().epochs, 7);
        // Typing in a field and leaving it writes it.
        auto* rate = qobject_cast<QLineEdit*>(o->window->training()->form()->editor("learning_rate"));
        QVERIFY(rate);
        rate->setFocus();
        rate->selectAll();
        QTest::keyClicks(rate, "5e-5");
        QTest::keyClick(rate, Qt::Key_Return);
        QCOMPARE(o->bench->config().learningRate, 5e-5);
    }

    void pauseHoldsTheRunAndStopKeepsAResumableCheckpoint()
    {
        auto o = openDemo();
        makeShort(o->bench, 3);
        TrainingWorker* worker = o->bench->engine()->training();
        QSignalSpy steps(worker, &TrainingWorker::stepped);
        QSignalSpy paused(worker, &TrainingWorker::pausedChanged);
        QSignalSpy finished(worker, &TrainingWorker::finished);
        TrainingPanel* training = o->window->training();
        training->startButton()->click();
        QVERIFY(waitFor(steps, 2, 120000));
        training->pauseButton()->click();
        QVERIFY(waitFor(paused));
        QVERIFY(paused.first().first().toBool());
        const auto held = steps.size();
        QTest::qWait(1500);
        QCOMPARE(steps.size(), held);  // no step while paused
        QVERIFY(o->window->isEnabled());

        // Stop while paused: the run saves where it is and reports it was not completed.
        training->stopButton()->click();
        QVERIFY(waitFor(finished, 1, 120000));
        const auto stopped = finished.first().first().value<RunResult>();
        QVERIFY(!stopped.completed);
        QVERIFY(stopped.steps < 30);
        const QString checkpoint = QString::fromStdString(stopped.lastCheckpoint);
        QVERIFY2(checkpoint.contains("checkpoint-step-"), qPrintable(checkpoint));
        QVERIFY(QFileInfo::exists(checkpoint + "/config.json"));
        QVERIFY(QFileInfo::exists(checkpoint + "/model.safetensors"));

        // Resume continues from that step to the end.
        steps.clear();
        finished.clear();
        o->bench->resumeTraining(QString::fromStdString(stopped.runDir));
        QVERIFY(waitFor(finished, 1, 300000));
        const auto resumed = finished.first().first().value<RunResult>();
        QVERIFY(resumed.completed);
        QCOMPARE(resumed.steps, 30);
        QCOMPARE(steps.first().first().value<StepEvent>().step, stopped.steps + 1);
    }

    void closingDuringARunStopsItAndKeepsTheCheckpoint()
    {
        auto o = openDemo();
        makeShort(o->bench, 50);
        TrainingWorker* worker = o->bench->engine()->training();
        QSignalSpy steps(worker, &TrainingWorker::stepped);
        QSignalSpy finished(worker, &TrainingWorker::finished);
        const QString run = o->bench->startTraining();
        QVERIFY(!run.isEmpty());
        QVERIFY(waitFor(steps, 1, 120000));
        // Refusing keeps the window and the run.
        o->window->setCloseQuestion([] { return false; });
        QVERIFY(!o->window->close());
        QVERIFY(o->bench->isTraining());
        // Accepting stops after the step, saves, then closes.
        int asked = 0;
        o->window->setCloseQuestion([&asked] { ++asked; return true; });
        QVERIFY(o->window->close());
        QCOMPARE(asked, 1);
        QVERIFY(!o->bench->isTraining());
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<RunResult>();
        QVERIFY(!result.completed);
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.lastCheckpoint) + "/model.safetensors"));
        QVERIFY(QFileInfo::exists(run + "/state"));
    }

    void badInputNamesTheProblemAndKeepsWhatWasOpen()
    {
        auto o = openDemo();
        const std::string demo = o->bench->config().corpus;
        QSignalSpy problems(o->bench, &Workbench::problem);
        o->bench->openCorpus("/nonexistent/aclImdb");
        QVERIFY(waitFor(problems));
        QVERIFY2(o->window->lastProblem().contains("/nonexistent/aclImdb"), qPrintable(o->window->lastProblem()));
        QCOMPARE(o->bench->config().corpus, demo);  // the open corpus stays
        QCOMPARE(o->window->dataset()->table()->model()->rowCount(), 248);

        // An empty folder is not a model: one message naming it and what a model folder holds;
        // the settings and the model that was open stay (no second message blaming the corpus).
        QTemporaryDir empty;
        problems.clear();
        const std::string modelBefore = o->bench->config().model;
        const std::string scratchBefore = o->bench->config().fromScratch;
        // The demo's base model is loaded on a worker after the window opens: wait for it.
        QTRY_VERIFY_WITH_TIMEOUT(!o->bench->baseModel().title.isEmpty(), 60000);
        const QString titleBefore = o->bench->baseModel().title;
        o->bench->openModel(empty.path());
        QVERIFY(waitFor(problems));
        QVERIFY2(o->window->lastProblem().contains(empty.path()), qPrintable(o->window->lastProblem()));
        QVERIFY2(o->window->lastProblem().contains("config.json"), qPrintable(o->window->lastProblem()));
        QTest::qWait(1000);
        QCOMPARE(problems.count(), 1);
        QCOMPARE(o->bench->config().model, modelBefore);
        QCOMPARE(o->bench->config().fromScratch, scratchBefore);
        QCOMPARE(o->bench->baseModel().title, titleBefore);

        // A folder that does not exist, and one whose weights are cut short: one message each,
        // naming the problem; the model that was open stays open, settings and corpus untouched,
        // and the base model still answers fill-mask.
        QTemporaryDir damaged;
        QVERIFY(!modelBefore.empty());  // the demo adapts its shipped base model
        const QString demoModel = QString::fromStdString(modelBefore);
        for (const QString name : {"config.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"})
            QVERIFY(QFile::copy(demoModel + "/" + name, damaged.filePath(name)));
        QFile weights(demoModel + "/model.safetensors");
        QVERIFY(weights.open(QIODevice::ReadOnly));
        QFile cut(damaged.filePath("model.safetensors"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(weights.read(5000));
        cut.close();
        QSignalSpy corpusLoads(o->bench, &Workbench::corpusChanged);
        for (const QString& bad : {QString("/nonexistent/model-folder"), damaged.path()}) {
            problems.clear();
            o->bench->openModel(bad);
            QVERIFY(waitFor(problems));
            QVERIFY2(o->window->lastProblem().contains(bad), qPrintable(o->window->lastProblem()));
            QTest::qWait(1000);
            QCOMPARE(problems.count(), 1);
            QCOMPARE(o->bench->config().model, modelBefore);
            QCOMPARE(o->bench->baseModel().title, titleBefore);
            QCOMPARE(corpusLoads.count(), 0);
            QCOMPARE(o->window->dataset()->table()->model()->rowCount(), 248);
        }
        FillMaskPanel* fill = o->window->fillMask();
        fill->textBox()->setText("This is a great [MASK].");
        fill->askButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(fill->baseChart()->tokens().size() == 5, 30000);

        // Settings that cannot work are refused before a run starts.
        problems.clear();
        o->bench->useNewModel("tiny");
        o->bench->updateConfig([](TrainingConfig& c) { c.mlmProbability = 1.5; });
        QVERIFY(o->bench->startTraining().isEmpty());
        QVERIFY(waitFor(problems));
        QVERIFY2(o->window->lastProblem().contains("mlm_probability"), qPrintable(o->window->lastProblem()));
        QVERIFY(!o->bench->isTraining());
    }

    void cancellingALoadKeepsThePreviousCorpus()
    {
        auto o = openDemo();
        const QString fixtures = qEnvironmentVariable("MASKLAB_FIXTURES");
        const QString tarball = fixtures + "/imdb/aclImdb_v1_text_only.tar.xz";
        if (!QFileInfo::exists(tarball)) QFAIL(qPrintable("the IMDb tarball is missing: " + tarball));
        QSignalSpy progress(o->bench, &Workbench::loadingProgress);
        QSignalSpy problems(o->bench, &Workbench::problem);
        QSignalSpy cancelled(o->bench, &Workbench::loadingCancelled);
        o->bench->openCorpus(tarball);
        QVERIFY(waitFor(progress, 2));
        QVERIFY(o->window->dataset()->cancelButton()->isVisible());
        o->window->dataset()->cancelButton()->click();
        QVERIFY(waitFor(cancelled, 1, 120000));
        QVERIFY(problems.isEmpty());  // a cancel is what the user asked for, not a problem
        QVERIFY(!o->bench->isLoading());
        QVERIFY(!o->window->dataset()->cancelButton()->isVisible());
        QCOMPARE(o->window->dataset()->table()->model()->rowCount(), 248);
    }

    // The course's path in the window: the real IMDb train split with the course's tokenizer,
    // chunk size 128 and groups of 1,000 reviews gives the course's 61,289 chunks, and the
    // first chunk starts with the first review in the course's order.
    void courseSettingsOnTheRealImdbGiveTheCoursesChunks()
    {
        auto o = openDemo();
        const QString fixtures = qEnvironmentVariable("MASKLAB_FIXTURES");
        const QString tarball = fixtures + "/imdb/aclImdb_v1_text_only.tar.xz";
        const QString tokenizer = fixtures + "/bert_uncased_tokenizer/tokenizer.json";
        if (!QFileInfo::exists(tarball) || !QFileInfo::exists(tokenizer)) QFAIL("the IMDb fixtures are missing");
        o->bench->updateConfig([&](TrainingConfig& c) {
            c.tokenizer = tokenizer.toStdString();
            c.chunkSize = 128;
            c.groupSize = 1000;
            c.trainSize = 10000;
            c.testSize = 1000;
        });
        o->bench->openCorpus(tarball);
        // The tokenizer change re-reads the demo first; wait for the IMDb's own chunks.
        QTRY_VERIFY_WITH_TIMEOUT(o->bench->chunks() && o->bench->chunks()->corpus->corpus.origin == tarball.toStdString(),
                                 600000);
        QCOMPARE(o->bench->corpus()->corpus.size(), std::size_t(25000));
        const ChunkSnapshot& chunks = *o->bench->chunks();
        QCOMPARE(chunks.chunks.size(), std::size_t(61289));
        QCOMPARE(chunks.chunks.tokens, std::size_t(7846783));
        QCOMPARE(chunks.split.train.size(), std::size_t(10000));
        QCOMPARE(chunks.split.test.size(), std::size_t(1000));
        QVERIFY(o->window->chunks()->summary()->text().contains("61,289"));
        QCOMPARE(o->window->dataset()->table()->model()->rowCount(), 25000);
        QCOMPARE(o->bench->corpus()->tokenCount(0), std::size_t(200));  // the course's first review
        QCOMPARE(o->bench->config().split, std::string("train"));
    }

    void layoutIsRememberedBetweenLaunches()
    {
        QTemporaryDir project;
        {
            MainWindow window(project.path());
            window.show();
            window.dock("charts")->hide();
            QVERIFY(window.close());
        }
        MainWindow again(project.path());
        again.show();
        QVERIFY(!again.dock("charts")->isVisible());
        again.dock("charts")->show();
        QVERIFY(again.close());
    }
};

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
