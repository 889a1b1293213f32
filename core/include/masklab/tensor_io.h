#pragma once
// The tensor files of Hugging Face checkpoints: `model.safetensors` (read and written) and
// `pytorch_model.bin` (torch.save's zip format, read). Names map to CPU tensors of the stored
// dtype; the model layer checks names and shapes.
#include <ATen/core/Tensor.h>

#include <map>
#include <string>
#include <vector>

namespace masklab {

struct NamedTensor {
    std::string name;
    at::Tensor tensor;
};
using TensorList = std::vector<NamedTensor>;

// Reads every tensor of a .safetensors file (F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL).
// Throws masklab::Error naming the file for a truncated file, a bad header, an unknown dtype
// or offsets outside the data.
TensorList readSafetensors(const std::string& path);

// The "__metadata__" map of a .safetensors file (empty when it has none).
std::map<std::string, std::string> readSafetensorsMetadata(const std::string& path);

// Writes tensors (contiguous copies are made as needed) with the given metadata; Hugging Face
// writes {"format": "pt"}. Names must be unique. Written to a temporary file and renamed.
void writeSafetensors(const std::string& path, const TensorList& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

// Reads a state dict saved by torch.save (zip format, PyTorch >= 1.6) as Hugging Face's
// pytorch_model.bin holds it. Throws masklab::Error naming the file otherwise.
TensorList readPytorchBin(const std::string& path);

}  // namespace masklab
