// LibTorch first: Qt defines `slots` as a macro, which breaks torch headers parsed after it.
#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/fill_mask.h"

#include <torch/torch.h>

#include "worker/inference_worker.h"

#include "engine_text.h"

#include "masklab/hub.h"


#include <QElapsedTimer>
#include <QLocale>


namespace masklab::ui {

struct InferenceWorker::Loaded {
    QString folder;
    MaskedLanguageModel model{nullptr};
    std::shared_ptr<const Tokenizer> tokenizer;
};

namespace {

ModelInfo describe(const QString& slot, const QString& folder, const QString& kind, MaskedLanguageModelImpl& model,
                   const Tokenizer& tokenizer)
{
    ModelInfo info;
    info.slot = slot;
    info.folder = folder;
    info.parameters = model.numParameters();
    info.title = InferenceWorker::tr("%1 (%2), %3 parameters")
                     .arg(QString::fromStdString(model.config().className()), kind,
                          QLocale().toString(info.parameters));
    for (const LayerSummaryRow& row : model.summary())
        info.summary.push_back({QString::fromStdString(row.name), QString::fromStdString(row.kind),
                                QString::fromStdString(row.outputShape), QLocale().toString(static_cast<qint64>(row.parameters))});
    info.configJson = QString::fromStdString(model.config().toJson());
    info.tokenizerDescription = engineText(tokenizer.describe());
    info.vocabSize = tokenizer.vocabSize();
    return info;
}

QVector<FillCandidate> candidatesOf(const std::vector<FillMaskPrediction>& predictions)
{
    QVector<FillCandidate> out;
    for (const FillMaskPrediction& p : predictions)
        out.push_back({QString::fromStdString(p.tokenStr), p.score, QString::fromStdString(p.sequence)});
    return out;
}

}  // namespace

InferenceWorker::InferenceWorker(QObject* parent) : QObject(parent) {}
InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::loadModel(const QString& slot, const QString& folder)
{
    load(slot, folder, false);
}

void InferenceWorker::tryModel(const QString& slot, const QString& folder)
{
    load(slot, folder, true);
}

void InferenceWorker::load(const QString& slot, const QString& folder, bool keepOnFailure)
{
    try {
        // A Hub repo id resolves through the cache (the Project panel downloaded it first).
        PretrainedModel pretrained = loadPretrained(hub::locateModel(folder.toStdString()));
        auto loaded = std::make_shared<Loaded>();
        loaded->folder = folder;
        loaded->model = pretrained.model;
        loaded->model->eval();
        loaded->tokenizer = std::shared_ptr<const Tokenizer>(std::move(pretrained.tokenizer));
        m_models.insert(slot, loaded);
        ModelInfo info = describe(slot, folder, tr("from %1").arg(folder), *loaded->model, *loaded->tokenizer);
        for (const std::string& w : pretrained.warnings) info.warnings << QString::fromStdString(w);
        emit modelReady(info);
    } catch (const std::exception& e) {
        if (!keepOnFailure) m_models.remove(slot);
        emit modelFailed(slot, engineText(e));
    }
}

void InferenceWorker::createModel(const QString& slot, const QString& preset, const std::shared_ptr<const Tokenizer>& tokenizer,
                                  quint64 seed, int maxPositions)
{
    try {
        if (!tokenizer)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "a model from scratch needs a "
                                                         "tokenizer: open a corpus first")));
        // The same construction as the trainer's prepare(), so this is the model a run starts from.
        torch::manual_seed(seed);
        ModelConfig config = ModelConfig::preset(preset.toStdString(), tokenizer->vocabSize());
        config.padTokenId = std::max(0, tokenizer->specialTokens().pad);
        config.maxPositions = std::max(config.maxPositions, maxPositions);
        auto loaded = std::make_shared<Loaded>();
        loaded->model = MaskedLanguageModel(config);
        loaded->model->eval();
        loaded->tokenizer = tokenizer;
        m_models.insert(slot, loaded);
        ModelInfo info = describe(slot, QString(), tr("new, %1").arg(preset), *loaded->model, *tokenizer);
        emit modelReady(info);
    } catch (const std::exception& e) {
        emit modelFailed(slot, engineText(e));
    }
}

void InferenceWorker::fillMask(const FillMaskRequest& request)
{
    FillMaskReply reply;
    reply.slot = request.slot;
    reply.text = request.text;
    try {
        const auto found = m_models.constFind(request.slot);
        if (found == m_models.constEnd())
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "no model is loaded here: open a "
                                                         "model folder or choose a checkpoint")));
        reply.folder = (*found)->folder;
        QElapsedTimer clock;
        clock.start();
        const FillMaskResult result = masklab::fillMask(*(*found)->model, *(*found)->tokenizer, request.text.toStdString(),
                                                        request.topK);
        reply.milliseconds = clock.nsecsElapsed() / 1e6;
        for (const auto& perMask : result) reply.perMask.push_back(candidatesOf(perMask));
        if (!reply.perMask.isEmpty()) reply.candidates = reply.perMask.front();
    } catch (const std::exception& e) {
        reply.error = engineText(e);
    }
    emit fillMaskReady(reply);
}

void InferenceWorker::describeDevices()
{
    DeviceInfo info = masklab::describeDevices();
    // The driver may see a GPU that this LibTorch cannot use (Debian's build is CPU-only).
    if (!info.gpus.empty() && !torch::cuda::is_available())
        info.gpuProblem = "this build's LibTorch has no CUDA, so training runs on the CPU: build MaskLab against a "
                          "CUDA LibTorch (a PyTorch wheel's) to train on the GPU";
    emit devicesReady(info);
}

}  // namespace masklab::ui
