#pragma once
// The token cache's file layout, shared by the store that writes and maps it and by the fuzz
// target that forges valid checksums over hostile contents. Little-endian, as the machines we
// run on:
//   Header | uint64 offsets[documents + 1] | int32 ids[tokens] | int32 wordIds[tokens]
// The magic carries the format version; the checksum covers everything after the header, so a
// file damaged on disk (or by a crash before the rename) is rebuilt, never used.
#include "support/content_checksum.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace masklab::tokencache {

struct Header {
    char magic[8];        // "MLTOKS02"
    uint64_t key;         // tokenCacheKey of what it holds
    uint64_t documents;
    uint64_t tokens;
    uint64_t checksum;    // contentChecksum of the three arrays
};
inline constexpr char kMagic[8] = {'M', 'L', 'T', 'O', 'K', 'S', '0', '2'};

// The file size a header promises, or 0 when the counts cannot fit a file of `actual` bytes
// (checked before multiplying, so a header claiming 2^61 documents cannot wrap around).
inline uint64_t promisedSize(uint64_t documents, uint64_t tokens, uint64_t actual)
{
    if (actual < sizeof(Header)) return 0;
    const uint64_t room = (actual - sizeof(Header)) / 8;
    if (documents >= room || tokens > room) return 0;
    return sizeof(Header) + 8 * (documents + 1) + 8 * tokens;
}

inline uint64_t contentChecksum(const uint64_t* offsets, const int32_t* ids, const int32_t* wordIds,
                                uint64_t documents, uint64_t tokens)
{
    uint64_t h = 0x6d61736b6c616232ULL ^ documents ^ (tokens << 1);
    h = mixWords(offsets, 8 * (documents + 1), h);
    h = mixWords(ids, 4 * tokens, h);
    return mixWords(wordIds, 4 * tokens, h);
}

// Rewrites the checksum of a file image whose header is consistent with its size (for the
// fuzz target: contents a writer never produces, behind a checksum that matches).
inline void resealInPlace(unsigned char* file, std::size_t size)
{
    Header header;
    if (size < sizeof header) return;
    std::memcpy(&header, file, sizeof header);
    if (promisedSize(header.documents, header.tokens, size) != size) return;
    const unsigned char* base = file + sizeof header;
    const auto* offsets = reinterpret_cast<const uint64_t*>(base);
    const auto* ids = reinterpret_cast<const int32_t*>(base + 8 * (header.documents + 1));
    header.checksum = contentChecksum(offsets, ids, ids + header.tokens, header.documents, header.tokens);
    std::memcpy(file, &header, sizeof header);
}

}  // namespace masklab::tokencache
