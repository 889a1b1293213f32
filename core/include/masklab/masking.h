#pragma once
// Masking for masked-LM training, as Hugging Face's DataCollatorForLanguageModeling (token
// masking, 80/10/10) and the course's whole_word_masking_data_collator do it. Every chosen
// position records what happened to it so the GUI can colour it.
#include "masklab/chunking.h"
#include "masklab/tokenizer.h"

#include <cstdint>
#include <vector>

namespace masklab {

inline constexpr int32_t kIgnoreLabel = -100;  // label of positions the loss ignores

enum class MaskOutcome : uint8_t {
    None = 0,    // not chosen: label -100
    Masked = 1,  // replaced by [MASK]
    Random = 2,  // replaced by a random vocabulary id
    Kept = 3,    // chosen but left as it was
};

struct MaskingOptions {
    bool wholeWord = false;          // mask whole words (course: wwm_probability) instead of tokens
    double mlmProbability = 0.15;    // token masking: chance a non-special token is chosen
    double wwmProbability = 0.2;     // whole-word masking: chance a word is chosen
    double maskShare = 0.8;          // token masking: share of chosen tokens that become [MASK]
    double randomShare = 0.1;        // token masking: share replaced by a random id; rest kept
    uint64_t seed = 42;              // same seed, same masks, on every machine
};

// Which ids masking must never choose, and what to put in their place.
struct MaskingVocabulary {
    int32_t maskId = 103;
    int32_t vocabSize = 30522;       // random replacements are uniform over [0, vocabSize)
    std::vector<uint8_t> special;    // special[id] != 0: never chosen ([CLS], [SEP], [PAD], ...)

    bool isSpecial(int32_t id) const
    {
        return id >= 0 && static_cast<std::size_t>(id) < special.size() && special[static_cast<std::size_t>(id)];
    }
};

// The masking vocabulary of a tokenizer: its [MASK] id, size and special ids.
MaskingVocabulary maskingVocabularyFor(const Tokenizer& tokenizer);

struct MaskedChunk {
    std::vector<int32_t> inputIds;
    std::vector<int32_t> labels;         // original id where chosen, -100 elsewhere
    std::vector<MaskOutcome> outcome;
};

// A word of a chunk for whole-word masking: tokens [begin, end).
struct WordSpan {
    std::size_t begin = 0, end = 0;
};

// The words of a chunk, as the course's whole_word_masking_data_collator groups them: a word
// is a run of tokens with the same word id. Every token with a word id belongs to one, [UNK]
// included (the course masks it too); tokens without one ([CLS], [SEP], -1) and padding belong
// to none. Unlike the course's loop, a token without a word id ends a word, so the last word of
// one review and the first of the next never merge at a seam when their word ids are equal.
std::vector<WordSpan> wholeWordGroups(const int32_t* wordIds, const uint8_t* attention, std::size_t length);

// Masks one chunk. `stream` picks an independent random stream under options.seed (the
// chunk's index for frozen masks; a step counter for fresh masks every batch).
MaskedChunk maskChunk(const int32_t* ids, const int32_t* wordIds, const uint8_t* attention,
                      std::size_t length, const MaskingOptions& options,
                      const MaskingVocabulary& vocabulary, uint64_t stream);

// Masks every chunk of a set once (frozen evaluation masks): chunk c uses stream c, so the
// result does not depend on thread count or order.
std::vector<MaskedChunk> maskAll(const ChunkSet& chunks, const MaskingOptions& options,
                                 const MaskingVocabulary& vocabulary, int threads = 0);

// Shares measured over masked chunks, to compare with the targets.
struct MaskingStats {
    std::size_t eligibleTokens = 0;  // non-special tokens
    std::size_t chosen = 0;
    std::size_t masked = 0;
    std::size_t random = 0;
    std::size_t kept = 0;

    double chosenShare() const { return eligibleTokens ? double(chosen) / double(eligibleTokens) : 0.0; }
    double maskedShare() const { return chosen ? double(masked) / double(chosen) : 0.0; }
    double randomShare() const { return chosen ? double(random) / double(chosen) : 0.0; }
    double keptShare() const { return chosen ? double(kept) / double(chosen) : 0.0; }
    void add(const MaskedChunk& chunk, const int32_t* originalIds, const MaskingVocabulary& vocabulary);
};

}  // namespace masklab
