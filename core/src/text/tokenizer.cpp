#include "masklab/tokenizer.h"

#include "masklab/parallel.h"

namespace masklab {

std::vector<Encoding> Tokenizer::encodeBatch(const std::vector<std::string_view>& texts,
                                             bool addSpecialTokens, int threads) const
{
    std::vector<Encoding> result(texts.size());
    parallelFor(texts.size(), 64, threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) result[i] = encode(texts[i], addSpecialTokens);
    });
    return result;
}

}  // namespace masklab
