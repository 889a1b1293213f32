#pragma once
// WordPiece as in Hugging Face's BertTokenizerFast: special tokens written in the text are
// matched first, the rest goes through the BERT normalizer and pre-tokenizer, then greedy
// longest-match WordPiece with `##` continuations.
#include "masklab/bert_pretokenizer.h"
#include "masklab/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace masklab {

class WordPieceVocabulary;

struct WordPieceConfig {
    std::vector<std::string> vocabulary;       // token of each id, in id order
    BertNormalizerOptions normalizer;          // uncased BERT defaults
    std::string unkToken = "[UNK]";            // what an uncoverable word becomes
    std::string continuationPrefix = "##";     // marks pieces inside a word
    int maxInputCharsPerWord = 100;            // longer words become [UNK] whole
    std::string padToken = "[PAD]";
    std::string clsToken = "[CLS]";            // put before a sequence by encode()
    std::string sepToken = "[SEP]";            // put after it
    std::string maskToken = "[MASK]";
    // Tokens matched literally in the raw text before normalization (Hugging Face's added
    // special tokens); the five above are always included when the vocabulary has them.
    std::vector<std::string> addedTokens;
    // decode() as Hugging Face does it, in two passes: the WordPiece decoder of tokenizer.json
    // ("cleanup": true by default) cleans each token ("deal" "." -> "deal."), then transformers'
    // clean_up_tokenization_spaces (tokenizer_config.json; false by default since transformers
    // 5) cleans the whole string ("it ' s" -> "it's").
    bool decoderCleanup = true;
    bool cleanUpTokenizationSpaces = false;
};

class WordPieceTokenizer final : public Tokenizer {
public:
    explicit WordPieceTokenizer(WordPieceConfig config);
    ~WordPieceTokenizer() override;

    Encoding encode(std::string_view text, bool addSpecialTokens = true) const override;
    std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens = false) const override;
    int32_t vocabSize() const override;
    std::string idToToken(int32_t id) const override;
    int32_t tokenToId(std::string_view token) const override;
    SpecialTokenIds specialTokens() const override { return m_special; }
    bool isSpecial(int32_t id) const override;
    uint64_t fingerprint() const override { return m_fingerprint; }
    Message describe() const override;
    // vocab.txt, tokenizer.json, tokenizer_config.json and special_tokens_map.json.
    void saveFiles(const std::string& folder) const override;

    const WordPieceConfig& config() const { return m_config; }

private:
    struct AddedToken {
        std::string text;
        int32_t id;
    };
    void encodeSegment(std::string_view segment, uint32_t charBase, Encoding& out,
                       int32_t& wordIndex) const;
    void wordPiece(std::string_view word, const PreTokenized& pre, const PreToken& span,
                   int32_t wordIndex, Encoding& out) const;

    WordPieceConfig m_config;
    std::unique_ptr<WordPieceVocabulary> m_vocab;
    std::vector<AddedToken> m_added;      // longest first, for leftmost-longest matching
    bool m_addedAllBracketed = false;     // every added token starts with '['
    std::vector<uint8_t> m_specialById;
    SpecialTokenIds m_special;
    uint64_t m_fingerprint = 0;
};

}  // namespace masklab
