#include "masklab/trainer.h"

#include "masklab/checkpoint.h"
#include "masklab/hub.h"
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/dataset_ops.h"
#include "masklab/error.h"
#include "masklab/masking.h"
#include "masklab/message.h"
#include "masklab/parallel.h"
#include "masklab/token_store.h"
#include "masklab/vocabulary_builder.h"
#include "masklab/wordpiece_tokenizer.h"
#include "engine/fused_adamw.h"
#include "engine/mixed_precision.h"
#include "engine/training_state.h"
#include "support/quote.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace masklab {
namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

void log(const TrainerCallbacks& cb, const Message& line)
{
    if (cb.onLog) cb.onLog(line);
}

torch::Device chooseDevice(const std::string& setting)
{
    if (setting == "auto") return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    try {
        torch::Device device(setting);
        if (device.is_cuda() && !torch::cuda::is_available())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "device {1} was asked for, but no CUDA GPU is available: use device \"cpu\" or \"auto\""))
                                   .arg(setting));
        return device;
    } catch (const c10::Error&) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "unknown device {1}: use auto, cpu, cuda or cuda:N")).arg(inQuotes(setting)));
    }
}

// Everything a run derives from its config before the first step.
struct Session {
    TrainingConfig config;
    std::unique_ptr<Tokenizer> tokenizer;
    MaskedLanguageModel model{nullptr};
    ChunkSet chunks;
    SplitIndices split;
    MaskingVocabulary vocabulary;
    std::vector<MaskedChunk> evalMasks;  // frozen, one per evaluation chunk
    torch::Device device{torch::kCPU};
    Precision precision = Precision::Fp32;
};

std::unique_ptr<Tokenizer> scratchTokenizer(const TrainingConfig& c, const Corpus& corpus, const TrainerCallbacks& cb)
{
    if (!c.tokenizer.empty()) return loadTokenizer(c.tokenizer);
    log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "building a WordPiece vocabulary of {1} tokens from the corpus")).count(c.scratchVocabSize));
    std::unique_ptr<Tokenizer> built = buildCorpusTokenizer(corpus.documents, c.scratchVocabSize);
    if (built->vocabSize() < c.scratchVocabSize)
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "the corpus gives {1} vocabulary entries, not {2}: every character and every word "
                                              "seen at least twice are in"))
                    .count(built->vocabSize())
                    .count(c.scratchVocabSize));
    return built;
}

