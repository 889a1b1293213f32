#include "training_state.h"

#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/tensor_io.h"

#include "content_checksum.h"
#include "json_reason.h"
#include "mapped_file.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

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

// The files of a state and the digest of each, in trainer_state.json: a state whose files do not
// match is refused with the file's name, never loaded half-damaged.
constexpr const char* kStateFiles[] = {"model.safetensors", "optimizer.pt", "rng.pt"};
constexpr int kStateFormat = 2;

std::string fileChecksum(const fs::path& path)
{
    const MappedFile file(path.string(), "training state file");
    char hex[17];
    std::snprintf(hex, sizeof(hex), "%016llx",
                  static_cast<unsigned long long>(mixWords(file.data(), file.size(), 0x7374617465763200ULL)));
    return hex;
}

// fsync of a file or folder by path, so the rename that follows publishes whole files.
void syncPath(const fs::path& path, bool folder)
{
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!ok) throw Error("cannot write the training state " + path.string() + " to disk: " + std::strerror(errno));
}

void checkStateFiles(const fs::path& dir, const json& meta)
{
    if (!meta.contains("checksums")) return;  // saved before format 2: nothing to compare with
    const json& sums = meta["checksums"];
    for (const char* name : kStateFiles) {
        const fs::path file = dir / name;
        if (!fs::exists(file))
            throw Error("the saved training state in " + dir.string() + " lacks " + name +
                        ": the run cannot be resumed from it");
        if (!sums.is_object() || !sums.contains(name) || !sums[name].is_string() ||
            sums[name].get<std::string>() != fileChecksum(file))
            throw Error("the saved training state in " + dir.string() + " is damaged: " + name +
                        " does not match the checksum written with it, so it is not used; start the run again "
                        "or resume from a copy of the run folder");
    }
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
    json checksums = json::object();
    for (const char* name : kStateFiles) {
        syncPath(partDir / name, false);
        checksums[name] = fileChecksum(partDir / name);
    }
    const json meta = {{"format", kStateFormat}, {"global_step", state.globalStep}, {"epoch", state.epoch},
                       {"micro_batch", state.microBatch}, {"schedule_step", state.scheduleStep},
                       {"loss_scale", scaler.m_scale}, {"good_steps", scaler.m_goodSteps}, {"checksums", checksums}};
    {
        std::ofstream out(partDir / "trainer_state.json");
        out << meta.dump(2) << '\n';
        if (!out.flush()) throw Error("cannot write the training state in " + partDir.string() + ": disk full?");
    }
    syncPath(partDir / "trainer_state.json", false);
    syncPath(partDir, true);
    const fs::path oldDir = fs::path(runDir) / "state.old";
    fs::remove_all(oldDir, ec);
    if (fs::exists(finalDir)) fs::rename(finalDir, oldDir);
    fs::rename(partDir, finalDir);
    syncPath(fs::path(runDir), true);
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
        throw Error(path.string() + " is damaged (" + jsonReason(e) + "): the run cannot be resumed");
    }
    const bool known = j.is_object() && (!j.contains("format") || (j["format"].is_number_integer() &&
                                                                   j["format"].get<int64_t>() <= kStateFormat));
    if (!known)
        throw Error(path.string() + " is not a training state this MaskLab reads (format " +
                    (j.is_object() && j.contains("format") ? j["format"].dump().substr(0, 20) : std::string("?")) +
                    "): resume it with the MaskLab that wrote it");
    checkStateFiles(path.parent_path(), j);
    TrainingState s;
    try {
        s.globalStep = j.value("global_step", int64_t{0});
        s.epoch = j.value("epoch", int64_t{0});
        s.microBatch = j.value("micro_batch", int64_t{0});
        s.scheduleStep = j.value("schedule_step", s.globalStep);  // states saved before it existed
    } catch (const json::exception& e) {
        throw Error(path.string() + " is damaged (" + jsonReason(e) + "): the run cannot be resumed");
    }
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
