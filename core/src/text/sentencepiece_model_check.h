#pragma once
// Checks a SentencePiece .model file's normalization tables before libsentencepiece sees them.
// sentencepiece 0.1.97 (Debian 12's) trusts its precompiled_charsmap: a damaged one sends its
// normalizer through the trie past the table and reads strings past their end (found by
// fuzz_sentencepiece_model). The protobuf is read here only as far as those tables.
#include <string>
#include <string_view>

namespace masklab {

// An empty string when the tables are sound (or absent), otherwise what is wrong.
std::string sentencePieceCharsmapProblem(std::string_view modelFile);

}  // namespace masklab
