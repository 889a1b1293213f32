#include "training_state.h"

#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/tensor_io.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace masklab {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

torch::Tensor cpuGeneratorState()
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setCpuGeneratorState(const torch::Tensor& state)
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

}  // namespace

void saveTrainingState(const std::string& runDir, const TrainingState& state, const MaskedLanguageModelImpl& model,
                       torch::optim::Optimizer& optimizer, const LossScaler& scaler)
{
    const fs::path finalDir = fs::path(runDir) / "state";
    const fs::path partDir = fs::path(runDir) / "state.part";
    std::error_code ec;
    fs::remove_all(partDir, ec);
    fs::create_directories(partDir);
    writeSafetensors((partDir / "model.safetensors").string(), stateDict(model));
    torch::save(optimizer, (partDir / "optimizer.pt").string());
    torch::save(cpuGeneratorState(), (partDir / "rng.pt").string());
    const json meta = {{"global_step", state.globalStep}, {"epoch", state.epoch}, {"micro_batch", state.microBatch},
                       {"schedule_step", state.scheduleStep},
                       {"loss_scale", scaler.m_scale}, {"good_steps", scaler.m_goodSteps}};
    {
        std::ofstream out(partDir / "trainer_state.json");
        out << meta.dump(2) << '\n';
        if (!out.flush()) throw Error("cannot write the training state in " + partDir.string() + ": disk full?");
    }
    const fs::path oldDir = fs::path(runDir) / "state.old";
    fs::remove_all(oldDir, ec);
    if (fs::exists(finalDir)) fs::rename(finalDir, oldDir);
    fs::rename(partDir, finalDir);
    fs::remove_all(oldDir, ec);
}

TrainingState readTrainingState(const std::string& runDir)
{
    const fs::path path = fs::path(runDir) / "state" / "trainer_state.json";
    std::ifstream in(path);
    if (!in) throw Error("no saved state in " + runDir + " (state/trainer_state.json is missing): the run cannot be resumed");
    json j;
    try {
        in >> j;
    } catch (const json::exception& e) {
        throw Error(path.string() + " is damaged (" + e.what() + "): the run cannot be resumed");
    }
    TrainingState s;
    s.globalStep = j.value("global_step", int64_t{0});
    s.epoch = j.value("epoch", int64_t{0});
    s.microBatch = j.value("micro_batch", int64_t{0});
    s.scheduleStep = j.value("schedule_step", s.globalStep);  // states saved before it existed
    return s;
}

void loadTrainingState(const std::string& runDir, const TrainingState&, MaskedLanguageModelImpl& model,
                       torch::optim::Optimizer& optimizer, LossScaler& scaler)
{
    const fs::path dir = fs::path(runDir) / "state";
    const std::string weights = (dir / "model.safetensors").string();
    const TensorList tensors = readSafetensors(weights);
    const torch::Device device = model.parameters().front().device();
    model.to(torch::kCPU);
    loadStateDict(model, tensors, weights);
    model.to(device);
    try {
        torch::load(optimizer, (dir / "optimizer.pt").string(), device);
        torch::Tensor rng;
        torch::load(rng, (dir / "rng.pt").string());
        setCpuGeneratorState(rng);
    } catch (const c10::Error& e) {
        throw Error("the saved optimizer or RNG state in " + dir.string() + " cannot be read: " + e.what_without_backtrace());
    }
    std::ifstream in(dir / "trainer_state.json");
    const json j = json::parse(in);
    scaler.m_scale = j.value("loss_scale", 65536.0);
    scaler.m_goodSteps = j.value("good_steps", int64_t{0});
}

}  // namespace masklab
