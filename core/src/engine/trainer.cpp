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
#include "engine/batch_producer.h"
#include "engine/fused_adamw.h"
#include "engine/gradient_sync.h"
#include "engine/mixed_precision.h"
#include "engine/process_group.h"
#include "engine/training_state.h"
#include "support/quote.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>
#ifdef MASKLAB_WITH_CUDA
#include <c10/cuda/CUDAFunctions.h>
#endif

#include <algorithm>
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

// A process of a data-parallel run takes the GPU of its local rank (cuda:LOCAL_RANK).
torch::Device chooseDevice(const std::string& setting, const ProcessGroupSpec& group = {})
{
    if (setting == "auto" || (setting == "cuda" && group.distributed())) {
        if (!torch::cuda::is_available()) {
            if (setting == "auto") return torch::Device(torch::kCPU);
        } else {
            return group.distributed() ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(group.localRank))
                                       : torch::Device(torch::kCUDA);
        }
    }
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
Session prepare(const TrainingConfig& c, const TrainerCallbacks& cb, const ProcessGroupSpec& group = {})
{
    c.validate();
    Session s;
    s.config = c;
    if (c.threads > 0) torch::set_num_threads(c.threads);
    else torch::set_num_threads(defaultThreadCount());
    s.device = chooseDevice(c.device, group);
#ifdef MASKLAB_WITH_CUDA
    if (s.device.is_cuda() && s.device.has_index()) c10::cuda::set_device(s.device.index());
#endif
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
        checkTokenizerFits(*s.tokenizer, modelConfig, c.fromScratch);
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
    // Dropout draws differ from process to process (their rows differ); the main process keeps
    // the seed's stream, so a one-process run is as before.
    if (group.rank > 0) torch::manual_seed(static_cast<uint64_t>(c.seed) + static_cast<uint64_t>(group.rank));
    return s;
}

// Mean loss over the frozen evaluation masks: each batch's mean over its masked tokens,
// weighted by the batch's size, as the course's evaluation loop averages it. The processes of a
// run take every n-th batch and add up their sums.
EvalEvent evaluate(Session& s, ProcessGroup& group, int64_t step, double epoch)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = s.model->is_training();
    s.model->eval();
    AutocastGuard autocast(s.precision, s.device);
    double weighted = 0, samples = 0;
    const auto batch = static_cast<std::size_t>(s.config.evalBatchSize);
    const bool pinned = s.device.is_cuda();
    const auto processes = static_cast<std::size_t>(group.size());
    std::size_t index = 0;
    for (std::size_t start = 0; start < s.evalMasks.size(); start += batch, ++index) {
        if (index % processes != static_cast<std::size_t>(group.rank())) continue;
        const std::size_t end = std::min(s.evalMasks.size(), start + batch);
        const Batch b = onDevice(makeHostBatch(s.chunks, s.config.chunkSize, s.evalMasks.data() + start,
                                               s.split.test.data() + start, end - start, pinned),
                                 s.device);
        if (b.scored == 0) continue;
        const MaskedLmOutput out = s.model->forwardAt(b.ids, b.padded ? b.attention : torch::Tensor(), b.positions, b.targets);
        weighted += out.loss.item<double>() * static_cast<double>(end - start);
        samples += static_cast<double>(end - start);
    }
    if (group.size() > 1) {
        const std::vector<double> sums = group.sumOnHost({weighted, samples}, "the evaluation");
        weighted = sums[0];
        samples = sums[1];
    }
    if (wasTraining) s.model->train();
    EvalEvent e;
    e.step = step;
    e.epoch = epoch;
    e.loss = samples > 0 ? weighted / samples : 0.0;
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

// Each parameter once (the tied embedding and projector are one tensor).
std::vector<torch::Tensor> distinctParameters(const MaskedLanguageModelImpl& model)
{
    std::vector<torch::Tensor> out;
    std::vector<const void*> seen;
    for (const torch::Tensor& p : model.parameters()) {
        const void* impl = p.unsafeGetTensorImpl();
        if (std::find(seen.begin(), seen.end(), impl) != seen.end()) continue;
        seen.push_back(impl);
        out.push_back(p);
    }
    return out;
}

DataPlan dataPlan(const Session& s, const ProcessGroup& group)
{
    const TrainingConfig& c = s.config;
    DataPlan plan;
    plan.chunks = &s.chunks;
    plan.train = &s.split.train;
    plan.vocabulary = &s.vocabulary;
    plan.masking = c.masking(c.seed);
    plan.chunkSize = c.chunkSize;
    plan.batchSize = c.batchSize;
    plan.processes = group.size();
    plan.rank = group.rank();
    plan.accumulation = c.gradientAccumulation;
    plan.epochs = c.epochs;
    plan.seed = c.seed;
    plan.pinned = s.device.is_cuda();
    return plan;
}

