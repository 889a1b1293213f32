#pragma once
// A fast 64-bit digest of file contents, eight bytes a step (a DistilBERT training state, 800 MB,
// in a fraction of a second): what MaskLab writes and reads back (the token cache, the training
// state) carries it, so damage on disk is found before the bytes are used. Not cryptographic: it
// catches a flipped bit or a torn write, not someone who rewrites the checksum too.
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace masklab {

inline uint64_t mixWords(const void* data, std::size_t bytes, uint64_t h)
{
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        h = (h ^ word) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    for (; i < bytes; ++i) {
        h = (h ^ p[i]) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    return h;
}

}  // namespace masklab
