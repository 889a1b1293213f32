// LibTorch first: Qt defines `slots` as a macro, which breaks torch headers parsed after it.
#include "masklab/fill_mask.h"

#include "worker/training_worker.h"

#include "engine_text.h"


namespace masklab::ui {

TrainingWorker::TrainingWorker(std::shared_ptr<RunControl> control, QObject* parent)
    : QObject(parent), m_control(std::move(control))
{
}

void TrainingWorker::run(const TrainingRequest& request)
{
    TrainerCallbacks callbacks;
    callbacks.onStep = [this](const StepEvent& e) { emit stepped(e); };
    callbacks.onEval = [this](const EvalEvent& e) { emit evaluated(e); };
    callbacks.onLog = [this](const Message& line) { emit logLine(engineText(line)); };
    callbacks.shouldStop = [this] {
        if (m_control->pauseRequested()) {
            emit pausedChanged(true);
            const bool stop = m_control->waitWhilePaused();
            emit pausedChanged(false);
            return stop;
        }
        return m_control->stopRequested();
    };
    std::vector<std::string> probes;
    for (const QString& p : request.probes)
        if (p.contains(QLatin1String("[MASK]"))) probes.push_back(p.toStdString());
    if (!probes.empty()) {
        callbacks.onEvaluatedModel = [this, probes, topK = request.topK](const EvalEvent& e, MaskedLanguageModelImpl& model,
                                                                         const Tokenizer& tokenizer) {
            ProbeScores scores;
            scores.step = e.step;
            scores.epoch = e.epoch;
            try {
                const std::vector<FillMaskResult> results = fillMask(model, tokenizer, probes, topK);
                for (std::size_t i = 0; i < probes.size(); ++i) {
                    scores.texts << QString::fromStdString(probes[i]);
                    QVector<FillCandidate> candidates;
                    if (!results[i].empty())
                        for (const FillMaskPrediction& p : results[i].front())
                            candidates.push_back({QString::fromStdString(p.tokenStr), p.score, QString::fromStdString(p.sequence)});
                    scores.candidates.push_back(candidates);
                }
                emit probesScored(scores);
            } catch (const std::exception& error) {
                // A probe that does not fit (too long for the model) must not end the run.
                emit logLine(tr("probes not scored: %1").arg(engineText(error)));
            }
        };
    }

    emit started(QString::fromStdString(request.config.outputDir));
    try {
        const RunResult result = request.resume ? resumeTraining(request.config.outputDir, callbacks)
                                                : train(request.config, callbacks);
        emit finished(result);
    } catch (const std::exception& e) {
        emit failed(engineText(e));
    }
}

}  // namespace masklab::ui
