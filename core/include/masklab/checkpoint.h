#pragma once
// Model folders in Hugging Face's save_pretrained layout: config.json, model.safetensors (or
// pytorch_model.bin) and the tokenizer files. Loading checks every tensor by name and shape,
// and the tokenizer against the embeddings, before anything runs.
#include "masklab/masked_lm.h"
#include "masklab/tensor_io.h"
#include "masklab/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace masklab {

struct PretrainedModel {
    MaskedLanguageModel model{nullptr};
    std::unique_ptr<Tokenizer> tokenizer;
    std::string folder;
    std::vector<std::string> warnings;  // e.g. checkpoint tensors the model does not use
};

// Copies tensors into the model's parameters. Missing and mis-shaped tensors throw
// masklab::Error listing every one by name (with both shapes); tensors the model does not have
// (a pooler, an NSP head) are returned as warnings, as Hugging Face logs them. Tied aliases
// (vocab_projector.weight) must equal the word embeddings they are tied to.
std::vector<std::string> loadStateDict(MaskedLanguageModelImpl& model, const TensorList& tensors,
                                       const std::string& where);

// The tensors to save: every parameter once (tied weights once), contiguous float32 on the CPU.
TensorList stateDict(const MaskedLanguageModelImpl& model);

// Loads a model folder. The tokenizer must fit the embeddings: a vocabulary larger than
// config.vocab_size throws, naming both sizes.
PretrainedModel loadPretrained(const std::string& folder);

// Writes config.json, model.safetensors and the tokenizer files into folder (created if needed).
// Files are written beside and renamed into place, so an interrupted save leaves the previous
// checkpoint whole.
void savePretrained(const std::string& folder, const MaskedLanguageModelImpl& model, const Tokenizer& tokenizer);

// Checks that a tokenizer fits a model's embeddings; throws masklab::Error naming both.
void checkTokenizerFits(const Tokenizer& tokenizer, const ModelConfig& config, const std::string& where);

}  // namespace masklab
