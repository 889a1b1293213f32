// SentencePiece .model files (a protobuf that libsentencepiece parses in our module), then
// every call the pipeline makes on the tokenizer that loaded.
#include "fuzz_support.h"
#include "text/exercise_tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("spiece.model", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] { masklab::fuzz::exerciseTokenizer(*masklab::loadTokenizer(path)); });
    return 0;
}
