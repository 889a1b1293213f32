#include "engine/training_state.h"

#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/message.h"
#include "masklab/tensor_io.h"

#include "support/content_checksum.h"
#include "support/json_reason.h"
#include "support/json_value.h"
#include "formats/mapped_file.h"

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
constexpr int kStateFormat = 3;  // 3: the place in the epoch as a sample, the global batch

// What MappedFile says when a file of the state cannot be read.
const MappedFileMessages kMappedStateFile = {
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot open the training state file {1}: {2}; check the path and its "
                           "permissions"),
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot read the training state file {1}: it is not a regular file"),
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot map the training state file {1}: {2}"),
};

std::string fileChecksum(const fs::path& path)
{
    const MappedFile file(path.string(), kMappedStateFile);
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
    if (!ok)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write the training state {1} to disk: {2}"))
                               .arg(path.string())
                               .arg(std::strerror(errno)));
}

void checkStateFiles(const fs::path& dir, const json& meta)
{
    if (!meta.contains("checksums")) {
        if (meta.value("format", 1) < 2) return;  // saved before format 2: nothing to compare with
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the saved training state in {1} is damaged: its "
                                                          "trainer_state.json lost the checksums of its files, so it "
                                                          "is not used"))
                               .arg(dir.string()));
    }
    const json& sums = meta["checksums"];
    for (const char* name : kStateFiles) {
        const fs::path file = dir / name;
        if (!fs::exists(file))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the saved training state in {1} lacks {2}: "
                                                              "the run cannot be resumed from it"))
                                   .arg(dir.string())
                                   .arg(name));
        if (!sums.is_object() || !sums.contains(name) || !sums[name].is_string() ||
            sums[name].get<std::string>() != fileChecksum(file))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the saved training state in {1} is damaged: "
                                                              "{2} does not match the checksum written with it, so it "
                                                              "is not used; start the run again or resume from a copy "
                                                              "of the run folder"))
                                   .arg(dir.string())
                                   .arg(name));
    }
}

}  // namespace

namespace {

// The state's files into `partDir`, each on disk before the folder is swapped in.
void writeStateFolder(const fs::path& partDir, const TrainingState& state, const MaskedLanguageModelImpl& model,
                      torch::optim::Optimizer& optimizer, const LossScaler& scaler)
{
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
                       {"sample", state.sample}, {"global_batch", state.globalBatch},
                       {"processes", state.processes}, {"schedule_step", state.scheduleStep},
                       {"loss_scale", scaler.m_scale}, {"good_steps", scaler.m_goodSteps}, {"checksums", checksums}};
    {
        std::ofstream out(partDir / "trainer_state.json");
        out << meta.dump(2) << '\n';
        if (!out.flush())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: {2}"))
                                   .arg((partDir / "trainer_state.json").string())
                                   .arg(std::strerror(errno)));
    }
    syncPath(partDir / "trainer_state.json", false);
    syncPath(partDir, true);
}

std::string firstLineOf(const std::string& text)
{
    const std::string line = text.substr(0, text.find('\n'));
    return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

}  // namespace

void saveTrainingState(const std::string& runDir, const TrainingState& state, const MaskedLanguageModelImpl& model,
                       torch::optim::Optimizer& optimizer, const LossScaler& scaler)
{
    const fs::path finalDir = fs::path(runDir) / "state";
    const fs::path partDir = fs::path(runDir) / "state.part";
    std::error_code ec;
    fs::remove_all(partDir, ec);
    // A full disk (or any failed write) leaves the previous state as it was: the new one is
    // written beside it and swapped in only when whole.
    try {
        writeStateFolder(partDir, state, model, optimizer, scaler);
    } catch (const std::exception& e) {
        fs::remove_all(partDir, ec);
        Message failed(MASKLAB_TRANSLATE_NOOP("Engine", "cannot save the training state in {1} ({2}). The state saved "
                                              "before is kept: free space in {1} and resume the run"));
        failed.arg(runDir);
        // MaskLab's own reason is translated in its own right where it is one short line already;
        // anything else (torch::save's errors carry a backtrace) is cut to its first line.
        const std::string line = firstLineOf(e.what());
        if (line == e.what()) failed.inner(messageOf(e));
        else failed.arg(line);
        throw MessageError(std::move(failed));
    }
    const fs::path oldDir = fs::path(runDir) / "state.old";
    fs::remove_all(oldDir, ec);
    if (fs::exists(finalDir)) fs::rename(finalDir, oldDir);
    fs::rename(partDir, finalDir);
    syncPath(fs::path(runDir), true);
    fs::remove_all(oldDir, ec);
}

