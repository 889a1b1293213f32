// Token cache files (corpus/token_cache_format.h). Damage on disk is caught by the checksum,
// so mutations here write the checksum again: the reader must still refuse contents that no
// writer produces (offsets out of order, past the arrays), and what it accepts is then chunked
// and masked as a run would, which must stay inside the arrays.
#include "corpus/token_cache_format.h"
#include "fuzz_support.h"
#include "masklab/chunking.h"
#include "masklab/masking.h"
#include "masklab/token_store.h"

#include <cstring>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    size = LLVMFuzzerMutate(data, size, maxSize);
    if (seed % 16 != 0) masklab::tokencache::resealInPlace(data, size);  // most keep a valid checksum
    return size;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace masklab;
    const std::string path = fuzz::writeFile("tokens.bin", {reinterpret_cast<const char*>(data), size});
    uint64_t key = 0;
    if (size >= 16) std::memcpy(&key, data + 8, 8);  // the reader is asked for the key the file holds
    fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        const TokenStore store = TokenStore::open(path, key);
        if (!store.valid()) return;
        uint64_t sum = 0;
        for (std::size_t d = 0; d < store.documentCount(); ++d) {
            const uint64_t begin = store.documentBegin(d);
            const std::size_t length = store.documentLength(d);
            if (begin + length > store.tokenCount()) fuzz::finding("a document past the token arrays", "");
            for (std::size_t i = 0; i < length; ++i) sum += static_cast<uint32_t>(store.ids()[begin + i]);
        }
        ChunkOptions options;
        options.chunkSize = 8;
        options.groupSize = 3;
        options.tail = (size & 1) ? TailPolicy::Pad : TailPolicy::Drop;
        const ChunkSet chunks = groupTexts(store, options, 0);
        MaskingVocabulary vocabulary;
        vocabulary.vocabSize = 1000;
        vocabulary.special.assign(1000, 0);
        vocabulary.special[101] = vocabulary.special[102] = 1;
        MaskingOptions masking;
        masking.wholeWord = (size & 2) != 0;
        (void)maskAll(chunks, masking, vocabulary, 1);
        (void)sum;
    });
    return 0;
}
