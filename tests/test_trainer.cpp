// The trainer: perplexity falls, resume repeats an uninterrupted run bit for bit, checkpoints
// round-trip, a stop keeps a consistent state, and a diverging loss stops with a message.
#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/sentencepiece_tokenizer.h"
#include "masklab/trainer.h"
#include "test_support.h"

#include <QtTest>

#include <cmath>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <fstream>

using namespace masklab;
using namespace masklab::testing;
using nlohmann::json;

namespace {

TrainingConfig smallRun(const QString& dir)
{
    TrainingConfig c;
    c.fromScratch = "tiny";
    c.tokenizer = bertTokenizerJson();
    c.corpus = fixture("imdb/imdb_sample_1000.jsonl");
    c.chunkSize = 64;
    c.trainSize = 96;
    c.testSize = 32;
    c.batchSize = 16;
    c.epochs = 2;
    c.learningRate = 1e-3;
    c.warmupSteps = 2;
    c.evalBatchSize = 32;
    c.logEverySteps = 1;
    c.threads = 2;
    c.device = "cpu";
    c.outputDir = dir.toStdString();
    return c;
}

std::vector<json> metrics(const std::string& runDir, const std::string& type)
{
    std::ifstream in(runDir + "/metrics.jsonl");
    std::vector<json> rows;
    std::string line;
    while (std::getline(in, line)) {
        json j = json::parse(line);
        if (j["type"] == type) rows.push_back(j);
    }
    return rows;
}

}  // namespace

