// model.safetensors: an 8-byte header length, a JSON header, the tensor bytes. Most mutations
// change the JSON header as a value tree (dtypes, shapes, data_offsets) and write the length
// again; the rest flip bytes anywhere.
#include "fuzz_support.h"
#include "json_mutator.h"
#include "masklab/tensor_io.h"

#include <cstring>
#include <string>

namespace {
const std::vector<std::string> kWords = {"dtype", "shape", "data_offsets", "__metadata__", "format", "pt", "F32",
                                         "F16", "BF16", "F64", "I64", "I32", "I8", "U8", "BOOL", "F8_E4M3",
                                         "distilbert.embeddings.word_embeddings.weight", "vocab_projector.bias"};
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    uint64_t length = 0;
    if (size >= 8) std::memcpy(&length, data, 8);
    if (seed % 4 == 0 || size < 8 || length > size - 8) return LLVMFuzzerMutate(data, size, maxSize);
    std::string header(reinterpret_cast<const char*>(data + 8), length);
    const std::string body(reinterpret_cast<const char*>(data + 8 + length), size - 8 - length);
    const std::size_t room = maxSize > size ? maxSize - size : 0;
    header.resize(length + room);
    header.resize(masklab::fuzz::mutateJson(reinterpret_cast<uint8_t*>(header.data()), length, length + room, seed, kWords));
    if (8 + header.size() + body.size() > maxSize) return LLVMFuzzerMutate(data, size, maxSize);
    length = header.size();
    std::memcpy(data, &length, 8);
    std::memcpy(data + 8, header.data(), header.size());
    std::memcpy(data + 8 + header.size(), body.data(), body.size());
    return 8 + header.size() + body.size();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("model.safetensors", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        (void)masklab::readSafetensorsMetadata(path);
        for (const auto& named : masklab::readSafetensors(path))
            if (named.tensor.numel() > 0) (void)named.tensor.sum().item<double>();  // every byte is readable
    });
    return 0;
}
