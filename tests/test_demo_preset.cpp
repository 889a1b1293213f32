// The built-in demo: a tiny model from scratch on the shipped review corpus, no download and no
// ../shared. Perplexity falls steeply and "This is a great [MASK]." gets movie or film in its top
// 5. Slow: the whole demo run (a few minutes on two cores).
#include "masklab/checkpoint.h"
#include "masklab/fill_mask.h"
#include "masklab/trainer.h"

#include <QtTest>

using namespace masklab;

class TestDemoPreset final : public QObject {
    Q_OBJECT

private slots:
    void demoLearnsTheDomain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const TrainingConfig config = TrainingConfig::demoPreset((dir.path() + "/run").toStdString());
        std::vector<EvalEvent> evals;
        TrainerCallbacks cb;
        cb.onEval = [&](const EvalEvent& e) { evals.push_back(e); };
        const RunResult result = train(config, cb);
        QVERIFY(result.completed);
        QVERIFY(evals.size() >= 2);
        qInfo("perplexity %.1f before, %.1f after %lld steps", evals.front().perplexity, evals.back().perplexity,
              static_cast<long long>(result.steps));
        QVERIFY2(evals.back().perplexity < evals.front().perplexity / 10, "perplexity did not fall tenfold");

        PretrainedModel model = loadPretrained(result.lastCheckpoint);
        const FillMaskResult predictions = fillMask(*model.model, *model.tokenizer, "This is a great [MASK].", 5);
        QCOMPARE(predictions.size(), std::size_t(1));
        QString top;
        bool domainWord = false;
        for (const FillMaskPrediction& p : predictions[0]) {
            top += QString::fromStdString(p.tokenStr) + QString(" (%1) ").arg(p.score, 0, 'f', 3);
            domainWord = domainWord || p.tokenStr == "movie" || p.tokenStr == "film";
        }
        qInfo("This is a great [MASK]. -> %s", qPrintable(top));
        QVERIFY2(domainWord, qPrintable("neither movie nor film in the top 5: " + top));
    }
};

QTEST_GUILESS_MAIN(TestDemoPreset)
#include "test_demo_preset.moc"