// What every process agrees on before a step: the step's masked tokens and real tokens over all
// of them, and whether any was asked to stop (one small host all-reduce; local for one process).
struct StepAgreement {
    int64_t scored = 0, tokens = 0;
    bool stop = false;
};

StepAgreement agree(ProcessGroup& group, const StepBatches& step, bool stopHere)
{
    int64_t tokens = 0;
    for (const Batch& b : step.micro) tokens += b.tokens;
    const std::vector<double> sums =
        group.sumOnHost({static_cast<double>(step.scored), static_cast<double>(tokens), stopHere ? 1.0 : 0.0}, "agreeing on the step");
    return {static_cast<int64_t>(sums[0]), static_cast<int64_t>(sums[1]), sums[2] > 0};
}

RunResult runLoop(Session& s, TrainingState state, const TrainerCallbacks& cb, ProcessGroup& group)
{
    const TrainingConfig& c = s.config;
    const std::string runDir = c.outputDir;
    const bool main = group.isMain();
    auto optimizer = makeOptimizer(*s.model, c);
    LossScaler scaler(s.precision);
    const bool resumed = state.globalStep > 0 || state.sample > 0;
    if (resumed) {
        loadTrainingState(runDir, state, *s.model, *optimizer, scaler);
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "resumed at step {1} (epoch {2})")).count(state.globalStep).count(state.epoch + 1));
    }
    const std::vector<torch::Tensor> parameters = distinctParameters(*s.model);
    std::unique_ptr<GradientSync> sync;
    if (group.size() > 1) {
        group.broadcastFromMain(parameters);  // every process starts from the main one's weights
        sync = std::make_unique<GradientSync>(group, parameters, static_cast<std::size_t>(c.ddpBucketCapMb) << 20);
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} processes, {2} chunks per step; gradients summed in {3} buckets"))
                    .count(group.size())
                    .count(int64_t{c.batchSize} * group.size() * c.gradientAccumulation)
                    .count(static_cast<int64_t>(sync->bucketCount())));
    }

    const DataPlan plan = dataPlan(s, group);
    const auto trainCount = static_cast<int64_t>(s.split.train.size());
    const int64_t microPerEpoch = plan.microPerEpoch();
    const int64_t totalSteps = plan.stepsPerEpoch() * c.epochs;
    const int64_t perMicro = plan.batchSize * plan.processes;
    RunResult result;
    result.runDir = runDir;

    auto emitEval = [&](const EvalEvent& e) {
        if (main) appendMetric(runDir, {{"type", "eval"}, {"step", e.step}, {"epoch", e.epoch}, {"loss", e.loss}, {"perplexity", e.perplexity}});
        log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "step {1}: perplexity {2}")).count(e.step).number(e.perplexity, 2));
        if (cb.onEval) cb.onEval(e);
        if (cb.onEvaluatedModel) cb.onEvaluatedModel(e, *s.model, *s.tokenizer);
        result.finalPerplexity = e.perplexity;
    };
    auto saveState = [&](const TrainingState& at) {
        TrainingState saved = at;
        saved.globalBatch = plan.globalBatch();
        saved.processes = plan.processes;
        if (main) saveTrainingState(runDir, saved, *s.model, *optimizer, scaler);
    };
    if (state.globalStep == 0 && state.sample == 0 && state.epoch == 0 && c.evalBeforeTraining)
        emitEval(evaluate(s, group, 0, 0.0));

    s.model->train();
    BatchProducer producer(plan, state.epoch, state.sample);
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
    for (; state.epoch < c.epochs; ++state.epoch, state.sample = 0) {
        while (state.sample < trainCount) {
            // One optimizer step: this process's micro-batches of the global batch, made ahead by
            // the producer. The step's loss is the mean over every masked token of all of them
            // on every process, as transformers does since 4.46 (num_items_in_batch): batch 16,
            // batch 8 with accumulation 2 and two processes at batch 8 give the same gradients.
            const StepBatches step = producer.next();
            const StepAgreement agreed = agree(group, step, stopRequested());
            if (agreed.stop) {
                // A usable model folder and the state to resume from, both at this step.
                const std::string folder = (fs::path(runDir) / ("checkpoint-step-" + std::to_string(state.globalStep))).string();
                if (main) {
                    savePretrained(folder, *s.model, *s.tokenizer);
                    result.lastCheckpoint = folder;
                }
                saveState(state);
                result.steps = state.globalStep;
                log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "stopped at step {1}; resume with the run folder")).count(state.globalStep));
                return result;
            }
            const double lr = c.learningRate * linearSchedule(state.scheduleStep, totalSteps, c.warmupSteps);
            setLearningRate(*optimizer, lr);
            optimizer->zero_grad();
            torch::Tensor stepLoss = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat).device(s.device));
            std::size_t lastScored = step.micro.size();
            for (std::size_t m = 0; m < step.micro.size(); ++m)
                if (step.micro[m].scored > 0) lastScored = m;
            try {
                for (std::size_t m = 0; m < step.micro.size(); ++m) {
                    if (step.micro[m].scored == 0) continue;  // nothing masked here: no loss, no gradient
                    const Batch b = onDevice(step.micro[m], s.device);
                    torch::Tensor loss;
                    {
                        AutocastGuard autocast(s.precision, s.device);
                        loss = s.model->forwardAt(b.ids, b.padded ? b.attention : torch::Tensor(), b.positions, b.targets).loss;
                    }
                    // This micro-batch's share of the step's masked tokens (exactly 1 for one).
                    loss = loss * (static_cast<double>(b.scored) / static_cast<double>(agreed.scored));
                    stepLoss += loss.detach().to(torch::kFloat);
                    if (sync && m == lastScored) sync->arm();  // its gradients are the step's last here
                    scaler.scale(loss).backward();
                }
                if (sync) sync->finish();
            } catch (const c10::Error& e) {
                if (isOutOfMemory(e)) throw outOfMemory(c);
                throw;
            } catch (const std::bad_alloc&) {
                throw outOfMemory(c);
            }
            // A step without one masked token (possible only with tiny batches) changes nothing.
            const bool stepped = agreed.scored > 0 && scaler.step(*optimizer, parameters, c.maxGradNorm);
            if (stepped)
                ++state.scheduleStep;
            else if (agreed.scored > 0)
                log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "fp16: gradients overflowed, step skipped, loss scale now {1}"))
                            .number(scaler.scale()));
            ++state.globalStep;
            state.sample = step.sampleEnd;
            tokensSeen += agreed.tokens;

            // The loss waits on the device: it is read at logged steps only (every step on the
            // CPU of a one-process run, where it costs nothing), the same steps on every process.
            const bool logStep = c.logEverySteps > 0 && (state.globalStep % c.logEverySteps == 0 || state.globalStep == totalSteps);
            StepEvent e;
            e.lossRead = logStep || (group.size() == 1 && !s.device.is_cuda());
            if (e.lossRead) {
                e.loss = stepLoss.item<double>();
                if (group.size() > 1) e.loss = group.sumOnHost({e.loss}, "summing the step's loss")[0];
                if (!std::isfinite(e.loss) && !scaler.enabled())
                    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the training loss became {1} at step {2}: lower the learning rate "
                                                                  "(now {3}) or use fp32/bf16"))
                                           .arg(std::to_string(e.loss))
                                           .count(state.globalStep)
                                           .number(c.learningRate));
            }
            const int64_t microDone = std::min(microPerEpoch, (state.sample + perMicro - 1) / perMicro);
            const double epochProgress = state.epoch + static_cast<double>(microDone) / static_cast<double>(microPerEpoch);
            const double elapsed = std::chrono::duration<double>(Clock::now() - started - held).count();
            e.step = state.globalStep;
            e.totalSteps = totalSteps;
            e.epoch = epochProgress;
            e.learningRate = lr;
            e.tokensPerSecond = elapsed > 0 ? static_cast<double>(tokensSeen) / elapsed : 0;
            const int64_t doneHere = state.globalStep - startStep;
            e.etaSeconds = doneHere > 0 ? elapsed / static_cast<double>(doneHere) * static_cast<double>(totalSteps - state.globalStep) : 0;
            if (main && logStep)
                appendMetric(runDir, {{"type", "step"}, {"step", e.step}, {"epoch", e.epoch}, {"loss", e.loss},
                                      {"learning_rate", e.learningRate}, {"tokens_per_second", e.tokensPerSecond}});
            if (cb.onStep) cb.onStep(e);
            if (c.evalEverySteps > 0 && state.globalStep % c.evalEverySteps == 0)
                emitEval(evaluate(s, group, state.globalStep, epochProgress));
            // The resumable state every save_every_steps (the epoch's end saves its own below).
            if (c.saveEverySteps > 0 && state.globalStep % c.saveEverySteps == 0 && state.sample < trainCount) saveState(state);
        }
        if (c.evalEverySteps == 0) emitEval(evaluate(s, group, state.globalStep, state.epoch + 1.0));
        if (main && (c.saveEveryEpoch || state.epoch + 1 == c.epochs)) {
            const std::string folder = (fs::path(runDir) / ("checkpoint-epoch-" + std::to_string(state.epoch + 1))).string();
            savePretrained(folder, *s.model, *s.tokenizer);
            result.lastCheckpoint = folder;
            log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "saved {1}")).arg(folder));
        }
        TrainingState next = state;
        next.epoch += 1;
        next.sample = 0;
        saveState(next);
    }
    result.completed = true;
    result.steps = state.globalStep;
    return result;
}

