#pragma once
// What a fuzz target does with a tokenizer that loaded: every call the pipeline makes, with
// checks on what comes back (ids in the vocabulary, offsets inside the text, one word id per id).
#include "fuzz_support.h"
#include "masklab/masking.h"
#include "masklab/tokenizer.h"

#include <string>
#include <string_view>

namespace masklab::fuzz {

inline void checkEncoding(const Tokenizer& tokenizer, const Encoding& encoding, std::string_view text)
{
    const std::size_t n = encoding.ids.size();
    if (encoding.wordIds.size() != n || encoding.offsetBegin.size() != n || encoding.offsetEnd.size() != n ||
        encoding.specialTokensMask.size() != n)
        finding("an encoding whose arrays differ in length", std::string(text.substr(0, 80)));
    for (std::size_t i = 0; i < n; ++i) {
        if (encoding.ids[i] < 0 || encoding.ids[i] >= tokenizer.vocabSize())
            finding("an id outside the vocabulary", std::to_string(encoding.ids[i]));
        if (encoding.offsetBegin[i] > encoding.offsetEnd[i] || encoding.offsetEnd[i] > text.size())
            finding("an offset outside the text", std::string(text.substr(0, 80)));
    }
}

inline void exerciseTokenizer(const Tokenizer& tokenizer)
{
    static const std::string_view texts[] = {
        "This is a great [MASK].",
        "I rented I AM CURIOUS-YELLOW from my video store<br /><br />because of all the controversy.",
        "Caf\xC3\xA9 na\xC3\xAFve \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 unaffable",
        "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    const int32_t size = tokenizer.vocabSize();
    if (size <= 0) finding("a tokenizer without tokens loaded", tokenizer.describe().text());
    for (std::string_view text : texts) {
        for (bool special : {true, false}) {
            const Encoding encoding = tokenizer.encode(text, special);
            checkEncoding(tokenizer, encoding, text);
            (void)tokenizer.decode(encoding.ids, !special);
        }
    }
    for (int32_t id = 0; id < size && id < 200; ++id) (void)tokenizer.tokenToId(tokenizer.idToToken(id));
    const SpecialTokenIds specials = tokenizer.specialTokens();
    for (int32_t id : {specials.pad, specials.unk, specials.cls, specials.sep, specials.mask})
        if (id < -1 || id >= size) finding("a special token id outside the vocabulary", std::to_string(id));
    (void)tokenizer.fingerprint();
    (void)tokenizer.describe();
    (void)maskingVocabularyFor(tokenizer);
}

}  // namespace masklab::fuzz