// Model, tokenizer, chunks, split and frozen evaluation masks. For a resumed run the model's
// weights are replaced from the saved state afterwards.
Session prepare(const TrainingConfig& c, const TrainerCallbacks& cb)
{
    c.validate();
    Session s;
    s.config = c;
    if (c.threads > 0) torch::set_num_threads(c.threads);
    else torch::set_num_threads(defaultThreadCount());
    s.device = chooseDevice(c.device);
    s.precision = choosePrecision(c.precision, s.device);

    CorpusOptions corpusOptions;
    corpusOptions.split = c.split;
    corpusOptions.textField = c.textField;
    log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "reading {1}")).arg(c.corpus));
    const Corpus corpus = readCorpus(c.corpus, corpusOptions);

    torch::manual_seed(static_cast<uint64_t>(c.seed));
    if (!c.model.empty()) {
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "loading {1}")).arg(c.model));
        // The settings file may name a Hub repo id: it resolves through the cache (or downloads).
        Clock::time_point lastLine{};
        const std::string folder = hub::locateModel(c.model, [&](const hub::TransferProgress& p) {
            if (Clock::now() - lastLine > std::chrono::seconds(2)) {
                lastLine = Clock::now();
                log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "downloading {1}")).arg(hub::describeProgress(p)));
            }
            return !(cb.shouldStop && cb.shouldStop());
        });
        PretrainedModel loaded = loadPretrained(folder);
        for (const std::string& w : loaded.warnings) log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "warning: {1}")).arg(w));
        s.model = loaded.model;
        s.tokenizer = std::move(loaded.tokenizer);
    } else {
        s.tokenizer = scratchTokenizer(c, corpus, cb);
        ModelConfig modelConfig = ModelConfig::preset(c.fromScratch, s.tokenizer->vocabSize());
        modelConfig.padTokenId = std::max(0, s.tokenizer->specialTokens().pad);
        modelConfig.maxPositions = std::max(modelConfig.maxPositions, c.chunkSize);
        s.model = MaskedLanguageModel(modelConfig);
        checkTokenizerFits(*s.tokenizer, modelConfig, "the run");
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "new {1} ({2}), {3} parameters"))
                    .arg(modelConfig.className())
                    .arg(c.fromScratch)
                    .count(s.model->numParameters()));
    }
    if (c.dropout >= 0 || c.attentionDropout >= 0)
        s.model->setDropout(c.dropout >= 0 ? c.dropout : s.model->config().dropout,
                            c.attentionDropout >= 0 ? c.attentionDropout : s.model->config().attentionDropout);
    if (c.chunkSize > s.model->config().maxPositions)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "chunk_size {1} is longer than the model's {2} positions: choose a chunk_size "
                                                          "of at most {2}"))
                               .count(c.chunkSize)
                               .count(s.model->config().maxPositions));

    log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "tokenizing {1} documents")).count(static_cast<int64_t>(corpus.size())));
    const TokenStore store = tokenizeCached(*s.tokenizer, corpus.documents, defaultCacheDir(), nullptr, c.threads);
    ChunkOptions chunkOptions;
    chunkOptions.chunkSize = c.chunkSize;
    chunkOptions.groupSize = c.groupSize;
    s.chunks = groupTexts(store, chunkOptions, std::max(0, s.tokenizer->specialTokens().pad));
    if (s.chunks.size() < 2)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the corpus gives only {1} chunks of {2} tokens: add text or choose a "
                                                          "smaller chunk size"))
                               .count(static_cast<int64_t>(s.chunks.size()))
                               .count(c.chunkSize));
    s.split = trainTestSplit(s.chunks.size(), {c.trainSize, c.testSize}, c.splitSeed);
    log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} chunks: {2} for training, {3} for evaluation"))
                .count(static_cast<int64_t>(s.chunks.size()))
                .count(static_cast<int64_t>(s.split.train.size()))
                .count(static_cast<int64_t>(s.split.test.size())));

    s.vocabulary = maskingVocabularyFor(*s.tokenizer);
    const MaskingOptions evalMasking = c.masking(c.evalMaskSeed);
    const auto length = static_cast<std::size_t>(c.chunkSize);
    for (std::size_t i = 0; i < s.split.test.size(); ++i) {
        const std::size_t chunk = s.split.test[i];
        s.evalMasks.push_back(maskChunk(s.chunks.chunkIds(chunk), s.chunks.chunkWordIds(chunk),
                                        s.chunks.chunkAttention(chunk), length, evalMasking, s.vocabulary, i));
    }
    s.model->to(s.device);
    return s;
}

struct Batch {
    torch::Tensor ids, attention, labels;
    int64_t tokens = 0;  // real (not padding) tokens
    int64_t scored = 0;  // masked tokens, the ones the loss is over
};

// Rows are masked[0..count) of chunks chunkIndices[0..count).
Batch makeBatch(const Session& s, const MaskedChunk* masked, const std::size_t* chunkIndices, std::size_t count)
{
    const int64_t n = static_cast<int64_t>(count), len = s.config.chunkSize;
    Batch b;
    b.ids = torch::empty({n, len}, torch::kLong);
    b.labels = torch::empty({n, len}, torch::kLong);
    b.attention = torch::empty({n, len}, torch::kLong);
    auto ids = b.ids.accessor<int64_t, 2>();
    auto labels = b.labels.accessor<int64_t, 2>();
    auto attention = b.attention.accessor<int64_t, 2>();
    for (int64_t r = 0; r < n; ++r) {
        const uint8_t* att = s.chunks.chunkAttention(chunkIndices[static_cast<std::size_t>(r)]);
        for (int64_t t = 0; t < len; ++t) {
            ids[r][t] = masked[static_cast<std::size_t>(r)].inputIds[static_cast<std::size_t>(t)];
            labels[r][t] = masked[static_cast<std::size_t>(r)].labels[static_cast<std::size_t>(t)];
            attention[r][t] = att[t];
            b.tokens += att[t];
            b.scored += labels[r][t] != -100;
        }
    }
    b.ids = b.ids.to(s.device);
    b.labels = b.labels.to(s.device);
    b.attention = b.attention.to(s.device);
    return b;
}

