// aclImdb tarballs read in place. Bytes mutated at random rarely keep a tar header's checksum,
// so after each mutation the checksum of every header is written again: the reader then sees
// well-formed headers with hostile names, sizes and types.
#include "fuzz_support.h"
#include "masklab/corpus.h"

#include <cstdio>
#include <cstring>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace {

uint64_t octal(const uint8_t* field, std::size_t length)
{
    uint64_t value = 0;
    for (std::size_t i = 0; i < length && field[i] >= '0' && field[i] <= '7'; ++i) value = value * 8 + (field[i] - '0');
    return value;
}

// Walks the headers as a tar reader does and rewrites each one's checksum field.
void fixChecksums(uint8_t* data, std::size_t size)
{
    std::size_t at = 0;
    while (at + 512 <= size) {
        uint8_t* header = data + at;
        bool zero = true;
        for (int i = 0; i < 512 && zero; ++i) zero = header[i] == 0;
        if (zero) break;
        std::memset(header + 148, ' ', 8);
        unsigned sum = 0;
        for (int i = 0; i < 512; ++i) sum += header[i];
        char field[8];
        std::snprintf(field, sizeof field, "%06o", sum);
        std::memcpy(header + 148, field, 7);
        header[155] = ' ';
        const uint64_t length = octal(header + 124, 12);
        if (length > size) break;
        at += 512 + ((length + 511) / 512) * 512;
    }
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned)
{
    size = LLVMFuzzerMutate(data, size, maxSize);
    fixChecksums(data, size);
    return size;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("aclImdb_v1.tar", {reinterpret_cast<const char*>(data), size});
    for (const char* split : {"train", "unsup"}) {
        masklab::CorpusOptions options;
        options.split = split;
        masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] { (void)masklab::readCorpus(path, options); });
    }
    return 0;
}
