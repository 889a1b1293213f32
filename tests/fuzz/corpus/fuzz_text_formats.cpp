// The JSONL, CSV, TSV and plain-text corpus readers. The first byte picks the reader (and the
// plain-text unit); the rest is the file. Whatever is read must be valid UTF-8 documents.
#include "fuzz_support.h"
#include "masklab/corpus.h"

namespace {

bool validUtf8(const std::string& s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    static const char* const kNames[] = {"corpus.jsonl", "corpus.csv", "corpus.tsv", "corpus.txt",
                                         "corpus.txt", "corpus.txt", "corpus.json"};
    const unsigned mode = data[0] % 7;
    const std::string path = masklab::fuzz::writeFile(kNames[mode], {reinterpret_cast<const char*>(data + 1), size - 1});
    masklab::CorpusOptions options;
    options.textUnit = mode == 3 ? masklab::TextUnit::Line : mode == 4 ? masklab::TextUnit::Paragraph
                                                                       : masklab::TextUnit::File;
    if (data[0] & 0x80) options.labelField = "sentiment";
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        const masklab::Corpus corpus = masklab::readCorpus(path, options);
        for (const masklab::Document& d : corpus.documents)
            if (!validUtf8(d.text)) masklab::fuzz::finding("a document that is not UTF-8 was read", d.source);
    });
    return 0;
}