// Processes other than the main one stay quiet: one run, one log, one metrics file.
TrainerCallbacks forProcess(const TrainerCallbacks& cb, const ProcessGroupSpec& group)
{
    if (group.rank == 0) return cb;
    TrainerCallbacks quiet;
    quiet.shouldStop = cb.shouldStop;
    return quiet;
}

std::chrono::seconds timeoutOf(const TrainingConfig& c)
{
    return std::chrono::seconds(c.ddpTimeout);
}

}  // namespace

RunResult train(const TrainingConfig& config, const TrainerCallbacks& callbacks, const ProcessGroupSpec& spec)
{
    config.validate();
    // The processes meet first: a main process that then refuses the folder exits, and the others
    // hear of it at once instead of waiting for it until the timeout.
    ProcessGroup group(spec, chooseDevice(config.device, spec), timeoutOf(config));
    const TrainerCallbacks cb = forProcess(callbacks, spec);
    if (group.isMain()) {
        fs::create_directories(config.outputDir);
        if (fs::exists(fs::path(config.outputDir) / "metrics.jsonl"))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the run folder {1} already holds a run: choose a new folder, or resume it"))
                                   .arg(config.outputDir));
        std::ofstream out(fs::path(config.outputDir) / "training_config.json");
        out << config.toJson();
    }
    Session s = prepare(config, cb, spec);
    return runLoop(s, TrainingState{}, cb, group);
}

