#include "masklab/dataset_ops.h"
#include "masklab/message.h"

#include "masklab/error.h"
#include "masklab/random.h"

#include <cmath>
#include <numeric>

namespace masklab {
namespace {

// Resolves the test or the train size against the corpus: a fraction rounds as datasets does
// (test up, train down). Each size has its own messages, so that each is translated whole.
std::size_t resolve(double size, std::size_t count, bool test)
{
    if (size < 0 || std::isnan(size))
        throw MessageError(test ? Message(MASKLAB_TRANSLATE_NOOP("Engine", "test size must not be negative"))
                                : Message(MASKLAB_TRANSLATE_NOOP("Engine", "train size must not be negative")));
    if (size == 0) return 0;
    if (size < 1) {
        const double scaled = size * static_cast<double>(count);
        return static_cast<std::size_t>(test ? std::ceil(scaled) : std::floor(scaled));
    }
    if (size != std::floor(size))
        throw MessageError(test ? Message(MASKLAB_TRANSLATE_NOOP("Engine", "test size must be a whole number of "
                                                                           "documents or a fraction below 1"))
                                : Message(MASKLAB_TRANSLATE_NOOP("Engine", "train size must be a whole number of "
                                                                           "documents or a fraction below 1")));
    return static_cast<std::size_t>(size);
}

}  // namespace

std::vector<std::size_t> shuffledIndices(std::size_t count, uint64_t seed)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    Random rng(seed);
    for (std::size_t i = count; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    return order;
}

SplitIndices trainTestSplit(std::size_t count, SplitSizes sizes, uint64_t seed)
{
    if (count == 0) throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot split an empty corpus: load some documents first")));
    std::size_t test = resolve(sizes.test, count, /*test=*/true);
    std::size_t train = resolve(sizes.train, count, /*test=*/false);
    if (test == 0 && train == 0) test = static_cast<std::size_t>(std::ceil(0.25 * static_cast<double>(count)));
    if (train == 0) train = count > test ? count - test : 0;
    if (test == 0 && sizes.test == 0) test = count > train ? count - train : 0;
    if (train + test > count)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "train size {1} plus test size {2} is more than the {3} "
                                                      "documents; choose smaller sizes"))
                               .count(static_cast<int64_t>(train))
                               .count(static_cast<int64_t>(test))
                               .count(static_cast<int64_t>(count)));
    if (train == 0)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the train split would be empty; choose a smaller test size")));
    const std::vector<std::size_t> order = shuffledIndices(count, seed);
    SplitIndices split;
    split.test.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(test));
    split.train.assign(order.begin() + static_cast<std::ptrdiff_t>(test),
                       order.begin() + static_cast<std::ptrdiff_t>(test + train));
    return split;
}

Corpus selectDocuments(const Corpus& corpus, const std::vector<std::size_t>& indices)
{
    Corpus selected;
    selected.origin = corpus.origin;
    selected.documents.reserve(indices.size());
    for (std::size_t i : indices) {
        if (i >= corpus.documents.size())
            throw Error("document " + std::to_string(i) + " is out of range: the corpus has " +
                        std::to_string(corpus.documents.size()));
        selected.documents.push_back(corpus.documents[i]);
    }
    return selected;
}

}  // namespace masklab
