#include "masklab/chunking.h"

#include "masklab/error.h"
#include "masklab/message.h"

#include <numeric>

namespace masklab {

std::vector<int32_t> ChunkSet::labels(std::size_t c) const
{
    std::vector<int32_t> result(chunkIds(c), chunkIds(c) + chunkSize);
    const uint8_t* mask = chunkAttention(c);
    for (int i = 0; i < chunkSize; ++i)
        if (!mask[i]) result[static_cast<std::size_t>(i)] = -100;
    return result;
}

ChunkSet groupTexts(const TokenStore& store, const ChunkOptions& options, int32_t padId)
{
    std::vector<std::size_t> order(store.documentCount());
    std::iota(order.begin(), order.end(), std::size_t{0});
    return groupTexts(store, order, options, padId);
}

ChunkSet groupTexts(const TokenStore& store, const std::vector<std::size_t>& documentOrder,
                    const ChunkOptions& options, int32_t padId)
{
    if (options.chunkSize <= 0)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "chunk size must be positive (the course uses 128)")));
    if (options.groupSize < 0)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "group size must be 0 (whole corpus) or a number of documents")));
    const auto chunk = static_cast<std::size_t>(options.chunkSize);
    const std::size_t group = options.groupSize == 0 ? std::max<std::size_t>(1, documentOrder.size())
                                                     : static_cast<std::size_t>(options.groupSize);
    ChunkSet set;
    set.chunkSize = options.chunkSize;
    set.documents = documentOrder.size();

    std::size_t total = 0;
    for (std::size_t d : documentOrder) {
        if (d >= store.documentCount()) throw Error("document index out of range in groupTexts");
        total += store.documentLength(d);
    }
    set.tokens = total;
    set.ids.reserve(total + chunk);
    set.wordIds.reserve(total + chunk);

    for (std::size_t start = 0; start < documentOrder.size(); start += group) {
        const std::size_t end = std::min(documentOrder.size(), start + group);
        // Concatenate the group, remembering where each chunk starts.
        const std::size_t groupBegin = set.ids.size();
        std::size_t nextChunkAt = groupBegin;
        for (std::size_t k = start; k < end; ++k) {
            const std::size_t d = documentOrder[k];
            const uint64_t b = store.documentBegin(d);
            const std::size_t n = store.documentLength(d);
            while (nextChunkAt < set.ids.size() + n) {
                set.firstDocument.push_back(static_cast<uint32_t>(d));
                nextChunkAt += chunk;
            }
            set.ids.insert(set.ids.end(), store.ids() + b, store.ids() + b + n);
            set.wordIds.insert(set.wordIds.end(), store.wordIds() + b, store.wordIds() + b + n);
        }
        const std::size_t groupTokens = set.ids.size() - groupBegin;
        const std::size_t rest = groupTokens % chunk;
        if (rest == 0) continue;
        if (options.tail == TailPolicy::Drop) {
            set.droppedTokens += rest;
            set.ids.resize(set.ids.size() - rest);
            set.wordIds.resize(set.wordIds.size() - rest);
            set.firstDocument.pop_back();
        } else {
            set.paddedTokens += chunk - rest;
            set.ids.resize(set.ids.size() + chunk - rest, padId);
            set.wordIds.resize(set.wordIds.size() + chunk - rest, -1);
        }
    }
    set.attention.assign(set.ids.size(), 1);
    if (set.paddedTokens > 0)
        for (std::size_t i = 0; i < set.ids.size(); ++i)
            if (set.wordIds[i] < 0 && set.ids[i] == padId) set.attention[i] = 0;
    return set;
}

}  // namespace masklab
