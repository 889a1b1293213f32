#pragma once
// group_texts from the Hugging Face course: concatenate tokenized documents and cut the
// stream into fixed-size chunks whose labels are their input ids.
#include "masklab/token_store.h"

#include <cstdint>
#include <vector>

namespace masklab {

enum class TailPolicy {
    Drop,  // drop what does not fill a whole chunk (the course)
    Pad,   // pad the last chunk of each group with [PAD]; padded labels are -100
};

struct ChunkOptions {
    int chunkSize = 128;             // tokens per chunk (the course: 128; the model allows 512)
    int groupSize = 1000;            // documents concatenated before cutting (Dataset.map's
                                     // batch of 1,000); 0 = the whole corpus as one stream
    TailPolicy tail = TailPolicy::Drop;  // what happens to the rest of each group
};

// Chunks stored flat: chunk c holds tokens [c * chunkSize, (c + 1) * chunkSize).
struct ChunkSet {
    int chunkSize = 0;
    std::vector<int32_t> ids;         // input ids (labels are the same ids where attention is 1)
    std::vector<int32_t> wordIds;     // carried from tokenization, -1 for special and padding
    std::vector<uint8_t> attention;   // 0 on padding
    std::vector<uint32_t> firstDocument;  // document that chunk c starts in
    std::size_t documents = 0;        // documents that went in
    std::size_t tokens = 0;           // tokens that went in
    std::size_t droppedTokens = 0;    // tail tokens dropped (TailPolicy::Drop)
    std::size_t paddedTokens = 0;     // padding added (TailPolicy::Pad)

    std::size_t size() const { return chunkSize > 0 ? ids.size() / static_cast<std::size_t>(chunkSize) : 0; }
    const int32_t* chunkIds(std::size_t c) const { return ids.data() + c * static_cast<std::size_t>(chunkSize); }
    const int32_t* chunkWordIds(std::size_t c) const { return wordIds.data() + c * static_cast<std::size_t>(chunkSize); }
    const uint8_t* chunkAttention(std::size_t c) const { return attention.data() + c * static_cast<std::size_t>(chunkSize); }
    // Labels as the course's group_texts makes them: a copy of the ids (-100 on padding).
    std::vector<int32_t> labels(std::size_t c) const;
};

// Groups documents [first, first + count) of the store (all of them by default).
// padId is the tokenizer's [PAD] id, used only by TailPolicy::Pad.
ChunkSet groupTexts(const TokenStore& store, const ChunkOptions& options, int32_t padId = 0);
ChunkSet groupTexts(const TokenStore& store, const std::vector<std::size_t>& documentOrder,
                    const ChunkOptions& options, int32_t padId = 0);

}  // namespace masklab
