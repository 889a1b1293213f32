// A vocab.txt with the tokenizer_config.json and special_tokens_map.json beside it (the files of
// save_pretrained without tokenizer.json). The input holds the three files one after another,
// separated by kSeparator lines; a part that is absent is a file that is absent.
#include "fuzz_support.h"
#include "text/exercise_tokenizer.h"

#include <filesystem>

namespace {
constexpr std::string_view kSeparator = "\n=====\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    namespace fs = std::filesystem;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const fs::path folder = masklab::fuzz::scratchFolder() / "vocab-folder";
    std::error_code ec;
    fs::remove_all(folder, ec);
    const char* names[] = {"vocab-folder/vocab.txt", "vocab-folder/tokenizer_config.json",
                           "vocab-folder/special_tokens_map.json"};
    std::size_t begin = 0;
    for (const char* name : names) {
        if (begin > input.size()) break;
        const std::size_t end = std::min(input.find(kSeparator, begin), input.size());
        masklab::fuzz::writeFile(name, input.substr(begin, end - begin));
        begin = end == input.size() ? input.size() + 1 : end + kSeparator.size();
    }
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] { masklab::fuzz::exerciseTokenizer(*masklab::loadTokenizer(folder.string())); });
    return 0;
}
