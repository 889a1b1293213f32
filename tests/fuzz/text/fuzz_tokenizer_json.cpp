// tokenizer.json as Hugging Face's tokenizers writes it, with typed JSON mutations.
#include "fuzz_support.h"
#include "json_mutator.h"
#include "text/exercise_tokenizer.h"

namespace {
const std::vector<std::string> kWords = {
    "model", "type", "WordPiece", "BPE", "Unigram", "vocab", "unk_token", "[UNK]", "continuing_subword_prefix", "##",
    "max_input_chars_per_word", "normalizer", "BertNormalizer", "Sequence", "normalizers", "lowercase",
    "strip_accents", "clean_text", "handle_chinese_chars", "pre_tokenizer", "BertPreTokenizer", "Metaspace",
    "post_processor", "BertProcessing", "TemplateProcessing", "cls", "sep", "[CLS]", "[SEP]", "[MASK]", "[PAD]",
    "added_tokens", "id", "content", "special", "decoder", "truncation", "padding", "single", "pair",
    "special_tokens", "ids", "tokens", "SpecialToken", "Sequence"};
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    return masklab::fuzz::mutateJson(data, size, maxSize, seed, kWords);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("tokenizer.json", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] { masklab::fuzz::exerciseTokenizer(*masklab::loadTokenizer(path)); });
    return 0;
}
