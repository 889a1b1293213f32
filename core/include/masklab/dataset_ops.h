#pragma once
// Hugging Face datasets' shuffle(seed).select(range(n)) and train_test_split(train_size,
// test_size, seed), on document indices. The course's exact permutations come from NumPy's
// generator and cannot be reproduced outside Python; these are seeded the MaskLab way
// (masklab::Random), the same on every machine.
#include "masklab/corpus.h"

#include <cstdint>
#include <vector>

namespace masklab {

// A permutation of [0, count) (Fisher-Yates).
std::vector<std::size_t> shuffledIndices(std::size_t count, uint64_t seed);

// How many documents a split takes: a count when >= 1, a fraction of the corpus when in (0, 1),
// as train_test_split reads an int or a float; 0 = whatever the other side leaves.
struct SplitSizes {
    double train = 0;
    double test = 0;
};

struct SplitIndices {
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
};

// Shuffles [0, count) with the seed; the first `test` indices form the test split and the next
// `train` the train split, as datasets does. Throws masklab::Error when the sizes do not fit.
SplitIndices trainTestSplit(std::size_t count, SplitSizes sizes, uint64_t seed);

// The documents at the given indices, in that order (select()).
Corpus selectDocuments(const Corpus& corpus, const std::vector<std::size_t>& indices);

}  // namespace masklab
