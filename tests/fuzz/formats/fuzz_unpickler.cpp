// The unpickler of pytorch_model.bin, reached directly: the input is the pickle (data.pkl) and
// the target wraps it in a well-formed torch.save zip with four storages, so every mutation
// lands on pickle opcodes instead of breaking the container. The dictionary holds the opcodes
// and globals torch.save uses.
#include "formats/stored_zip.h"
#include "fuzz_support.h"
#include "masklab/tensor_io.h"

#include <string>
#include <utility>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string storage(64, '\x01');
    const std::vector<std::pair<std::string, std::string>> records = {
        {"archive/data.pkl", std::string(reinterpret_cast<const char*>(data), size)},
        {"archive/byteorder", "little"},
        {"archive/data/0", storage},
        {"archive/data/1", storage},
        {"archive/data/2", std::string(4, '\0')},
        {"archive/data/3", std::string()},
        {"archive/version", "3\n"},
    };
    const std::string path = masklab::fuzz::writeFile("pytorch_model.bin", masklab::fuzz::storedZip(records));
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        for (const auto& named : masklab::readPytorchBin(path))
            if (named.tensor.numel() > 0) (void)named.tensor.sum().item<double>();
    });
    return 0;
}
