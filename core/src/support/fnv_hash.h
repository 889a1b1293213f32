#pragma once
// FNV-1a, 64 bit: a stable digest for cache keys and tokenizer fingerprints. Hand-written
// because std::hash is not stable across library versions and the cache files outlive a build.
#include <cstdint>
#include <string_view>

namespace masklab {

class Fnv1a {
public:
    void add(std::string_view bytes)
    {
        for (unsigned char c : bytes) {
            m_state ^= c;
            m_state *= 0x100000001b3ULL;
        }
    }
    void add(uint64_t value)
    {
        char bytes[8];
        for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(value >> (8 * i));
        add(std::string_view(bytes, 8));
    }
    uint64_t value() const { return m_state; }

private:
    uint64_t m_state = 0xcbf29ce484222325ULL;
};

}  // namespace masklab
