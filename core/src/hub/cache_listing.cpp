// listCachedModels: what the Hugging Face cache already holds, and whether MaskLab can load it.
#include "masklab/hub.h"
#include "masklab/model_config.h"

#include "hub/hub_cache.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace masklab::hub {
namespace {

// architectures[0] (or model_type), whether it names a masked-LM head, and why MaskLab cannot
// load it (empty when it can).
void describeConfig(const fs::path& configPath, CachedModel& model)
{
    std::ifstream in(configPath, std::ios::binary);
    const nlohmann::json config = nlohmann::json::parse(in, nullptr, false);
    if (config.is_discarded() || !config.is_object()) {
        model.reason = "config.json is not valid JSON";
        return;
    }
    std::vector<std::string> architectures;
    if (config.contains("architectures") && config["architectures"].is_array())
        for (const auto& a : config["architectures"])
            if (a.is_string()) architectures.push_back(a.get<std::string>());
    const std::string modelType = config.value("model_type", std::string());
    model.architecture = architectures.empty() ? modelType : architectures.front();
    model.maskedLm = std::any_of(architectures.begin(), architectures.end(), [](const std::string& a) {
        return a.size() > 11 && a.compare(a.size() - 11, 11, "ForMaskedLM") == 0;
    });
    if (!architectures.empty() && !model.maskedLm) {
        model.reason = model.architecture + " has no masked-language-model head (MaskLab loads *ForMaskedLM models)";
        return;
    }
    try {
        ModelConfig::fromFile(configPath.string());
    } catch (const std::exception& e) {
        model.reason = e.what();
    }
}

uint64_t linkedSize(const fs::path& folder)
{
    std::set<fs::path> blobs;
    uint64_t size = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (!fs::is_regular_file(it->path(), ec)) continue;
        const fs::path target = fs::canonical(it->path(), ec);
        if (ec || !blobs.insert(target).second) continue;
        size += fs::file_size(target, ec);
    }
    return size;
}

}  // namespace

std::vector<CachedModel> listCachedModels(const HubSettings& settings)
{
    std::vector<CachedModel> models;
    std::error_code ec;
    for (fs::directory_iterator repo(settings.cacheDir, ec), end; !ec && repo != end; repo.increment(ec)) {
        const std::optional<std::string> repoId = repoIdFromFolderName(repo->path().filename().string());
        if (!repoId || !repo->is_directory()) continue;
        std::map<std::string, std::vector<std::string>> refsByCommit;
        const fs::path refs = repo->path() / "refs";
        std::error_code refError;
        for (fs::recursive_directory_iterator ref(refs, refError), refEnd; !refError && ref != refEnd;
             ref.increment(refError)) {
            if (!ref->is_regular_file()) continue;
            const std::string name = ref->path().lexically_relative(refs).string();
            if (const auto commit = commitForRevision(repo->path(), name)) refsByCommit[*commit].push_back(name);
        }
        std::error_code snapError;
        for (fs::directory_iterator snapshot(repo->path() / "snapshots", snapError), snapEnd;
             !snapError && snapshot != snapEnd; snapshot.increment(snapError)) {
            if (!snapshot->is_directory()) continue;
            CachedModel model;
            model.repoId = *repoId;
            model.commit = snapshot->path().filename().string();
            model.folder = snapshot->path().string();
            model.revisions = refsByCommit[model.commit];
            const SnapshotContents contents = inspectSnapshot(snapshot->path());
            model.complete = contents.complete;
            model.sizeOnDisk = linkedSize(snapshot->path());
            if (fs::exists(snapshot->path() / "config.json", ec))
                describeConfig(snapshot->path() / "config.json", model);
            else
                model.reason = "no config.json";
            if (model.reason.empty() && !contents.complete)
                model.reason = "incomplete: " + contents.missing + " is missing (download it again to finish)";
            model.loadable = model.reason.empty();
            models.push_back(std::move(model));
        }
    }
    std::stable_sort(models.begin(), models.end(), [](const CachedModel& a, const CachedModel& b) {
        if (a.loadable != b.loadable) return a.loadable;
        if (a.repoId != b.repoId) return a.repoId < b.repoId;
        return !a.revisions.empty() && b.revisions.empty();
    });
    return models;
}

}  // namespace masklab::hub
