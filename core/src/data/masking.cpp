#include "masklab/masking.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "masklab/parallel.h"
#include "masklab/random.h"

namespace masklab {
namespace {

void validate(const MaskingOptions& o)
{
    auto probability = [](double p) { return p >= 0.0 && p <= 1.0; };
    if (!probability(o.mlmProbability) || !probability(o.wwmProbability))
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "masking probability must lie between 0 and 1 "
                                                     "(the course uses 0.15, or 0.2 for whole words)")));
    if (!probability(o.maskShare) || !probability(o.randomShare) || o.maskShare + o.randomShare > 1.0 + 1e-12)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "the [MASK] and random shares must be between 0 and "
                                                     "1 and add up to at most 1 (course: 0.8 and 0.1)")));
}

// Token masking, as DataCollatorForLanguageModeling.torch_mask_tokens.
void maskTokens(MaskedChunk& out, const uint8_t* attention, const MaskingOptions& options,
                const MaskingVocabulary& vocabulary, Random& rng)
{
    // Of the chosen tokens not turned into [MASK], the random ones are drawn with the
    // conditional probability randomShare / (1 - maskShare), as the collator does.
    const double randomGivenNotMasked =
        options.maskShare < 1.0 ? options.randomShare / (1.0 - options.maskShare) : 0.0;
    for (std::size_t i = 0; i < out.inputIds.size(); ++i) {
        const int32_t id = out.inputIds[i];
        if ((attention && !attention[i]) || vocabulary.isSpecial(id)) continue;
        if (!rng.bernoulli(options.mlmProbability)) continue;
        out.labels[i] = id;
        if (rng.bernoulli(options.maskShare)) {
            out.inputIds[i] = vocabulary.maskId;
            out.outcome[i] = MaskOutcome::Masked;
        } else if (rng.bernoulli(randomGivenNotMasked)) {
            out.inputIds[i] = static_cast<int32_t>(rng.below(static_cast<uint64_t>(vocabulary.vocabSize)));
            out.outcome[i] = MaskOutcome::Random;
        } else {
            out.outcome[i] = MaskOutcome::Kept;
        }
    }
}

// Whole-word masking, as the course's whole_word_masking_data_collator: each word of
// wholeWordGroups is chosen with wwmProbability and all its tokens become [MASK].
void maskWholeWords(MaskedChunk& out, const int32_t* wordIds, const uint8_t* attention,
                    const MaskingOptions& options, const MaskingVocabulary& vocabulary, Random& rng)
{
    for (const WordSpan& word : wholeWordGroups(wordIds, attention, out.inputIds.size())) {
        if (!rng.bernoulli(options.wwmProbability)) continue;
        for (std::size_t k = word.begin; k < word.end; ++k) {
            out.labels[k] = out.inputIds[k];
            out.inputIds[k] = vocabulary.maskId;
            out.outcome[k] = MaskOutcome::Masked;
        }
    }
}

}  // namespace

std::vector<WordSpan> wholeWordGroups(const int32_t* wordIds, const uint8_t* attention, std::size_t length)
{
    std::vector<WordSpan> words;
    std::size_t i = 0;
    while (i < length) {
        if (wordIds[i] < 0 || (attention && !attention[i])) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < length && wordIds[end] == wordIds[i] && !(attention && !attention[end])) ++end;
        words.push_back({i, end});
        i = end;
    }
    return words;
}

MaskingVocabulary maskingVocabularyFor(const Tokenizer& tokenizer)
{
    MaskingVocabulary v;
    v.maskId = tokenizer.specialTokens().mask;
    if (v.maskId < 0)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the tokenizer has no [MASK] token: masked-LM training needs one")));
    v.vocabSize = tokenizer.vocabSize();
    v.special.assign(static_cast<std::size_t>(v.vocabSize), 0);
    for (int32_t id = 0; id < v.vocabSize; ++id) v.special[static_cast<std::size_t>(id)] = tokenizer.isSpecial(id);
    return v;
}

MaskedChunk maskChunk(const int32_t* ids, const int32_t* wordIds, const uint8_t* attention,
                      std::size_t length, const MaskingOptions& options,
                      const MaskingVocabulary& vocabulary, uint64_t stream)
{
    validate(options);
    if (vocabulary.vocabSize <= 0) throw Error("masking needs the vocabulary size");
    MaskedChunk out;
    out.inputIds.assign(ids, ids + length);
    out.labels.assign(length, kIgnoreLabel);
    out.outcome.assign(length, MaskOutcome::None);
    Random rng = Random::forStream(options.seed, stream);
    if (options.wholeWord) {
        if (!wordIds) throw Error("whole-word masking needs word ids; tokenize with word ids kept");
        maskWholeWords(out, wordIds, attention, options, vocabulary, rng);
    } else {
        maskTokens(out, attention, options, vocabulary, rng);
    }
    return out;
}

std::vector<MaskedChunk> maskAll(const ChunkSet& chunks, const MaskingOptions& options,
                                 const MaskingVocabulary& vocabulary, int threads)
{
    std::vector<MaskedChunk> result(chunks.size());
    const auto length = static_cast<std::size_t>(chunks.chunkSize);
    parallelFor(chunks.size(), 256, threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c)
            result[c] = maskChunk(chunks.chunkIds(c), chunks.chunkWordIds(c), chunks.chunkAttention(c), length,
                                  options, vocabulary, c);
    });
    return result;
}

void MaskingStats::add(const MaskedChunk& chunk, const int32_t* originalIds, const MaskingVocabulary& vocabulary)
{
    for (std::size_t i = 0; i < chunk.outcome.size(); ++i) {
        if (!vocabulary.isSpecial(originalIds[i])) ++eligibleTokens;
        switch (chunk.outcome[i]) {
        case MaskOutcome::None: break;
        case MaskOutcome::Masked: ++chosen; ++masked; break;
        case MaskOutcome::Random: ++chosen; ++random; break;
        case MaskOutcome::Kept: ++chosen; ++kept; break;
        }
    }
}

}  // namespace masklab
