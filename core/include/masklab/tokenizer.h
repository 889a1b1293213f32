#pragma once
// The interface every tokenizer of MaskLab offers (WordPiece, SentencePiece), and the loader
// that picks one from a path the way Hugging Face's AutoTokenizer would.
#include "masklab/encoding.h"
#include "masklab/message.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace masklab {

// Ids of the special tokens a masked-LM pipeline needs; -1 when the vocabulary lacks one.
struct SpecialTokenIds {
    int32_t pad = -1;
    int32_t unk = -1;
    int32_t cls = -1;
    int32_t sep = -1;
    int32_t mask = -1;
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Encodes one text. With addSpecialTokens the result is `[CLS] ... [SEP]` (BERT template).
    virtual Encoding encode(std::string_view text, bool addSpecialTokens = true) const = 0;

    // Joins tokens back to text as Hugging Face's decode() does.
    virtual std::string decode(const std::vector<int32_t>& ids,
                               bool skipSpecialTokens = false) const = 0;

    virtual int32_t vocabSize() const = 0;
    virtual std::string idToToken(int32_t id) const = 0;
    virtual int32_t tokenToId(std::string_view token) const = 0;  // -1 if absent
    virtual SpecialTokenIds specialTokens() const = 0;
    virtual bool isSpecial(int32_t id) const = 0;

    // A stable 64-bit digest of everything that changes the ids (vocabulary, options); the
    // token cache keys on it.
    virtual uint64_t fingerprint() const = 0;

    // Short description for logs and the GUI, e.g. "WordPiece, 30,522 tokens, uncased", as a
    // Message so that the window writes it in its own language.
    virtual Message describe() const = 0;

    // Writes the tokenizer's files into a model folder, as save_pretrained does, so that
    // loadTokenizer() and Hugging Face's AutoTokenizer read them back. Throws masklab::Error.
    virtual void saveFiles(const std::string& folder) const = 0;

    // Encodes many texts on `threads` threads (0 = every core). Order is preserved.
    std::vector<Encoding> encodeBatch(const std::vector<std::string_view>& texts,
                                      bool addSpecialTokens = true, int threads = 0) const;
};

// Loads a tokenizer from a Hugging Face `tokenizer.json`, a `vocab.txt` (with an optional
// `tokenizer_config.json` beside it), a SentencePiece `.model`, or a model folder holding them.
// Throws masklab::Error naming the path and what was wrong.
std::unique_ptr<Tokenizer> loadTokenizer(const std::string& path);

}  // namespace masklab