RunResult resumeTraining(const std::string& runDir, const TrainerCallbacks& callbacks, const ProcessGroupSpec& spec)
{
    const fs::path configPath = fs::path(runDir) / "training_config.json";
    if (!fs::exists(configPath))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a MaskLab run folder (no training_config.json): give the folder "
                                                          "a run wrote"))
                               .arg(runDir));
    TrainingConfig config = TrainingConfig::fromFile(configPath.string());
    config.outputDir = runDir;
    ProcessGroup group(spec, chooseDevice(config.device, spec), timeoutOf(config));
    const TrainerCallbacks cb = forProcess(callbacks, spec);
    // The main process settles the folder (a state left in state.old, metrics past the state)
    // before the others read it.
    TrainingState state;
    if (group.isMain()) {
        state = readTrainingState(runDir);
        trimMetrics(runDir, state.globalStep);
    }
    group.sumOnHost({0.0}, "reading the saved state");
    if (!group.isMain()) state = readTrainingState(runDir);
    if (state.legacyMicroBatch >= 0) state.sample = state.legacyMicroBatch * config.batchSize;
    if (state.epoch >= config.epochs)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the run in {1} is already complete: start a new run, or raise epochs in its "
                                                          "training_config.json"))
                               .arg(runDir));
    // Another number of processes: the same global batch through gradient accumulation, where
    // it divides, so the run goes on with the steps it would have taken.
    if (state.globalBatch > 0 && state.processes != group.size()) {
        const int64_t perAccumulation = int64_t{config.batchSize} * group.size();
        if (state.globalBatch % perAccumulation == 0) {
            config.gradientAccumulation = static_cast<int>(state.globalBatch / perAccumulation);
            log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "the run had {1} processes, now {2}: gradient_accumulation {3} keeps its "
                                                   "{4} chunks per step"))
                        .count(state.processes)
                        .count(group.size())
                        .count(config.gradientAccumulation)
                        .count(state.globalBatch));
        } else {
            log(cb, Message(MASKLAB_TRANSLATE_NOOP("Engine", "the run had {1} processes, now {2}: its {3} chunks per step do not divide "
                                                   "into batches of {4} per process, so steps now take {5} chunks"))
                        .count(state.processes)
                        .count(group.size())
                        .count(state.globalBatch)
                        .count(config.batchSize)
                        .count(perAccumulation * config.gradientAccumulation));
        }
    }
    Session s = prepare(config, cb, spec);
    return runLoop(s, state, cb, group);
}

EvalEvent evaluateModel(const TrainingConfig& config, const TrainerCallbacks& callbacks)
{
    Session s = prepare(config, callbacks);
    ProcessGroup alone({}, s.device, timeoutOf(config));
    return evaluate(s, alone, 0, 0.0);
}

}  // namespace masklab
