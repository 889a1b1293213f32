#pragma once
// The result of tokenizing one text, as Hugging Face's `Encoding` carries it.
#include <cstdint>
#include <vector>

namespace masklab {

// word_ids uses -1 where Hugging Face has None (special tokens).
inline constexpr int32_t kNoWord = -1;

struct Encoding {
    std::vector<int32_t> ids;                 // token ids
    std::vector<int32_t> wordIds;             // index of the pre-token word, kNoWord for specials
    std::vector<uint32_t> offsetBegin;        // first code point of the token in the original text
    std::vector<uint32_t> offsetEnd;          // one past its last code point ((0,0) for specials)
    std::vector<uint8_t> specialTokensMask;   // 1 where the id is one of the special tokens

    std::size_t size() const { return ids.size(); }

    void append(int32_t id, int32_t word, uint32_t begin, uint32_t end, bool special)
    {
        ids.push_back(id);
        wordIds.push_back(word);
        offsetBegin.push_back(begin);
        offsetEnd.push_back(end);
        specialTokensMask.push_back(special ? 1 : 0);
    }
};

}  // namespace masklab
