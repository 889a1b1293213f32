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

// Reads every tensor of a .safetensors file (F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL),
// in name order. Each tensor owns its memory: the file is closed on return. Throws
// masklab::Error naming the file for a missing or truncated file, a bad header, an unknown
// dtype, or a byte range that is outside the data or does not match the shape.
TensorList readSafetensors(const std::string& path);

// The "__metadata__" map of a .safetensors file (empty when it has none).
std::map<std::string, std::string> readSafetensorsMetadata(const std::string& path);

// Writes tensors (CPU contiguous copies are made as needed) with the given metadata; Hugging
// Face writes {"format": "pt"}, and an empty map writes no "__metadata__". Names must be unique.
// The layout is the safetensors library's: header padded with spaces to a multiple of 8 bytes,
// tensors back to back, ordered by dtype (widest first, so each stays aligned) then by name.
// Written to a temporary file and renamed.
void writeSafetensors(const std::string& path, const TensorList& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

// Reads a state dict saved by torch.save (zip format, PyTorch >= 1.6) as Hugging Face's
// pytorch_model.bin holds it: a dict or OrderedDict of tensors or nn.Parameters, in the saved
// order. Storages saved on a GPU load on the CPU; each tensor is its own contiguous copy, so
// tied weights (views of one storage) come back as equal, independent tensors. Only what a
// state dict needs is unpickled, never code. Throws masklab::Error naming the file for the
// legacy format (PyTorch < 1.6), a damaged zip, or a pickle that is not a dict of tensors.
TensorList readPytorchBin(const std::string& path);

}  // namespace masklab
