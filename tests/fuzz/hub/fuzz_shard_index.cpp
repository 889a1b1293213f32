// model.safetensors.index.json (and pytorch_model.bin.index.json), which names the shards of a
// large model: typed JSON mutations; every shard named must be a safe file name.
#include "fuzz_support.h"
#include "hub/hub_cache.h"
#include "json_mutator.h"

namespace {
const std::vector<std::string> kWords = {"metadata", "total_size", "weight_map", "model-00001-of-00002.safetensors",
                                         "../config.json", "/etc/passwd", "a\\b", "C:x", ""};
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    return masklab::fuzz::mutateJson(data, size, maxSize, seed, kWords);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("model.safetensors.index.json",
                                                      {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        for (const std::string& shard : masklab::hub::shardsOfIndex(path)) {
            try {
                masklab::hub::checkRepoFileName(shard);
            } catch (const masklab::Error&) {
                masklab::fuzz::finding("an index named a shard outside its folder", shard);
            }
        }
    });
    return 0;
}
