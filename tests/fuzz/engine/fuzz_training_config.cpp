// The training settings file (what the window saves and `masklab-cli train --config` reads):
// typed JSON mutations; settings that load and validate must survive a round trip.
#include "fuzz_support.h"
#include "json_mutator.h"
#include "masklab/training_config.h"

namespace {
std::vector<std::string> settingNames()
{
    std::vector<std::string> names;
    masklab::TrainingConfig config;
    masklab::visitTrainingFields(config, [&](const char* key, auto&) { names.push_back(key); });
    for (const char* value : {"tiny", "mini", "small", "distilbert", "auto", "cpu", "cuda", "cuda:1", "fp16", "bf16",
                              "fp32", "train", "unsup"})
        names.push_back(value);
    return names;
}
const std::vector<std::string> kWords = settingNames();
}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    return masklab::fuzz::mutateJson(data, size, maxSize, seed, kWords);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("training_config.json", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        const masklab::TrainingConfig config = masklab::TrainingConfig::fromFile(path);
        config.validate();
        const std::string json = config.toJson();
        if (masklab::TrainingConfig::fromJson(json, "its own toJson").toJson() != json)
            masklab::fuzz::finding("training settings do not survive toJson", json.substr(0, 400));
    });
    return 0;
}