TrainingState readTrainingState(const std::string& runDir)
{
    // A kill between the two renames of saveTrainingState leaves the previous state in
    // state.old and none in state: that one is the state to resume from.
    {
        const fs::path current = fs::path(runDir) / "state", previous = fs::path(runDir) / "state.old";
        std::error_code ec;
        if (!fs::exists(current / "trainer_state.json", ec) && fs::exists(previous / "trainer_state.json", ec)) {
            fs::remove_all(current, ec);
            fs::rename(previous, current, ec);
        }
    }
    const fs::path path = fs::path(runDir) / "state" / "trainer_state.json";
    std::ifstream in(path);
    if (!in)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no saved state in {1} (state/trainer_state.json "
                                                          "is missing): the run cannot be resumed"))
                               .arg(runDir));
    json j;
    try {
        in >> j;
    } catch (const json::exception& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is damaged ({2}): the run cannot be resumed"))
                               .arg(path.string())
                               .arg(jsonReason(e)));
    }
    const bool known = j.is_object() && (!j.contains("format") || (j["format"].is_number_integer() &&
                                                                   j["format"].get<int64_t>() <= kStateFormat));
    if (!known)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a training state this MaskLab reads "
                                                          "(format {2}): resume it with the MaskLab that wrote it"))
                               .arg(path.string())
                               .arg(j.is_object() && j.contains("format") ? asWritten(j["format"], 20)
                                                                          : std::string("?")));
    checkStateFiles(path.parent_path(), j);
    TrainingState s;
    const auto position = [&](const char* key, int64_t& field) {
        if (j.contains(key) && (!readJsonValue(j[key], field) || field < 0))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is damaged ({2} is {3}, not a count): the "
                                                              "run cannot be resumed"))
                                   .arg(path.string())
                                   .arg(key)
                                   .arg(asWritten(j[key])));
    };
    position("global_step", s.globalStep);
    s.scheduleStep = s.globalStep;  // states saved before schedule_step existed
    position("schedule_step", s.scheduleStep);
    position("epoch", s.epoch);
    position("sample", s.sample);
    position("global_batch", s.globalBatch);
    position("processes", s.processes);
    if (!j.contains("sample") && j.contains("micro_batch")) position("micro_batch", s.legacyMicroBatch);
    if (s.processes < 1)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is damaged (processes is 0): the run cannot "
                                                          "be resumed"))
                               .arg(path.string()));
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
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the saved optimizer or RNG state in {1} cannot be "
                                                          "read: {2}"))
                               .arg(dir.string())
                               .arg(e.what_without_backtrace()));
    }
    // readTrainingState parsed this file already; what is read here must fit all the same.
    std::ifstream in(dir / "trainer_state.json");
    const json j = json::parse(in, nullptr, false);
    double scale = 65536.0;
    int64_t goodSteps = 0;
    if (j.is_discarded() || (j.contains("loss_scale") && (!readJsonValue(j["loss_scale"], scale) || !(scale > 0))) ||
        (j.contains("good_steps") && (!readJsonValue(j["good_steps"], goodSteps) || goodSteps < 0)))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is damaged (its loss scale): the run cannot "
                                                          "be resumed"))
                               .arg((dir / "trainer_state.json").string()));
    scaler.m_scale = scale;
    scaler.m_goodSteps = goodSteps;
}

}  // namespace masklab