// Micro-batch `micro` of an epoch: the chunks at those places of the epoch's order, with fresh
// masks from a stream fixed by (epoch, place), so a resumed run draws the same masks and a
// micro-batch of 8 holds the masks that half of a batch of 16 would.
Batch trainingBatch(const Session& s, const std::vector<std::size_t>& order, int64_t epoch, int64_t micro,
                    const MaskingOptions& masking)
{
    const std::size_t trainCount = s.split.train.size(), batch = static_cast<std::size_t>(s.config.batchSize);
    const std::size_t begin = static_cast<std::size_t>(micro) * batch, end = std::min(trainCount, begin + batch);
    std::vector<MaskedChunk> masked;
    std::vector<std::size_t> chunkIndices;
    for (std::size_t k = begin; k < end; ++k) {
        const std::size_t chunk = s.split.train[order[k]];
        chunkIndices.push_back(chunk);
        const uint64_t stream = static_cast<uint64_t>(epoch) * trainCount + k;
        masked.push_back(maskChunk(s.chunks.chunkIds(chunk), s.chunks.chunkWordIds(chunk), s.chunks.chunkAttention(chunk),
                                   static_cast<std::size_t>(s.config.chunkSize), masking, s.vocabulary, stream));
    }
    return makeBatch(s, masked.data(), chunkIndices.data(), masked.size());
}

// Mean loss over the frozen evaluation masks: each batch's mean over its masked tokens,
// weighted by the batch's size, as the course's evaluation loop averages it.
EvalEvent evaluate(Session& s, int64_t step, double epoch)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = s.model->is_training();
    s.model->eval();
    AutocastGuard autocast(s.precision, s.device);
    double weighted = 0;
    std::size_t samples = 0;
    const auto batch = static_cast<std::size_t>(s.config.evalBatchSize);
    for (std::size_t start = 0; start < s.evalMasks.size(); start += batch) {
        const std::size_t end = std::min(s.evalMasks.size(), start + batch);
        const Batch b = makeBatch(s, s.evalMasks.data() + start, s.split.test.data() + start, end - start);
        const MaskedLmOutput out = s.model->forward(b.ids, b.attention, b.labels);
        if (out.scoredTokens == 0) continue;
        weighted += out.loss.item<double>() * static_cast<double>(end - start);
        samples += end - start;
    }
    if (wasTraining) s.model->train();
    EvalEvent e;
    e.step = step;
    e.epoch = epoch;
    e.loss = samples ? weighted / static_cast<double>(samples) : 0.0;
    e.perplexity = std::exp(e.loss);
    return e;
}

// AdamW with Hugging Face's two groups: no weight decay on biases and LayerNorm weights.
std::unique_ptr<torch::optim::AdamW> makeOptimizer(MaskedLanguageModelImpl& model, const TrainingConfig& c)
{
    std::vector<torch::Tensor> decay, noDecay;
    for (const auto& item : model.named_parameters()) {
        const std::string& name = item.key();
        const bool isBias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
        const bool isNorm = name.find("LayerNorm") != std::string::npos || name.find("layer_norm") != std::string::npos;
        (isBias || isNorm ? noDecay : decay).push_back(item.value());
    }
    auto options = [&](double wd) {
        return std::make_unique<torch::optim::AdamWOptions>(
            torch::optim::AdamWOptions(c.learningRate).betas({c.adamBeta1, c.adamBeta2}).eps(c.adamEpsilon).weight_decay(wd));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decay, options(c.weightDecay));
    groups.emplace_back(noDecay, options(0.0));
    return std::make_unique<FusedAdamW>(groups, torch::optim::AdamWOptions(c.learningRate));
}

