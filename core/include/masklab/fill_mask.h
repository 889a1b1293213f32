#pragma once
// Hugging Face's fill-mask pipeline: for each [MASK] in a text, the model's most likely tokens
// with their probabilities and the text completed with each.
#include "masklab/masked_lm.h"
#include "masklab/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace masklab {

struct FillMaskPrediction {
    int32_t token = -1;       // vocabulary id of the proposed token
    std::string tokenStr;     // tokenizer.decode({token})
    double score = 0;         // softmax probability over the vocabulary at the masked position
    std::string sequence;     // the text with this token in place of the mask, decoded as
                              // FillMaskPipeline does: without special tokens for a text of
                              // one mask, with them ([CLS], the other [MASK]s) for several
};

// One list of predictions per [MASK] of a text, in text order, each best first.
using FillMaskResult = std::vector<std::vector<FillMaskPrediction>>;

// Predicts the topK tokens for every [MASK] in `text` (encoded with [CLS] ... [SEP]). Runs under
// inference mode (c10::InferenceMode) in eval mode on the model's device and restores the model's training mode.
// Throws masklab::Error for a text without [MASK], a text longer than the model's positions,
// topK < 1, or a tokenizer that does not fit the model. A topK above the vocabulary is cut to it.
FillMaskResult fillMask(MaskedLanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text,
                        int topK = 5);

// The same for many texts, `batchSize` at a time, each batch padded with [PAD] to its longest
// text under an attention mask. Gives the results of calling fillMask on each text alone.
// Every text is checked before anything runs; errors name the text's index.
std::vector<FillMaskResult> fillMask(MaskedLanguageModelImpl& model, const Tokenizer& tokenizer,
                                     const std::vector<std::string>& texts, int topK = 5, int batchSize = 32);

}  // namespace masklab
