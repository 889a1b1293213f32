// The WordPiece tokenizer and the BERT normalizer on arbitrary bytes, with bert-base-uncased's
// real vocabulary (MASKLAB_FUZZ_TOKENIZER names its tokenizer.json; the fixtures' by default).
#include "fuzz_support.h"
#include "masklab/bert_pretokenizer.h"
#include "text/exercise_tokenizer.h"

#include <cstdlib>
#include <memory>

namespace {
std::unique_ptr<masklab::Tokenizer> g_tokenizer;
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const char* path = std::getenv("MASKLAB_FUZZ_TOKENIZER");
    g_tokenizer = masklab::loadTokenizer(path && *path ? path : MASKLAB_FIXTURES "/bert_uncased_tokenizer/tokenizer.json");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        const masklab::Encoding encoding = g_tokenizer->encode(text, (size & 1) != 0);
        masklab::fuzz::checkEncoding(*g_tokenizer, encoding, text);
        (void)g_tokenizer->decode(encoding.ids, (size & 2) != 0);
        masklab::BertNormalizerOptions options;
        options.lowercase = (size & 4) != 0;
        (void)masklab::bertNormalize(text, options);
    });
    return 0;
}
