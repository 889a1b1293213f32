#pragma once
// Hugging Face's BertNormalizer followed by BertPreTokenizer, fused into one pass over the
// text: clean text, pad CJK ideographs, NFD and drop accents, lowercase, then split on
// whitespace and isolate punctuation. Each resulting word keeps where it came from in the
// original text (code point offsets) so tokens can be traced back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace masklab {

struct BertNormalizerOptions {
    bool cleanText = true;                  // drop NUL, U+FFFD and control chars; whitespace -> ' '
    bool handleChineseChars = true;         // make each CJK ideograph a word of its own
    std::optional<bool> stripAccents;       // NFD and drop Mn; unset = follow lowercase
    bool lowercase = true;                  // Unicode lowercase (uncased models)

    bool stripsAccents() const { return stripAccents.value_or(lowercase); }
};

// One pre-token: its normalized UTF-8 text and its span in the original text.
struct PreToken {
    uint32_t textBegin = 0;   // byte range in PreTokenized::text
    uint32_t textEnd = 0;
    uint32_t charBegin = 0;   // code point range in the original input
    uint32_t charEnd = 0;
};

struct PreTokenized {
    std::string text;                 // the normalized words, back to back
    std::vector<uint32_t> charOfByte; // original code point index of each byte of `text`
    std::vector<PreToken> words;

    void clear()
    {
        text.clear();
        charOfByte.clear();
        words.clear();
    }
    std::string_view word(const PreToken& w) const
    {
        return std::string_view(text).substr(w.textBegin, w.textEnd - w.textBegin);
    }
};

// Normalizes and splits `input`, appending words to `out`. `charBase` is the code point index
// of input[0] in the whole text (input may be a piece between special tokens).
void bertPreTokenize(std::string_view input, uint32_t charBase, const BertNormalizerOptions& options,
                     PreTokenized& out);

// The BERT normalizer alone, returning the normalized string (for display and tests).
std::string bertNormalize(std::string_view input, const BertNormalizerOptions& options);

}  // namespace masklab
