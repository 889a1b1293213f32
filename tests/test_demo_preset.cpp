// The built-in demo, offline and without ../shared: the shipped general-English base model
// (resources/demo/base-model, made by make_base_model.sh from novels) adapted by the demo preset
// to the shipped reviews, as the course adapts DistilBERT to IMDb.
//  - The base model fills "This is a great [MASK]." as pipeline("fill-mask") does on the same
//    folder (ids and token strings identical, scores within 1e-5), and with general English: at
//    least three of its top 5 are words, and neither movie nor film is among them.
//  - The demo preset adapts it in a few minutes on two cores: perplexity on the reviews'
//    evaluation chunks falls to below half of the base model's, and movie or film is in the
//    adapted model's top 3.
// Slow: the whole demo run.
#include "masklab/checkpoint.h"
#include "masklab/fill_mask.h"
#include "masklab/trainer.h"
#include "peer_runner.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <fstream>

using namespace masklab;
using namespace masklab::testing;
using json = nlohmann::json;

namespace {

const char* const kProbe = "This is a great [MASK].";

QString describe(const std::vector<FillMaskPrediction>& predictions)
{
    QString text;
    for (const FillMaskPrediction& p : predictions)
        text += QString::fromStdString(p.tokenStr) + QString(" (%1) ").arg(p.score, 0, 'f', 3);
    return text;
}

bool isWord(const std::string& token)
{
    if (token.empty()) return false;
    for (unsigned char c : token)
        if (!std::isalpha(c)) return false;
    return true;
}

bool isDomainWord(const std::string& token) { return token == "movie" || token == "film"; }

}  // namespace

class TestDemoPreset final : public QObject {
    Q_OBJECT

private slots:
    void baseModelAnswersLikeThePipelineWithGeneralWords()
    {
        const std::string folder = demoBaseModelPath();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString request = dir.filePath("texts.json"), answer = dir.filePath("pipeline.json");
        std::ofstream(request.toStdString()) << json::array({kProbe}).dump();
        const QString error = runPeerScript("transformers_peer.py",
                                            {"fill-mask", QString::fromStdString(folder), request, answer, "--top-k", "5"});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        std::ifstream in(answer.toStdString());
        const json peer = json::parse(in);
        QVERIFY2(peer.at("warnings").empty(), qPrintable(QString::fromStdString(peer.at("warnings").dump(1))));
        const json& theirs = peer.at("results")[0][0];

        PretrainedModel base = loadPretrained(folder);
        const FillMaskResult ours = fillMask(*base.model, *base.tokenizer, kProbe, 5);
        QCOMPARE(ours.size(), std::size_t(1));
        QCOMPARE(ours[0].size(), theirs.size());
        double worst = 0;
        for (std::size_t k = 0; k < theirs.size(); ++k) {
            QCOMPARE(ours[0][k].token, theirs[k].at("token").get<int32_t>());
            QCOMPARE(QString::fromStdString(ours[0][k].tokenStr), QString::fromStdString(theirs[k].at("token_str").get<std::string>()));
            worst = std::max(worst, std::abs(ours[0][k].score - theirs[k].at("score").get<double>()));
        }
        qInfo("base model: %s -> %s (the pipeline's scores within %.2g)", kProbe, qPrintable(describe(ours[0])), worst);
        QVERIFY2(worst <= 1e-5, qPrintable(QString("scores differ from the pipeline's by %1").arg(worst)));

        int words = 0;
        for (const FillMaskPrediction& p : ours[0]) {
            words += isWord(p.tokenStr);
            QVERIFY2(!isDomainWord(p.tokenStr), qPrintable("the base model already answers with film words: " + describe(ours[0])));
        }
        QVERIFY2(words >= 3, qPrintable("fewer than three words in the base model's top 5: " + describe(ours[0])));
    }

    void demoAdaptsTheBaseModelToTheReviews()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const TrainingConfig config = TrainingConfig::demoPreset((dir.path() + "/run").toStdString());
        QCOMPARE(config.model, demoBaseModelPath());
        QVERIFY(config.fromScratch.empty());
        std::vector<EvalEvent> evals;
        TrainerCallbacks cb;
        cb.onEval = [&](const EvalEvent& e) { evals.push_back(e); };
        QElapsedTimer clock;
        clock.start();
        const RunResult result = train(config, cb);
        QVERIFY(result.completed);
        QVERIFY(evals.size() >= 2);
        qInfo("perplexity on the reviews %.1f before, %.1f after %lld steps (%.0f s)", evals.front().perplexity,
              evals.back().perplexity, static_cast<long long>(result.steps), clock.elapsed() / 1000.0);
        QVERIFY2(evals.back().perplexity < evals.front().perplexity / 2, "perplexity did not fall to below half");

        PretrainedModel adapted = loadPretrained(result.lastCheckpoint);
        const FillMaskResult predictions = fillMask(*adapted.model, *adapted.tokenizer, kProbe, 5);
        QCOMPARE(predictions.size(), std::size_t(1));
        qInfo("adapted: %s -> %s", kProbe, qPrintable(describe(predictions[0])));
        bool domainWord = false;
        for (std::size_t k = 0; k < 3; ++k) domainWord = domainWord || isDomainWord(predictions[0][k].tokenStr);
        QVERIFY2(domainWord, qPrintable("neither movie nor film in the top 3: " + describe(predictions[0])));
    }
};

QTEST_GUILESS_MAIN(TestDemoPreset)
#include "test_demo_preset.moc"