// get_linear_schedule_with_warmup: the factor applied to the peak rate at a step.
double linearSchedule(int64_t step, int64_t total, int64_t warmup)
{
    if (step < warmup) return static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, warmup));
    return std::max(0.0, static_cast<double>(total - step) / static_cast<double>(std::max<int64_t>(1, total - warmup)));
}

void setLearningRate(torch::optim::AdamW& optimizer, double lr)
{
    for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

void appendMetric(const std::string& runDir, const json& line)
{
    std::ofstream out(fs::path(runDir) / "metrics.jsonl", std::ios::app);
    out << line.dump() << '\n';
}

// A run killed after its last saved state had logged steps that the resumed run takes again:
// the metrics go back to the state's step, and a line the kill cut short goes, so that each step
// is in metrics.jsonl once.
void trimMetrics(const std::string& runDir, int64_t lastStep)
{
    const fs::path path = fs::path(runDir) / "metrics.jsonl", part = fs::path(runDir) / "metrics.jsonl.part";
    std::ifstream in(path);
    if (!in) return;
    std::string kept, line;
    while (std::getline(in, line)) {
        const json j = json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("step") && j["step"].is_number_integer() && j["step"].get<int64_t>() <= lastStep)
            kept += line + '\n';
    }
    in.close();
    {
        std::ofstream out(part, std::ios::trunc);
        out << kept;
        if (!out.flush())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot rewrite {1}: is the disk full?")).arg(path.string()));
    }
    fs::rename(part, path);
}

MessageError outOfMemory(const TrainingConfig& c)
{
    const int half = std::max(1, c.batchSize / 2);
    return MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "ran out of memory with batch_size {1}: try batch_size {2} with "
                                                      "gradient_accumulation {3} (the same effective batch), or a "
                                                      "shorter chunk_size"))
                            .count(c.batchSize)
                            .count(half)
                            .count(int64_t{c.gradientAccumulation} * 2));
}

bool isOutOfMemory(const std::exception& e)
{
    const std::string what = e.what();
    return what.find("out of memory") != std::string::npos || dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
}

