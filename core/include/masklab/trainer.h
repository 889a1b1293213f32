#pragma once
// The training loop of masked-LM domain adaptation: AdamW with a linear schedule, gradient
// clipping and accumulation, fresh masks every batch, perplexity on frozen masks, checkpoints
// every epoch and a resumable state. It reports through callbacks and stops when asked, so a
// GUI worker can drive it; it reads straight down like llm.c's loop.
#include "masklab/distributed.h"
#include "masklab/message.h"
#include "masklab/training_config.h"

#include <cstdint>
#include <functional>
#include <string>

namespace masklab {

class MaskedLanguageModelImpl;
class Tokenizer;

struct StepEvent {
    int64_t step = 0;            // optimizer steps done
    int64_t totalSteps = 0;
    double epoch = 0;            // fractional epoch
    double loss = 0;             // training loss of this step, when lossRead
    bool lossRead = false;       // the loss is read from the device only at logged steps (every
                                 // step on the CPU of a one-process run, where reading is free)
    double learningRate = 0;     // the rate this step used
    double tokensPerSecond = 0;  // training throughput since the run (or resume) began
    double etaSeconds = 0;       // remaining time at that throughput
};

struct EvalEvent {
    int64_t step = 0;
    double epoch = 0;
    double loss = 0;             // mean cross entropy on the frozen evaluation masks
    double perplexity = 0;       // exp(loss)
};

struct TrainerCallbacks {
    std::function<void(const StepEvent&)> onStep;
    std::function<void(const EvalEvent&)> onEval;
    // Called right after each evaluation with the live model in eval-ready state, on the
    // training thread, so a caller can probe it (the GUI re-scores its fill-mask probes here).
    std::function<void(const EvalEvent&, MaskedLanguageModelImpl&, const Tokenizer&)> onEvaluatedModel;
    // Progress lines for people: the CLI prints message.text(), the window translates them.
    std::function<void(const Message&)> onLog;
    std::function<bool()> shouldStop;                // checked between steps
};

struct RunResult {
    bool completed = false;      // false when stopped early (a checkpoint is kept)
    int64_t steps = 0;
    double finalPerplexity = 0;
    std::string lastCheckpoint;  // save_pretrained folder of the last save
    std::string runDir;
};

// Runs a training from its config (config.outputDir becomes the run folder). With a process
// group of several processes each takes its share of every global batch (batch_size x
// processes x gradient_accumulation chunks); process 0 alone writes the run folder and calls
// onStep, onEval and onLog.
RunResult train(const TrainingConfig& config, const TrainerCallbacks& callbacks = {}, const ProcessGroupSpec& group = {});

// Continues a run from its folder's saved state, with the same losses as an uninterrupted run
// (bit-identical on the CPU). With another number of processes than the run had, gradient
// accumulation changes to keep its global batch where it divides.
RunResult resumeTraining(const std::string& runDir, const TrainerCallbacks& callbacks = {}, const ProcessGroupSpec& group = {});

// Perplexity of a model folder on a corpus, on frozen masks (the config's data and masking
// fields; its test split is used).
EvalEvent evaluateModel(const TrainingConfig& config, const TrainerCallbacks& callbacks = {});

}  // namespace masklab
