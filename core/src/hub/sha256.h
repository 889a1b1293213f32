#pragma once
// SHA-256 (FIPS 180-4), streamed: the Hub names large files by the sha256 of their bytes (the
// LFS ETag), and a download checks it as the bytes arrive, so nothing is read twice. Written
// here because the core links no crypto library for this one digest.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace masklab::hub {

class Sha256 {
public:
    Sha256();
    void add(const void* data, std::size_t size);
    void add(std::string_view bytes) { add(bytes.data(), bytes.size()); }
    // Lower-case hex of the digest. Ends the stream: add() after it starts over.
    std::string hex();

private:
    void compress(const uint8_t* block);

    uint32_t m_state[8];
    uint8_t m_buffer[64];
    std::size_t m_buffered = 0;
    uint64_t m_length = 0;  // bytes
};

// The sha256 of a whole file, or an empty string when it cannot be read.
std::string sha256OfFile(const std::string& path);

}  // namespace masklab::hub