RunResult runLoop(Session& s, TrainingState state, const TrainerCallbacks& cb)
{
    const TrainingConfig& c = s.config;
    const std::string runDir = c.outputDir;
    auto optimizer = makeOptimizer(*s.model, c);
    LossScaler scaler(s.precision);
    if (state.globalStep > 0 || state.microBatch > 0) {
        loadTrainingState(runDir, state, *s.model, *optimizer, scaler);
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "resumed at step {1} (epoch {2})")).count(state.globalStep).count(state.epoch + 1));
    }

    const std::size_t trainCount = s.split.train.size();
    const auto batch = static_cast<std::size_t>(c.batchSize);
    const int64_t microPerEpoch = static_cast<int64_t>((trainCount + batch - 1) / batch);
    const int64_t stepsPerEpoch = (microPerEpoch + c.gradientAccumulation - 1) / c.gradientAccumulation;
    const int64_t totalSteps = stepsPerEpoch * c.epochs;
    RunResult result;
    result.runDir = runDir;

    const MaskingOptions masking = c.masking(c.seed);

    auto emitEval = [&](const EvalEvent& e) {
        appendMetric(runDir, {{"type", "eval"}, {"step", e.step}, {"epoch", e.epoch}, {"loss", e.loss}, {"perplexity", e.perplexity}});
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "step {1}: perplexity {2}")).count(e.step).number(e.perplexity, 2));
        if (cb.onEval) cb.onEval(e);
        if (cb.onEvaluatedModel) cb.onEvaluatedModel(e, *s.model, *s.tokenizer);
        result.finalPerplexity = e.perplexity;
    };
    if (state.globalStep == 0 && state.microBatch == 0 && state.epoch == 0 && c.evalBeforeTraining)
        emitEval(evaluate(s, 0, 0.0));

    s.model->train();
    const auto started = Clock::now();
    // Time the caller holds the loop in shouldStop (the window's Pause) is not training time:
    // throughput and ETA leave it out.
    Clock::duration held{};
    auto stopRequested = [&] {
        if (!cb.shouldStop) return false;
        const auto asked = Clock::now();
        const bool stop = cb.shouldStop();
        held += Clock::now() - asked;
        return stop;
    };
    int64_t tokensSeen = 0;
    const int64_t startStep = state.globalStep;
    for (; state.epoch < c.epochs; ++state.epoch, state.microBatch = 0) {
        const std::vector<std::size_t> order = shuffledIndices(trainCount, c.seed * 1000003ULL + static_cast<uint64_t>(state.epoch));
        while (state.microBatch < microPerEpoch) {
            if (stopRequested()) {
                // A usable model folder and the state to resume from, both at this step.
                const std::string folder = (fs::path(runDir) / ("checkpoint-step-" + std::to_string(state.globalStep))).string();
                savePretrained(folder, *s.model, *s.tokenizer);
                saveTrainingState(runDir, state, *s.model, *optimizer, scaler);
                result.lastCheckpoint = folder;
                result.steps = state.globalStep;
                log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "stopped at step {1}; resume with the run folder")).count(state.globalStep));
                return result;
            }
            // One optimizer step: gradientAccumulation micro-batches (fewer at the epoch's end),
            // made first, so that the step's loss is the mean over every masked token of all of
            // them, as transformers does since 4.46 (num_items_in_batch): batch 16 and batch 8
            // with accumulation 2 give the same gradients.
            const int64_t stepMicro = std::min<int64_t>(c.gradientAccumulation, microPerEpoch - state.microBatch);
            std::vector<Batch> micro;
            int64_t stepScored = 0;
            for (int64_t m = 0; m < stepMicro; ++m) {
                micro.push_back(trainingBatch(s, order, state.epoch, state.microBatch + m, masking));
                stepScored += micro.back().scored;
            }
            const double lr = c.learningRate * linearSchedule(state.scheduleStep, totalSteps, c.warmupSteps);
            setLearningRate(*optimizer, lr);
            optimizer->zero_grad();
            double stepLoss = 0;
            try {
                for (const Batch& b : micro) {
                    ++state.microBatch;
                    tokensSeen += b.tokens;
                    if (b.scored == 0) continue;  // nothing masked here: no loss, no gradient
                    torch::Tensor loss;
                    {
                        AutocastGuard autocast(s.precision, s.device);
                        loss = s.model->forward(b.ids, b.attention, b.labels).loss;
                    }
                    // This micro-batch's share of the step's masked tokens (exactly 1 for one).
                    loss = loss * (static_cast<double>(b.scored) / static_cast<double>(stepScored));
                    stepLoss += loss.item<double>();
                    scaler.scale(loss).backward();
                }
            } catch (const c10::Error& e) {
                if (isOutOfMemory(e)) throw outOfMemory(c);
                throw;
            } catch (const std::bad_alloc&) {
                throw outOfMemory(c);
            }
            if (!std::isfinite(stepLoss) && !scaler.enabled())
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the training loss became {1} at step {2}: lower the learning rate "
                                                              "(now {3}) or use fp32/bf16"))
                                       .arg(std::to_string(stepLoss))
                                       .count(state.globalStep + 1)
                                       .number(c.learningRate));
            // A step without one masked token (possible only with tiny batches) changes nothing.
            const bool stepped = stepScored > 0 && scaler.step(*optimizer, s.model->parameters(), c.maxGradNorm);
            if (stepped)
                ++state.scheduleStep;
            else if (stepScored > 0)
                log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "fp16: gradients overflowed, step skipped, loss scale now {1}"))
                            .number(scaler.scale()));
            ++state.globalStep;

            const double epochProgress = state.epoch + static_cast<double>(state.microBatch) / static_cast<double>(microPerEpoch);
            const double elapsed = std::chrono::duration<double>(Clock::now() - started - held).count();
            StepEvent e;
            e.step = state.globalStep;
            e.totalSteps = totalSteps;
            e.epoch = epochProgress;
            e.loss = stepLoss;
            e.learningRate = lr;
            e.tokensPerSecond = elapsed > 0 ? static_cast<double>(tokensSeen) / elapsed : 0;
            const int64_t doneHere = state.globalStep - startStep;
            e.etaSeconds = doneHere > 0 ? elapsed / static_cast<double>(doneHere) * static_cast<double>(totalSteps - state.globalStep) : 0;
            if (c.logEverySteps > 0 && (state.globalStep % c.logEverySteps == 0 || state.globalStep == totalSteps))
                appendMetric(runDir, {{"type", "step"}, {"step", e.step}, {"epoch", e.epoch}, {"loss", e.loss},
                                      {"learning_rate", e.learningRate}, {"tokens_per_second", e.tokensPerSecond}});
            if (cb.onStep) cb.onStep(e);
            if (c.evalEverySteps > 0 && state.globalStep % c.evalEverySteps == 0)
                emitEval(evaluate(s, state.globalStep, epochProgress));
            // The resumable state every save_every_steps (the epoch's end saves its own below).
            if (c.saveEverySteps > 0 && state.globalStep % c.saveEverySteps == 0 && state.microBatch < microPerEpoch)
                saveTrainingState(runDir, state, *s.model, *optimizer, scaler);
        }
        if (c.evalEverySteps == 0) emitEval(evaluate(s, state.globalStep, state.epoch + 1.0));
        if (c.saveEveryEpoch || state.epoch + 1 == c.epochs) {
            const std::string folder = (fs::path(runDir) / ("checkpoint-epoch-" + std::to_string(state.epoch + 1))).string();
            savePretrained(folder, *s.model, *s.tokenizer);
            result.lastCheckpoint = folder;
            log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "saved {1}")).arg(folder));
        }
        TrainingState next = state;
        next.epoch += 1;
        next.microBatch = 0;
        saveTrainingState(runDir, next, *s.model, *optimizer, scaler);
    }
    result.completed = true;
    result.steps = state.globalStep;
    return result;
}

}  // namespace

