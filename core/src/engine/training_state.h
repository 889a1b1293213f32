#pragma once
// The resumable state of a run, in <run>/state/: exact weights, the optimizer's moments, the
// loss scaler, the RNG and where in the data the run stood.
#include "masklab/masked_lm.h"
#include "engine/mixed_precision.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace masklab {

struct TrainingState {
    int64_t globalStep = 0;   // optimizer steps done, skipped fp16 steps included
    int64_t scheduleStep = 0; // steps the optimizer really took: where the learning-rate schedule
                              // stands (an fp16 step skipped for overflow does not advance it,
                              // as the Trainer skips lr_scheduler.step() then)
    int64_t epoch = 0;        // current epoch (0-based)
    int64_t sample = 0;       // place in the epoch's order where the next step starts
    int64_t globalBatch = 0;  // chunks per step of the run that saved it (0: not known)
    int64_t processes = 1;    // processes of the run that saved it
    int64_t legacyMicroBatch = -1;  // states of format 2 counted micro-batches, not places
};

// Writes the state folder beside and swaps it in, so a crash mid-save keeps the previous one.
void saveTrainingState(const std::string& runDir, const TrainingState& state, const MaskedLanguageModelImpl& model,
                       torch::optim::Optimizer& optimizer, const LossScaler& scaler);

// Reads state/trainer_state.json alone (to know where to resume before building anything).
TrainingState readTrainingState(const std::string& runDir);

// Restores weights, optimizer, scaler and the RNG.
void loadTrainingState(const std::string& runDir, const TrainingState& state, MaskedLanguageModelImpl& model,
                       torch::optim::Optimizer& optimizer, LossScaler& scaler);

}  // namespace masklab
