#pragma once
// A WordPiece vocabulary made from a corpus, for training a model from scratch on a domain:
// the special tokens, every character seen (as a word start and as a `##` continuation, so no
// word of seen characters becomes [UNK]), then the most frequent whole words.
#include "masklab/bert_pretokenizer.h"
#include "masklab/corpus.h"
#include "masklab/wordpiece_tokenizer.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace masklab {

struct VocabularyBuildOptions {
    int vocabSize = 4000;               // tokens in the result, specials and characters included
    int minFrequency = 2;               // a whole word needs this many occurrences to enter
    BertNormalizerOptions normalizer;   // how words are normalized and split (uncased BERT)
    std::string padToken = "[PAD]";     // id 0
    std::string unkToken = "[UNK]";     // id 1
    std::string clsToken = "[CLS]";     // id 2
    std::string sepToken = "[SEP]";     // id 3
    std::string maskToken = "[MASK]";   // id 4
    std::string continuationPrefix = "##";  // marks pieces inside a word
    int threads = 0;                    // threads counting words; 0 = every core
};

// Counts the pre-tokenized words of `texts` and returns a tokenizer configuration whose
// vocabulary is: the five special tokens at ids 0..4, every character seen (byte order), the
// same characters with the continuation prefix, then whole words of at least minFrequency
// occurrences, most frequent first (ties in byte order), until vocabSize tokens. The result is
// smaller than vocabSize when the corpus has too few such words. The same texts give the same
// vocabulary on any thread count. Throws masklab::Error when vocabSize cannot hold the specials
// and the characters (the message says how many it needs).
WordPieceConfig buildWordPieceVocabulary(const std::vector<std::string_view>& texts,
                                         const VocabularyBuildOptions& options = {});

// The tokenizer a run from scratch uses when it names none: a vocabulary of vocabSize tokens
// built from the documents' texts. The trainer and the window both call it, so the chunks the
// window shows are the chunks the run trains on.
std::unique_ptr<Tokenizer> buildCorpusTokenizer(const std::vector<Document>& documents, int vocabSize);

}  // namespace masklab
