// state/trainer_state.json, read before a run resumes: typed JSON mutations of a real one.
#include "engine/training_state.h"
#include "fuzz_support.h"
#include "json_mutator.h"

namespace {
const std::vector<std::string> kWords = {"format", "global_step", "schedule_step", "epoch", "sample", "global_batch",
                                         "processes", "micro_batch", "files",
                                         "checksum", "bytes", "model.safetensors", "optimizer.pt", "scaler",
                                         "rng", "masklab"};
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    return masklab::fuzz::mutateJson(data, size, maxSize, seed, kWords);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    masklab::fuzz::writeFile("run/state/trainer_state.json", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        const masklab::TrainingState state =
            masklab::readTrainingState((masklab::fuzz::scratchFolder() / "run").string());
        if (state.globalStep < 0 || state.epoch < 0 || state.sample < 0 || state.scheduleStep < 0 ||
            state.globalBatch < 0 || state.processes < 1)
            masklab::fuzz::finding("a negative position was read from trainer_state.json", std::to_string(state.globalStep));
    });
    return 0;
}
