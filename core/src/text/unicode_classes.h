#pragma once
// Character classes with the exact definitions of Hugging Face tokenizers' BERT normalizer
// and pre-tokenizer (tokenizers/src/normalizers/bert.rs, pre_tokenizers/bert.rs). The
// Unicode tables come from utf8proc.
#include <cstdint>

namespace masklab::unicode {

// Rust's char::is_whitespace (the White_Space property).
bool isWhitespace(char32_t c);
// Hugging Face's is_control: categories Cc, Cf, Co, Cs (as HF classifies them), except \t \n \r.
bool isControl(char32_t c);
// Hugging Face's is_chinese_char: the CJK Unified Ideograph blocks it lists.
bool isChineseChar(char32_t c);
// Hugging Face's is_bert_punc: ASCII punctuation or any Unicode P* category.
bool isPunctuation(char32_t c);
// Nonspacing mark (Mn): what strip_accents removes after NFD.
bool isNonspacingMark(char32_t c);
// Canonical decomposition (NFD) of one code point into out; returns the count (<= 4).
int decomposeCanonical(char32_t c, char32_t out[4]);
// Lowercase mapping of one code point as Rust's char::to_lowercase; returns the count.
int toLower(char32_t c, char32_t out[3]);

}  // namespace masklab::unicode
