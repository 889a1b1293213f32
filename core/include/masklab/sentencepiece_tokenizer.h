#pragma once
// SentencePiece (unigram or BPE .model files, as ALBERT, XLNet or T5 use them), and training
// such a model on a corpus.
//
// sentencepiece itself is never linked into the core: Debian's libsentencepiece embeds a
// protobuf that clashes with LibTorch's. It lives in libmasklab_sentencepiece.so, which is
// opened on first use and kept for the life of the process. It is looked for in this order:
//   1. the file named by the environment variable MASKLAB_SENTENCEPIECE_MODULE;
//   2. ../lib (and ../lib/masklab) beside the running executable;
//   3. the build tree's library folder;
//   4. the installed library folder (<libdir>/masklab).
#include "masklab/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace masklab {

class SentencePieceTokenizer final : public Tokenizer {
public:
    // Loads a SentencePiece .model. Throws masklab::Error naming the file when it is missing or
    // not a model, or saying where the module was looked for when it cannot be loaded.
    static std::unique_ptr<SentencePieceTokenizer> load(const std::string& path);

    ~SentencePieceTokenizer() override;

    // Pieces of the text. With addSpecialTokens the result is wrapped as `[CLS] ... [SEP]`
    // when the vocabulary has both, else `<s> ... </s>`, else left as is. A word starts at
    // each piece beginning with U+2581; a user-defined piece found in the text (e.g. [MASK]) is
    // a word of its own, like Hugging Face's added tokens. Offsets are code points of the input
    // and, as in sentencepiece and HF's Metaspace, a "▁word" piece's span includes the
    // whitespace before it. specialTokensMask marks control and user-defined pieces, not an
    // <unk> produced from the text (as WordPieceTokenizer).
    Encoding encode(std::string_view text, bool addSpecialTokens = true) const override;

    // Non-special runs are decoded by sentencepiece; special pieces are written as their text
    // (Hugging Face's decode), or left out with skipSpecialTokens.
    std::string decode(const std::vector<int32_t>& ids,
                       bool skipSpecialTokens = false) const override;

    int32_t vocabSize() const override;
    std::string idToToken(int32_t id) const override;
    int32_t tokenToId(std::string_view token) const override;
    SpecialTokenIds specialTokens() const override { return m_special; }
    // Control pieces, the unknown piece and user-defined pieces.
    bool isSpecial(int32_t id) const override;
    // FNV-1a of the .model file's bytes (after a "sentencepiece/1" tag).
    uint64_t fingerprint() const override { return m_fingerprint; }
    // e.g. "SentencePiece unigram, 2000 tokens, nmt_nfkc".
    Message describe() const override;
    // spiece.model and tokenizer_config.json.
    void saveFiles(const std::string& folder) const override;

    const std::string& path() const { return m_path; }

private:
    struct Model;
    SentencePieceTokenizer(std::string path, std::shared_ptr<Model> model, uint64_t fingerprint);

    std::string m_path;
    std::shared_ptr<Model> m_model;
    std::vector<std::string> m_pieces;   // piece of each id
    std::vector<uint8_t> m_types;        // sentencepiece piece type of each id
    SpecialTokenIds m_special;
    int32_t m_wrapBegin = -1;            // put before a sequence by encode(); -1 for none
    int32_t m_wrapEnd = -1;              // put after it
    uint64_t m_fingerprint = 0;
};

enum class SentencePieceModelType {
    Unigram,  // unigram language model (ALBERT, XLNet, T5)
    Bpe,      // byte-pair encoding
};

struct SentencePieceTrainOptions {
    std::vector<std::string> inputs;        // plain-text files, one sentence or document a line
    std::string modelPrefix;                // writes <modelPrefix>.model and <modelPrefix>.vocab
    int vocabSize = 8000;                   // pieces in the vocabulary, specials included
    SentencePieceModelType modelType = SentencePieceModelType::Unigram;  // segmentation model
    double characterCoverage = 0.9995;      // share of characters kept; the rest become <unk>
    // Pieces that always stay whole and are matched where they occur in the text; ids follow
    // <unk>, <s>, </s> in this order.
    std::vector<std::string> userDefinedSymbols = {"[PAD]", "[CLS]", "[SEP]", "[MASK]"};
    std::string normalization = "nmt_nfkc";  // "nmt_nfkc", "nmt_nfkc_cf" (lowercases), "identity"
    int maxSentenceLength = 16384;          // bytes; longer lines are skipped (spm's default 4192
                                            // would drop long IMDb reviews)
    int inputSentenceSize = 0;              // lines sampled for training; 0 uses every line
    int numThreads = 0;                     // trainer threads; 0 = every core
    bool quiet = true;                      // hide sentencepiece's INFO log on stderr
    // More flags in spm_train's form, separated by spaces, e.g.
    // "--byte_fallback=true --split_digits=true"; they override the fields above.
    std::string extraFlags;
};

// Trains a SentencePiece model. Throws masklab::Error with sentencepiece's message on failure.
void trainSentencePiece(const SentencePieceTrainOptions& options);

}  // namespace masklab
