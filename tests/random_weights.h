#pragma once
// Random weights for model tests, far from Hugging Face's init (LayerNorm scales and biases
// included), so every parameter shows in a comparison and logits are a few units wide.
#include "masklab/masked_lm.h"

#include <torch/torch.h>

#include <cmath>
#include <string>

namespace masklab::testing {

inline void randomizeWeights(MaskedLanguageModelImpl& model, uint64_t seed)
{
    torch::manual_seed(seed);
    torch::NoGradGuard noGrad;
    for (auto& item : model.named_parameters()) {
        const std::string& name = item.key();
        torch::Tensor p = item.value();
        const bool norm = name.find("LayerNorm") != std::string::npos || name.find("layer_norm") != std::string::npos;
        if (norm && name.size() > 7 && name.compare(name.size() - 7, 7, ".weight") == 0)
            p.normal_(1.0, 0.1);
        else if (p.dim() == 1)
            p.normal_(0.0, 0.1);
        else if (name.find("embeddings") != std::string::npos)
            p.normal_(0.0, 0.3);
        else
            p.normal_(0.0, 1.0 / std::sqrt(static_cast<double>(p.size(1))));
    }
}

}  // namespace masklab::testing
