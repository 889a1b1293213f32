// pytorch_model.bin as torch.save writes it: the zip container and the pickle in it, bytes
// mutated anywhere (the directory, the local headers, the pickle, the storages).
#include "fuzz_support.h"
#include "masklab/tensor_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("pytorch_model.bin", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        for (const auto& named : masklab::readPytorchBin(path))
            if (named.tensor.numel() > 0) (void)named.tensor.sum().item<double>();
    });
    return 0;
}
