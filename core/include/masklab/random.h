#pragma once
// A small seeded generator (xoshiro256**, seeded by splitmix64). Hand-written because masks must
// be the same on every machine for a given seed, and the std distributions are
// implementation-defined; torch's generator is not available to the Qt-free data pipeline.
#include <cstdint>

namespace masklab {

class Random {
public:
    explicit Random(uint64_t seed);
    // Derives an independent stream, e.g. one per chunk, so work can run in any order.
    static Random forStream(uint64_t seed, uint64_t stream);

    uint64_t next();
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool bernoulli(double p) { return uniform() < p; }
    // Uniform integer in [0, bound).
    uint64_t below(uint64_t bound);

private:
    uint64_t m_s[4];
};

}  // namespace masklab