class TestTrainer final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void trainingLowersPerplexityAndSavesCheckpoints()
    {
        const QString run = m_dir.path() + "/full";
        std::vector<StepEvent> steps;
        std::vector<EvalEvent> evals;
        TrainerCallbacks cb;
        cb.onStep = [&](const StepEvent& e) { steps.push_back(e); };
        cb.onEval = [&](const EvalEvent& e) { evals.push_back(e); };
        const RunResult result = train(smallRun(run), cb);
        QVERIFY(result.completed);
        QCOMPARE(result.steps, int64_t(12));  // 96 / 16 = 6 steps an epoch, 2 epochs
        QCOMPARE(steps.size(), std::size_t(12));
        QCOMPARE(steps.back().totalSteps, int64_t(12));
        QVERIFY(steps.back().tokensPerSecond > 0);
        QCOMPARE(evals.size(), std::size_t(3));  // before training and after each epoch
        QVERIFY2(evals.back().perplexity < evals.front().perplexity * 0.7,
                 qPrintable(QString("%1 -> %2").arg(evals.front().perplexity).arg(evals.back().perplexity)));
        // Warmup then linear decay.
        QCOMPARE(steps[0].learningRate, 0.0);
        QVERIFY(std::abs(steps[2].learningRate - 1e-3) < 1e-12);
        QVERIFY(steps[11].learningRate < steps[5].learningRate);
        QVERIFY(QFileInfo::exists(run + "/checkpoint-epoch-1/model.safetensors"));
        QVERIFY(QFileInfo::exists(run + "/checkpoint-epoch-2/config.json"));
        QVERIFY(QFileInfo::exists(run + "/checkpoint-epoch-2/tokenizer.json"));
        QVERIFY(QFileInfo::exists(run + "/training_config.json"));
        QCOMPARE(metrics(run.toStdString(), "step").size(), std::size_t(12));
        QCOMPARE(metrics(run.toStdString(), "eval").size(), std::size_t(3));
    }

    void checkpointRoundTripsBitIdentically()
    {
        const std::string folder = (m_dir.path() + "/full/checkpoint-epoch-2").toStdString();
        PretrainedModel loaded = loadPretrained(folder);
        QVERIFY(loaded.warnings.empty());
        const std::string again = (m_dir.path() + "/resaved").toStdString();
        savePretrained(again, *loaded.model, *loaded.tokenizer);
        for (const char* file : {"/model.safetensors", "/config.json", "/tokenizer.json", "/vocab.txt"}) {
            QFile a(QString::fromStdString(folder + file)), b(QString::fromStdString(again + file));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(), file);
        }
        PretrainedModel reloaded = loadPretrained(again);
        const auto p1 = loaded.model->named_parameters();
        const auto p2 = reloaded.model->named_parameters();
        for (const auto& item : p1) QVERIFY(torch::equal(item.value(), p2[item.key()]));
    }

    // The step's loss is the mean over every masked token of its micro-batches (transformers'
    // num_items_in_batch): one batch of 16 and two micro-batches of 8 take the same steps.
    void accumulationTakesTheSameStepsAsOneBatch()
    {
        const auto runWith = [&](const QString& name, int batch, int accumulation) {
            TrainingConfig c = smallRun(m_dir.path() + "/" + name);
            c.batchSize = batch;
            c.gradientAccumulation = accumulation;
            c.dropout = 0;  // no randomness left but the masks, which follow the chunks
            c.attentionDropout = 0;
            c.precision = "fp32";  // bf16 (auto on CPUs that have it) rounds differently at each batch shape
            std::vector<StepEvent> steps;
            TrainerCallbacks cb;
            cb.onStep = [&](const StepEvent& e) { steps.push_back(e); };
            const RunResult r = train(c, cb);
            return std::make_pair(steps, loadPretrained(r.lastCheckpoint));
        };
        const auto [whole, wholeModel] = runWith("batch16", 16, 1);
        const auto [halves, halvesModel] = runWith("batch8x2", 8, 2);
        QCOMPARE(whole.size(), std::size_t(12));
        QCOMPARE(halves.size(), whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i)
            QVERIFY2(std::abs(whole[i].loss - halves[i].loss) < 1e-5,
                     qPrintable(QString("step %1: %2 vs %3").arg(i + 1).arg(whole[i].loss, 0, 'g', 10).arg(halves[i].loss, 0, 'g', 10)));
        double largest = 0;
        const auto other = halvesModel.model->named_parameters();
        for (const auto& item : wholeModel.model->named_parameters())
            largest = std::max(largest, (item.value() - other[item.key()]).abs().max().item<double>());
        QVERIFY2(largest < 1e-5, qPrintable(QString("weights differ by %1").arg(largest)));
        // The run's dropout is the checkpoint's.
        QCOMPARE(wholeModel.model->config().dropout, 0.0);
        QCOMPARE(wholeModel.model->config().attentionDropout, 0.0);
    }

    void resumeMatchesUninterruptedRun()
    {
        const QString run = m_dir.path() + "/interrupted";
        int stepsSeen = 0;
        TrainerCallbacks stopper;
        stopper.onStep = [&](const StepEvent&) { ++stepsSeen; };
        stopper.shouldStop = [&] { return stepsSeen == 4; };  // mid first epoch
        const RunResult partial = train(smallRun(run), stopper);
        QVERIFY(!partial.completed);
        QCOMPARE(partial.steps, int64_t(4));
        // The stop leaves a model folder that loads.
        QVERIFY(QString::fromStdString(partial.lastCheckpoint).endsWith("checkpoint-step-4"));
        QVERIFY(loadPretrained(partial.lastCheckpoint).warnings.empty());
        // As a kill between saveTrainingState's two renames leaves it: the state in state.old.
        QVERIFY(QDir(run).rename("state", "state.old"));
        const RunResult resumed = resumeTraining(run.toStdString());
        QVERIFY(resumed.completed);
        QCOMPARE(resumed.steps, int64_t(12));

        const auto full = metrics((m_dir.path() + "/full").toStdString(), "step");
        const auto pieces = metrics(run.toStdString(), "step");
        QCOMPARE(pieces.size(), full.size());
        for (std::size_t i = 0; i < full.size(); ++i) {
            QCOMPARE(pieces[i]["step"].get<int>(), full[i]["step"].get<int>());
            // Bit-identical losses on the CPU.
            QCOMPARE(pieces[i]["loss"].get<double>(), full[i]["loss"].get<double>());
        }
        const auto fullEval = metrics((m_dir.path() + "/full").toStdString(), "eval");
        const auto piecesEval = metrics(run.toStdString(), "eval");
        QCOMPARE(piecesEval.back()["perplexity"].get<double>(), fullEval.back()["perplexity"].get<double>());
    }

    // Issue 12: the saved state carries a format and a checksum per file; a damaged file is
    // refused by name, never loaded, and a state from a newer format says so.
    void damagedStateIsRefusedWithItsName()
    {
        const QString run = m_dir.path() + "/damaged-state";
        int stepsSeen = 0;
        TrainerCallbacks stopper;
        stopper.onStep = [&](const StepEvent&) { ++stepsSeen; };
        stopper.shouldStop = [&] { return stepsSeen == 2; };
        QVERIFY(!train(smallRun(run), stopper).completed);
        const QString stateDir = run + "/state";
        json meta;
        {
            std::ifstream in((stateDir + "/trainer_state.json").toStdString());
            meta = json::parse(in);
        }
        QCOMPARE(meta["format"].get<int>(), 3);
        QVERIFY(meta["checksums"].contains("optimizer.pt"));
        // Where the run stands, in chunks of the epoch's order, and the global batch it took.
        QCOMPARE(meta["sample"].get<int64_t>(), 2 * meta["global_batch"].get<int64_t>());
        QCOMPARE(meta["processes"].get<int64_t>(), int64_t{1});
        QVERIFY(!QDir(run + "/state.part").exists());

        const auto resumeError = [&] {
            try {
                resumeTraining(run.toStdString());
            } catch (const Error& e) {
                return QString::fromStdString(e.what());
            }
            return QString();
        };
        for (const char* name : {"optimizer.pt", "model.safetensors", "rng.pt"}) {
            QFile file(stateDir + "/" + name);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 at = file.size() / 2;
            QVERIFY(file.seek(at));
            char c;
            QVERIFY(file.getChar(&c));
            QVERIFY(file.seek(at));
            QVERIFY(file.putChar(char(c ^ 0x01)));
            file.close();
            const QString message = resumeError();
            QVERIFY2(message.contains(name) && message.contains("damaged"), qPrintable(message));
            // Put the byte back: the next file is damaged alone.
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(at));
            QVERIFY(file.putChar(c));
            file.close();
        }
        meta["format"] = 4;
        std::ofstream((stateDir + "/trainer_state.json").toStdString()) << meta.dump();
        QVERIFY2(resumeError().contains("format 4"), qPrintable(resumeError()));
        meta["format"] = 3;
        std::ofstream((stateDir + "/trainer_state.json").toStdString()) << meta.dump();
        QVERIFY(resumeTraining(run.toStdString()).completed);  // whole again, it resumes
    }

    // An fp16 step skipped for overflow leaves the learning-rate schedule where it was, as the
    // Trainer skips lr_scheduler.step() when the GradScaler skipped optimizer.step(). fp16
    // autocasts on the CPU too; a huge loss scale written into the run's state makes the first
    // steps after resuming overflow.
    void skippedFp16StepsDoNotAdvanceTheSchedule()
    {
        const QString run = m_dir.path() + "/fp16_skips";
        TrainingConfig c = smallRun(run);
        c.precision = "fp16";
        c.warmupSteps = 10;
        c.epochs = 1;
        c.batchSize = 8;  // 12 steps
        int stepsSeen = 0;
        TrainerCallbacks stopper;
        stopper.onStep = [&](const StepEvent&) { ++stepsSeen; };
        stopper.shouldStop = [&] { return stepsSeen == 1; };
        QVERIFY(!train(c, stopper).completed);

        const std::string statePath = run.toStdString() + "/state/trainer_state.json";
        json state = json::parse(std::ifstream(statePath));
        QCOMPARE(state.at("schedule_step").get<int>(), 1);
        state["loss_scale"] = std::ldexp(1.0, 24);
        std::ofstream(statePath) << state.dump();

        std::vector<StepEvent> steps;
        int skipped = 0;
        TrainerCallbacks watcher;
        watcher.onStep = [&](const StepEvent& e) { steps.push_back(e); };
        watcher.onLog = [&](const masklab::Message& line) { skipped += line.text().find("step skipped") != std::string::npos; };
        QVERIFY(resumeTraining(run.toStdString(), watcher).completed);
        QVERIFY2(skipped >= 1 && skipped + 1 < static_cast<int>(steps.size()),
                 qPrintable(QString("%1 of %2 steps skipped").arg(skipped).arg(steps.size())));
        // Warmup over 10 steps: the step after the one taken runs at 1/10 of the rate, and so
        // does every skipped step and the first one taken after them; the next at 2/10.
        for (int i = 0; i <= skipped; ++i)
            QVERIFY2(std::abs(steps[static_cast<std::size_t>(i)].learningRate - c.learningRate * 0.1) < 1e-12,
                     qPrintable(QString("step %1 ran at rate %2").arg(steps[static_cast<std::size_t>(i)].step)
                                    .arg(steps[static_cast<std::size_t>(i)].learningRate)));
        QVERIFY(std::abs(steps[static_cast<std::size_t>(skipped) + 1].learningRate - c.learningRate * 0.2) < 1e-12);
    }

    void fromScratchWithATrainedSentencePiece()
    {
        // A tokenizer trained on the corpus itself, then a model from scratch on it.
        const std::string textFile = (m_dir.path() + "/corpus.txt").toStdString();
        {
            std::ifstream in(fixture("imdb/imdb_sample_1000.jsonl"));
            std::ofstream out(textFile);
            std::string line;
            while (std::getline(in, line)) {
                std::string text = json::parse(line)["text"].get<std::string>();
                std::replace(text.begin(), text.end(), '\n', ' ');
                out << text << '\n';
            }
        }
        SentencePieceTrainOptions spm;
        spm.inputs = {textFile};
        spm.modelPrefix = (m_dir.path() + "/spm").toStdString();
        spm.vocabSize = 2000;
        trainSentencePiece(spm);

        TrainingConfig c = smallRun(m_dir.path() + "/spm-run");
        c.tokenizer = spm.modelPrefix + ".model";
        std::vector<EvalEvent> evals;
        TrainerCallbacks cb;
        cb.onEval = [&](const EvalEvent& e) { evals.push_back(e); };
        const RunResult result = train(c, cb);
        QVERIFY(result.completed);
        QVERIFY2(evals.back().perplexity < evals.front().perplexity,
                 qPrintable(QString("%1 -> %2").arg(evals.front().perplexity).arg(evals.back().perplexity)));
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.lastCheckpoint) + "/spiece.model"));
        const PretrainedModel reloaded = loadPretrained(result.lastCheckpoint);
        QCOMPARE(reloaded.tokenizer->vocabSize(), 2000);
    }

    void divergingLossStopsWithAMessage()
    {
        TrainingConfig c = smallRun(m_dir.path() + "/diverge");
        c.learningRate = 1e12;
        c.maxGradNorm = 0;
        c.warmupSteps = 0;
        try {
            train(c);
            QFAIL("a diverging run must stop");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("learning rate"), e.what());
        }
    }

    void badSettingsAreNamed()
    {
        TrainingConfig c = smallRun(m_dir.path() + "/bad");
        c.corpus = "/no/such/corpus.jsonl";
        QVERIFY_THROWS_EXCEPTION(Error, train(c));
        c = smallRun(m_dir.path() + "/bad2");
        c.trainSize = 100000;
        try {
            train(c);
            QFAIL("too many chunks asked for");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("documents") || QString(e.what()).contains("chunks"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, train(smallRun(m_dir.path() + "/full")));  // folder holds a run
    }

    // The [MASK] and random shares are run settings (the GUI's Masks panel edits them): they
    // reach the masking options, survive the JSON file, and impossible shares are named.
    void maskingSharesAreRunSettings()
    {
        TrainingConfig c = smallRun(m_dir.path() + "/shares");
        c.maskShare = 0.5;
        c.randomShare = 0.25;
        c.wholeWord = true;
        c.wwmProbability = 0.3;
        const MaskingOptions o = c.masking(77);
        QCOMPARE(o.maskShare, 0.5);
        QCOMPARE(o.randomShare, 0.25);
        QVERIFY(o.wholeWord);
        QCOMPARE(o.wwmProbability, 0.3);
        QCOMPARE(o.seed, uint64_t(77));
        const TrainingConfig back = TrainingConfig::fromJson(c.toJson(), "test");
        QCOMPARE(back.maskShare, 0.5);
        QCOMPARE(back.randomShare, 0.25);
        c.randomShare = 0.6;
        try {
            c.validate();
            QFAIL("shares adding up to 1.1 must be refused");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("mask_share") && QString(e.what()).contains("random_share"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