RunResult train(const TrainingConfig& config, const TrainerCallbacks& callbacks)
{
    config.validate();
    fs::create_directories(config.outputDir);
    if (fs::exists(fs::path(config.outputDir) / "metrics.jsonl"))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the run folder {1} already holds a run: choose a new folder, or resume it"))
                               .arg(config.outputDir));
    {
        std::ofstream out(fs::path(config.outputDir) / "training_config.json");
        out << config.toJson();
    }
    Session s = prepare(config, callbacks);
    return runLoop(s, TrainingState{}, callbacks);
}

RunResult resumeTraining(const std::string& runDir, const TrainerCallbacks& callbacks)
{
    const fs::path configPath = fs::path(runDir) / "training_config.json";
    if (!fs::exists(configPath))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a MaskLab run folder (no training_config.json): give the folder "
                                                          "a run wrote"))
                               .arg(runDir));
    TrainingConfig config = TrainingConfig::fromFile(configPath.string());
    config.outputDir = runDir;
    const TrainingState state = readTrainingState(runDir);
    trimMetrics(runDir, state.globalStep);
    if (state.epoch >= config.epochs)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the run in {1} is already complete: start a new run, or raise epochs in its "
                                                          "training_config.json"))
                               .arg(runDir));
    Session s = prepare(config, callbacks);
    return runLoop(s, state, callbacks);
}

EvalEvent evaluateModel(const TrainingConfig& config, const TrainerCallbacks& callbacks)
{
    Session s = prepare(config, callbacks);
    return evaluate(s, 0, 0.0);
}

}  // namespace masklab
